"""Fail when any import cycle exists inside footbase_tui.

Every import counts, at module level or inside a function (a lazy import still couples the
two modules); only imports under `if TYPE_CHECKING:` are left out, since they never run.
Run from the project root: `python .ci/import_cycles.py`; exit 1 lists each cycle.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = "footbase_tui"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(tree: ast.AST, name: str, is_package: bool, known: set[str]) -> set[str]:
    """The package's own modules that `name` imports (resolved to the deepest known module)."""
    found: set[str] = set()

    def resolve(target: str) -> None:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE:
                    resolve(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = name if is_package else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    here = here.rpartition(".")[0]
                base = f"{here}.{base}" if base else here
            if base.split(".")[0] == PACKAGE:
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    resolve(full if full in known else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    counter = 0

    def connect(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                result.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            connect(node)
    return result


def main() -> int:
    root = Path.cwd()
    files = sorted((root / PACKAGE).rglob("*.py"))
    names = {module_name(f, root): f for f in files}
    known = set(names)
    graph = {
        name: imports_of(ast.parse(path.read_text(encoding="utf-8")), name, path.name == "__init__.py", known)
        for name, path in names.items()
    }
    # A package's __init__ is imported on the way to each of its modules; that is not a cycle.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    found = cycles(graph)
    for group in found:
        print(f"import cycle ({len(group)} modules): " + ", ".join(group))
    if found:
        print(f"{sum(len(g) for g in found)} modules in import cycles; see README 'Architecture'")
        return 1
    print(f"no import cycles among {len(graph)} modules")
    return 0


if __name__ == "__main__":
    sys.exit(main())

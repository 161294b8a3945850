"""Large block letters that grow with the space they get: the walkthrough's countdown and
phase word, readable from the floor. Drawn with half blocks, so a pixel is one column by
half a row (about square); no colour is needed to read them (NO_COLOR, any theme)."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

ROWS = 5  # pixel rows of every glyph
_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..", "..", "..", "..", ".."),
    "A": (".#.", "#.#", "###", "#.#", "#.#"),
    "C": (".##", "#..", "#..", "#..", ".##"),
    "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"),
    "G": (".##", "#..", "#.#", "#.#", ".##"),
    "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "K": ("#.#", "#.#", "##.", "#.#", "#.#"),
    "L": ("#..", "#..", "#..", "#..", "###"),
    "N": ("#..#", "##.#", "#.##", "#..#", "#..#"),
    "O": (".#.", "#.#", "#.#", "#.#", ".#."),
    "P": ("##.", "#.#", "##.", "#..", "#.."),
    "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "S": (".##", "#..", ".#.", "..#", "##."),
    "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"),
    "W": ("#...#", "#...#", "#.#.#", "#.#.#", ".#.#."),
    "Y": ("#.#", "#.#", ".#.", ".#.", ".#."),
}


def pixels(text: str) -> list[str] | None:
    """The text as ROWS strings of '#' and '.', glyphs one pixel apart; None if a character
    has no glyph."""
    glyphs = [_FONT.get(c) for c in text.upper()]
    if not glyphs or any(g is None for g in glyphs):
        return None
    return [".".join(g[row] for g in glyphs if g is not None) for row in range(ROWS)]


def scale_for(text: str, width: int, height: int, max_scale: int = 12) -> tuple[int, int]:
    """The largest (columns, half-rows) per pixel that fit `width` x `height` cells; a pixel
    is never taller than wide nor more than twice as wide as tall. (0, 0): it does not fit."""
    grid = pixels(text)
    if grid is None or width <= 0 or height <= 0:
        return 0, 0
    kx_max = width // len(grid[0])
    ky = min(max_scale, (2 * height) // ROWS, kx_max)
    if ky < 1:
        return 0, 0
    return min(kx_max, 2 * ky), ky


def render_big(text: str, kx: int, ky: int) -> list[str]:
    """The text drawn at kx columns by ky half-rows a pixel: lines of equal length."""
    grid = pixels(text)
    if grid is None or kx < 1 or ky < 1:
        return [text]
    half_rows = ROWS * ky
    lines: list[str] = []
    for row in range((half_rows + 1) // 2):
        top, bottom = 2 * row, 2 * row + 1
        top_px = grid[top // ky]
        bottom_px = grid[bottom // ky] if bottom < half_rows else "." * len(top_px)
        cells = []
        for a, b in zip(top_px, bottom_px, strict=True):
            cells.append(("█" if b == "#" else "▀") if a == "#" else ("▄" if b == "#" else " "))
        lines.append("".join(c * kx for c in cells))
    return lines


class BigText(Widget):
    """Text in block letters, as large as the widget allows, centred; plain text when even
    the smallest letters do not fit (or a character has no glyph)."""

    DEFAULT_CSS = """
    BigText { height: 3; width: 100%; }
    """

    def __init__(self, text: str = "", max_scale: int = 12, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._text = text
        self.max_scale = max_scale

    @property
    def value(self) -> str:
        return self._text

    def update(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh()

    def render(self) -> Text:
        width, height = self.content_size
        kx, ky = scale_for(self._text, width, height, self.max_scale)
        lines = [self._text] if kx == 0 else render_big(self._text, kx, ky)
        top = max(0, (height - len(lines)) // 2)
        out = Text("\n" * top, no_wrap=True, overflow="crop")
        out.append("\n".join(line.center(width) for line in lines))
        return out

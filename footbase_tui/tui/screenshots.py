"""Screenshots of the app, kept like health data: 0600 in the data folder."""

from __future__ import annotations

from pathlib import Path

from textual._files import generate_datetime_filename
from textual.app import App

from footbase_tui.errors import StoreError
from footbase_tui.fileio import atomic_write, ensure_private_dir


def save_screenshot(
    app: App[None],
    data_dir: Path,
    filename: str | None = None,
    path: str | None = None,
    time_format: str | None = None,
) -> str | None:
    """Save the screen as SVG in `data_dir/screenshots/` (not Textual's ~/Downloads, which
    may not exist), 0600 like everything that shows health data; returns its path, or None
    (and says why) when it cannot be saved."""
    folder = Path(path).expanduser() if path else data_dir / "screenshots"
    target = folder / (filename or generate_datetime_filename(app.title, ".svg", time_format))
    try:
        ensure_private_dir(folder)
        atomic_write(target, app.export_screenshot().encode("utf-8"))
    except StoreError as exc:
        app.notify(f"Screenshot not saved: {exc}", title="Screenshot", severity="error")
        return None
    app.notify(f"Screenshot saved: {target}", title="Screenshot")
    return str(target)

"""Start the app from the command line's Context."""

from __future__ import annotations

import sys

from footbase_tui.context import Context


def run_app(ctx: Context) -> int:
    from footbase_tui.tui.app import FootbaseApp

    app = FootbaseApp(ctx, first_start=True)
    app.run()
    if app.crash_line is not None:
        print(app.crash_line, file=sys.stderr)
    return app.return_code or 0

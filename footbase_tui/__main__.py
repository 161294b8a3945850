"""Entry point for `python -m footbase_tui`."""

import sys

from footbase_tui.cli import main

sys.exit(main())

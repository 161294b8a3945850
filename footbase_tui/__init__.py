"""footbase: a terminal app for a daily foot-strength practice."""

__version__ = "0.1.0"

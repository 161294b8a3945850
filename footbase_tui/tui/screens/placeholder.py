"""A screen whose feature is still coming: says so in one line, with the global keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from footbase_tui.tui.screens.base import FootbaseScreen


class ComingScreen(FootbaseScreen):
    def __init__(self, title: str, what: str) -> None:
        super().__init__()
        self.title_text = title
        self.what = what

    def compose(self) -> ComposeResult:
        yield Static(f"{self.title_text}", classes="screen-title")
        yield Static(f"Coming soon: {self.what}. t goes back to today.", classes="coming")
        yield Footer(show_command_palette=False)

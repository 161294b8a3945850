"""Edits change only what the person changed, and a hang-up during an edit never makes a
second entry.

- An entry whose places or activity are not in the config's vocabulary (imported, or the
  list was trimmed) keeps them when only the level is edited; the dialog shows them, marked.
- A draft kept at a hang-up during an edit remembers the entry's id; accepting it saves that
  edit (one entry, the new level), not a new entry beside the old one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from footbase_tui.context import Context
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.pain_entry import PainEntryModal
from footbase_tui.tui.screens.journal import JournalScreen
from footbase_tui.tui.widgets.choice_lists import CheckGrid, ChoiceList
from tests.uikit import screen_text, settle

MakeApp = Callable[..., FootbaseApp]
KIND = "edits checked for lost or doubled fields"


def outside_entry(ctx: Context) -> PainEntry:
    e = PainEntry(
        id=new_id(),
        utc="2026-03-03T07:30:00Z",
        tz="Europe/Berlin",
        date=date(2026, 3, 3),
        level=4,
        where=("garden-bed", "low-back"),
        context="weeding",
        note="after the roses",
        source="import",
    )
    ctx.store.add_pain(e)
    return e


async def test_editing_only_the_level_keeps_places_and_activity_outside_the_vocabulary(
    make_app: MakeApp, ctx: Context, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    before = outside_entry(ctx)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, PainEntryModal)
        where = app.screen.query_one("#pain-where", CheckGrid)
        doing = app.screen.query_one("#pain-context", ChoiceList)
        assert "garden-bed" in where.chosen and doing.value == "weeding"  # ticked, as they were
        grid = str(where.render())
        assert "[x] garden-bed *" in grid and "* not in config" in grid  # marked as outside
        label = str(doing.get_option("weeding").prompt)
        assert "not in config" in label, label
        await pilot.press("backspace", "7", "enter")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen), screen_text(app)
    [after] = ctx.store.load().pain
    assert after.id == before.id and after.level == 7
    assert (after.where, after.context, after.note) == (before.where, before.context, before.note)


class NoExit:
    """Stands in for the hang-up's 1 s os._exit timer, which would end the test process."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.daemon = False

    def start(self) -> None:
        pass


async def test_a_hang_up_during_an_edit_then_the_draft_saves_that_edit_once(
    make_app: MakeApp, ctx: Context, monkeypatch: pytest.MonkeyPatch, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    monkeypatch.setattr("footbase_tui.tui.app.threading.Timer", NoExit)
    before = outside_entry(ctx)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("backspace", "8")
        await settle(pilot)
        app.hang_up()  # the terminal went away: the dialog keeps a draft
        await settle(pilot)
    assert ctx.paths.draft.exists()
    again = make_app()  # the next start offers the draft
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, PainEntryModal)
        assert "Edit pain entry" in screen_text(again) and "restored draft" in screen_text(again)
        await pilot.press("enter")
        await settle(pilot)
    [after] = ctx.store.load().pain  # one entry, not two
    assert after.id == before.id and after.level == 8
    assert (after.where, after.context, after.note) == (before.where, before.context, before.note)
    assert not ctx.paths.draft.exists()

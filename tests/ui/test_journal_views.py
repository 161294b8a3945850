"""The journal at 80x24 and 50x16: columns by width, cells ellipsised, the selected entry
whole below the table, a delete question that names the entry's time whole, and edits
that move an entry in time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from textual.widgets import Static

from footbase_tui.context import Context
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.confirm import ConfirmModal
from footbase_tui.tui.screens.journal import JournalScreen
from footbase_tui.tui.widgets.pain_table import PainTable
from tests.uikit import settle

MakeApp = Callable[..., FootbaseApp]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((50, 16), id="50x16")]
TODAY = date(2026, 3, 3)
NOTE = "after standing at the counter for a long while, then the stairs\nsecond line\nthird line"


def painted(app: FootbaseApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def add(ctx: Context, utc: str, level: int, note: str = "", where: tuple[str, ...] = ()) -> PainEntry:
    e = PainEntry(new_id(), utc, "Europe/Berlin", TODAY, level, where, "standing", note)
    ctx.store.add_pain(e)
    return e


async def open_journal(pilot: object, app: FootbaseApp) -> None:
    await pilot.press("j")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, JournalScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_the_selected_entry_is_shown_whole_and_the_table_ellipsises(
    make_app: MakeApp, ctx: Context, size: tuple[int, int]
) -> None:
    add(ctx, "2026-03-03T07:00:00Z", 6, NOTE, ("low-back", "hip", "upper-back"))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_journal(pilot, app)
        text = painted(app)
        lines = text.splitlines()
        assert all(len(line.rstrip()) <= size[0] for line in lines)
        row = next(line for line in lines if "08:00" in line and "6" in line and "…" in line)
        assert "after" in row  # the note starts in the table, cut with an ellipsis
        flat = " ".join(line.strip() for line in lines)
        for part in NOTE.splitlines():  # and is there whole, every line, below it
            assert part in flat, (part, text)
        header = [c.label.plain for c in app.screen.query_one(PainTable).columns.values()]
        assert header[-1] == "Note"
        assert ("Doing" in header) == (size[0] >= 80)  # chosen by width


async def test_the_delete_question_names_the_time_whole_at_50x16(make_app: MakeApp, ctx: Context) -> None:
    for second, level in ((5, 2), (20, 4), (41, 6)):  # three in one minute
        add(ctx, f"2026-03-03T07:00:{second:02d}Z", level, "x" * 60)
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await open_journal(pilot, app)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        text = painted(app)
        flat = " ".join(line.strip(" │") for line in text.splitlines())
        assert "Delete the entry of Tue 03 Mar 2026 08:00:41:" in flat  # the newest, to the second
        joined = "".join(line.strip(" │") for line in text.splitlines())
        assert '"' + "x" * 40 + '…"?' in joined  # the note's start, marked as cut, then the "?"
        assert "y delete · n keep" in text


async def test_edit_moves_the_entry_to_another_day_and_time(make_app: MakeApp, ctx: Context) -> None:
    e = add(ctx, "2026-03-03T07:00:30Z", 5)
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await open_journal(pilot, app)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("tab", *["backspace"] * 16, *"2026-03-01 21:15", "enter")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
    (got,) = ctx.store.load().pain
    assert (got.id, got.level, got.date, got.utc) == (e.id, 5, date(2026, 3, 1), "2026-03-01T20:15:00Z")


async def test_edit_refuses_a_future_time_and_keeps_the_entry(make_app: MakeApp, ctx: Context) -> None:
    e = add(ctx, "2026-03-03T07:00:30Z", 5)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot, app)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("tab", *["backspace"] * 16, *"2026-03-04 10:00", "enter")
        await settle(pilot)
        assert "in the future" in str(app.screen.query_one("#pain-error", Static).render())
        await pilot.press("escape")
        await settle(pilot)
    assert ctx.store.load().pain == [e]


async def test_an_unchanged_time_keeps_its_seconds(make_app: MakeApp, ctx: Context) -> None:
    e = add(ctx, "2026-03-03T07:00:30Z", 5)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot, app)
        await pilot.press("e", "backspace", "3", "enter")
        await settle(pilot)
    (got,) = ctx.store.load().pain
    assert (got.level, got.utc) == (3, e.utc)


@pytest.mark.parametrize(
    ("utc", "ago"),
    [
        ("2026-03-03T07:48:00Z", "(12 min ago)"),
        ("2026-03-03T05:00:00Z", "(3 h ago)"),
        ("2026-03-02T20:40:00Z", "(yesterday 21:40)"),  # the entry's own zone: Berlin
        ("2026-02-27T20:40:00Z", "(Fri 21:40)"),
        # A week and more: how long, not the date the line already starts with ("(24 Feb)").
        ("2026-02-24T08:00:00Z", "(1 week ago)"),
        ("2026-02-17T08:00:00Z", "(2 weeks ago)"),
    ],
)
async def test_the_selected_entry_says_how_long_ago_by_the_apps_clock(
    make_app: MakeApp, ctx: Context, utc: str, ago: str
) -> None:
    add(ctx, utc, 4)  # the app's clock says 2026-03-03 08:00 UTC
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot, app)
        detail = str(app.screen.query_one("#jr-detail", Static).render())
        assert ago in detail and "4/10" in detail

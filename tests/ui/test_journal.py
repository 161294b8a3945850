"""The Journal: entries, filters, add/edit/delete/undo, edit conflicts, trends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import pytest
from textual.coordinate import Coordinate

from footbase_tui.context import Context
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.store import Store
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.journal import JournalScreen
from footbase_tui.tui.widgets.pain_table import PainTable
from tests.uikit import screen_text, settle

MakeApp = Callable[..., FootbaseApp]
TODAY = date(2026, 3, 3)


def entry(
    day: date,
    level: int,
    hour: int = 8,
    where: tuple[str, ...] = (),
    context: str | None = None,
    note: str = "",
) -> PainEntry:
    return PainEntry(new_id(), f"{day}T{hour:02d}:00:00Z", "Europe/Berlin", day, level, where, context, note)


def seed(ctx: Context) -> list[PainEntry]:
    entries = [
        entry(TODAY, 3, 7, ("low-back",), "sitting", "desk day [b]x[/b]"),
        entry(TODAY - timedelta(days=1), 5, 18, ("knee",), "walking"),
        entry(TODAY - timedelta(days=40), 7, 9, ("low-back", "hip"), "lifting", "moved a sofa"),
    ]
    for e in entries:
        ctx.store.add_pain(e)
    return entries


def footer_keys(app: FootbaseApp) -> set[str]:
    """The keys the footer shows now (what a person sees, not what would work)."""
    from footbase_tui.tui.widgets.key_bar import KeyBar

    return {key for key, _ in app.screen.query_one(KeyBar).shown()}


def table_ids(app: FootbaseApp) -> list[str]:
    table = app.screen.query_one(PainTable)
    return [str(table.coordinate_to_cell_key(Coordinate(r, 0)).row_key.value) for r in range(table.row_count)]


async def open_journal(pilot: object, app: FootbaseApp) -> None:
    await pilot.press("j")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, JournalScreen)


async def test_entries_newest_first_with_filters(make_app: MakeApp, ctx: Context) -> None:
    today_e, yesterday_e, old_e = seed(ctx)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(pilot, app)
        assert table_ids(app) == [today_e.id, yesterday_e.id]  # the last 30 days
        assert "desk day [b]x[/b]" in str(app.screen.query_one(PainTable).get_row_at(0)[4])
        await pilot.press("f")  # 90 days
        assert table_ids(app) == [today_e.id, yesterday_e.id, old_e.id]
        await pilot.press("w")  # place: low-back (the first location)
        assert table_ids(app) == [today_e.id, old_e.id]
        await pilot.press("o", "o", "o", "o")  # doing: walking, standing, sitting, lifting
        assert table_ids(app) == [old_e.id]
        await pilot.press("z")  # back to the default: the last 30 days, any place, anything
        assert table_ids(app) == [today_e.id, yesterday_e.id]
        assert "last 30 days (f) · place: any" in screen_text(app)


@pytest.mark.parametrize("size", [(50, 16), (80, 24)])
async def test_the_filter_line_shows_every_filter_whole_at_any_width(
    make_app: MakeApp, ctx: Context, size: tuple[int, int]
) -> None:
    # At 50 columns the line was cut after "doing:", its value and key lost.
    seed(ctx)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_journal(pilot, app)
        line = str(app.screen.query_one("#jr-filters").render()).strip()
        assert ("place: any (w)" in line) is (size[0] >= 80) and len(line) <= size[0] - 2, line
        await pilot.press("f", "w", "o", "o", "o", "o")  # 90 days, low-back, lifting
        await settle(pilot)
        line = str(app.screen.query_one("#jr-filters").render()).strip()
        assert len(line) <= size[0] - 2, line
        for part in ("90 days (f)", "low-back (w)", "lifting (o)"):
            assert part in line, line
        await pilot.press("z")
        await settle(pilot)
        line = str(app.screen.query_one("#jr-filters").render()).strip()
        assert len(line) <= size[0] - 2 and "30 days (f)" in line and "(w)" in line and "(o)" in line
        assert ("place: any (w)" in line) is (size[0] >= 80)  # in full where it fits
        await pilot.resize_terminal(130 - size[0], 24)  # 80 <-> 50: the line follows the width
        await settle(pilot)
        line = str(app.screen.query_one("#jr-filters").render()).strip()
        assert ("place: any (w)" in line) is (size[0] < 80) and len(line) <= 128 - size[0]


async def test_add_from_the_journal_is_few_keystrokes(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot, app)
        keys = ["a", "6", "tab", "space", "tab", "down", "down", "space", "enter"]
        assert len(keys) <= 10
        await pilot.press(*keys)
        await settle(pilot)
        [saved] = ctx.store.load().pain
        assert (saved.level, saved.where, saved.context) == (6, ("low-back",), "sitting")
        assert table_ids(app) == [saved.id]


async def test_edit_keeps_the_time_and_changes_the_fields(make_app: MakeApp, ctx: Context) -> None:
    today_e, *_ = seed(ctx)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        assert "Edit pain entry" in screen_text(app)
        await pilot.press("backspace", "2", "enter")
        await settle(pilot)
        got = next(e for e in ctx.store.load().pain if e.id == today_e.id)
        assert (got.level, got.utc, got.date, got.note) == (2, today_e.utc, today_e.date, today_e.note)
        assert got.updated is not None


@pytest.mark.parametrize(("answer", "level"), [("y", 1), ("n", 9)])
async def test_an_edit_that_collides_with_another_process_asks(
    make_app: MakeApp, ctx: Context, answer: str, level: int
) -> None:
    today_e, *_ = seed(ctx)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        Store(ctx.paths.db, ctx.clock).update_pain(replace(today_e, level=9))  # another process
        await pilot.press("backspace", "1", "enter")
        await settle(pilot)
        assert "changed elsewhere" in screen_text(app) and "Now: 9/10" in screen_text(app)
        await pilot.press(answer)
        await settle(pilot)
        got = next(e for e in ctx.store.load().pain if e.id == today_e.id)
        assert got.level == level
        assert isinstance(app.screen, JournalScreen)


async def test_delete_asks_and_u_undoes(make_app: MakeApp, ctx: Context) -> None:
    today_e, yesterday_e, _ = seed(ctx)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot, app)
        await pilot.press("d", "n")
        await settle(pilot)
        assert len(ctx.store.load().pain) == 3
        await pilot.press("d", "y")
        await settle(pilot)
        assert today_e.id not in {e.id for e in ctx.store.load().pain}
        assert table_ids(app) == [yesterday_e.id]
        await pilot.press("u")
        await settle(pilot)
        assert today_e in ctx.store.load().pain  # exactly as it was
        assert table_ids(app) == [today_e.id, yesterday_e.id]


async def test_trends_and_the_practice_panel_say_what_is_missing(make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_journal(pilot, app)
        text = screen_text(app)
        # Two entries in the last 30 days (3 today, 5 yesterday); the one 40 days ago is not.
        assert "Pain, last 30 days: 2 entries, average 4.0" in text
        assert "average 7 days 4.0" in text
        assert "needs at least 3" in text and "not proof" in text
        assert "Weekly pain and plan done, last 12 weeks" in text
        await pilot.press("r")
        await settle(pilot)
        assert "last 26 weeks" in screen_text(app)


async def test_the_trend_panel_follows_the_filters_and_z(make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)  # low-back 3 today, knee 5 yesterday, low-back + hip 7 forty days ago
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_journal(pilot, app)
        text = screen_text(app)
        # "By place" counts the titled period only: low-back once (today), not twice.
        assert "By place, last 30 days: knee 1× avg 5.0 · low-back 1× avg 3.0" in text
        assert "hip" not in text
        await pilot.press("f")  # 90 days
        await settle(pilot)
        text = screen_text(app)
        assert "Pain, last 90 days: 3 entries" in text
        assert "By place, last 90 days: low-back 2× avg 5.0" in text
        await pilot.press("w")  # place: low-back
        await settle(pilot)
        text = screen_text(app)
        assert "Practice and pain, last 90 days, at low-back" in text
        assert "Pain, last 90 days, at low-back: 2 entries, average 5.0" in text
        assert "knee" not in text
        await pilot.press("z")
        await settle(pilot)
        text = screen_text(app)
        assert "Pain, last 30 days: 2 entries, average 4.0" in text
        assert "at low-back" not in text


def test_journal_snapshot_80x24(snap_compare: Callable[..., bool], make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["j"], run_before=settle)


def test_journal_snapshot_50x16(snap_compare: Callable[..., bool], make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)
    assert snap_compare(make_app(), terminal_size=(50, 16), press=["j"], run_before=settle)


async def test_edit_and_delete_appear_once_an_entry_arrives(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot, app)
        assert "e" not in footer_keys(app) and "d" not in footer_keys(app)
        Store(ctx.paths.db, ctx.clock).add_pain(entry(TODAY, 4))  # another process
        app.check_store()
        await settle(pilot)
        assert "e" in footer_keys(app) and "d" in footer_keys(app)

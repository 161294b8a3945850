"""The guided walkthrough, driven by a fake clock: phases, keys, saving, the end."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.countdown import Phase, PhaseKind, build_phases
from footbase_tui.core.routine import plan_item
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.today import TodayScreen
from footbase_tui.tui.screens.walkthrough import WalkthroughScreen
from footbase_tui.tui.widgets.big_text import BigText
from tests.uikit import keys_now, settle, wait_until, walk_to_the_end
from tests.uikit import screen_text as static_text

MakeApp = Callable[..., FootbaseApp]


async def advance(pilot: Pilot[None], clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    screen = pilot.app.screen
    if isinstance(screen, WalkthroughScreen):
        screen.tick()
    await pilot.pause()


def screen_text(app: FootbaseApp) -> str:
    """What a person reads: the Statics, and the phase word and countdown in block letters."""
    big = [w.value for w in app.screen.query(BigText) if w.display]
    return "\n".join([static_text(app), *big])


def digits(app: FootbaseApp) -> str:
    return app.screen.query_one("#wt-digits", BigText).value


def results(ctx: Context) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for s in ctx.store.load().sessions:
        for r in s.items:
            out[r.exercise] = (r.status, r.sets)
    return out


async def test_phases_count_down_from_get_ready(make_app: MakeApp, fake_clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert "Barefoot walk at home  L1 · 1 of 4" in text
        assert "GET READY" in text and "set 1 of 1" in text and "Next: go 10 min" in text
        assert digits(app) == "5"
        assert "Take off your shoes" in text  # the steps are shown
        await advance(pilot, fake_clock, 5)
        assert "GO" in screen_text(app) and digits(app) == "10:00"
        await advance(pilot, fake_clock, 61)
        assert digits(app) == "8:59"


async def test_pause_excludes_time_and_plus_minus_adjust(make_app: MakeApp, fake_clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 5)
        await pilot.press("space")
        await advance(pilot, fake_clock, 300)
        assert digits(app) == "10:00" and "Paused" in screen_text(app)
        await pilot.press("space")
        await advance(pilot, fake_clock, 30)
        assert digits(app) == "9:30" and "Paused" not in screen_text(app)
        await pilot.press("plus")
        await pilot.pause()
        assert digits(app) == "9:40"
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert digits(app) == "9:20"
        await pilot.press("r")
        await pilot.pause()
        assert digits(app) == "10:00"


async def test_the_last_three_seconds_are_highlighted(make_app: MakeApp, fake_clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert not app.screen.query_one("#wt-digits").has_class("-final")
        await advance(pilot, fake_clock, 2.5)
        assert app.screen.query_one("#wt-digits").has_class("-final")


async def test_holds_reps_sides_and_progress_saved_after_each_set(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # the hand glove: 3 sets x 2 reps, hold 10 s, each foot
        await pilot.pause()
        assert "Hand glove" in screen_text(app) and "left foot" in screen_text(app)
        await advance(pilot, fake_clock, 5)
        text = screen_text(app)
        # the hand glove: named holds, every set on the left foot, then the right
        assert "SQUEEZE" in text and "set 1 of 3 · rep 1 of 2 · left foot" in text
        assert "Next: release 2 s" in text and "When to stop:" in text
        assert digits(app) == "10"
        await advance(pilot, fake_clock, 10)
        assert "RELEASE" in screen_text(app) and "Next: spread 10 s" in screen_text(app)
        await advance(pilot, fake_clock, 2)
        assert "SPREAD" in screen_text(app) and "rep 2 of 2" in screen_text(app)
        await advance(pilot, fake_clock, 10)
        text = screen_text(app)
        assert "REST" in text and "next: set 2 of 3 · left foot" in text
        assert results(ctx) == {}  # nothing is saved until a whole set is done
        await advance(pilot, fake_clock, 5 + 22 + 5 + 22)
        assert "SWITCH SIDE" in screen_text(app) and digits(app) == "15"
        await advance(pilot, fake_clock, 15)
        assert "SQUEEZE" in screen_text(app) and "set 1 of 3 · rep 1 of 2 · right foot" in screen_text(app)
        await advance(pilot, fake_clock, 22)
        assert "REST" in screen_text(app)
        assert results(ctx) == {"toe-spread-glove": ("partial", 1)}  # saved after the set


async def test_n_back_and_restart(make_app: MakeApp, fake_clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.press("n")
        await pilot.pause()
        assert "SQUEEZE" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "RELEASE" in screen_text(app)
        await pilot.press("b")
        await pilot.pause()
        assert "SQUEEZE" in screen_text(app) and digits(app) == "10"


async def test_a_manual_set_waits_for_enter(make_app: MakeApp, fake_clock: FakeClock, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "enter")  # towel curls: at your own pace
        await advance(pilot, fake_clock, 5)
        assert "AT YOUR PACE" in screen_text(app) and "5 reps · left foot" in screen_text(app)
        await advance(pilot, fake_clock, 600)
        assert "AT YOUR PACE" in screen_text(app)  # still waiting
        await pilot.press("enter")
        await pilot.pause()
        assert "SWITCH SIDE" in screen_text(app)


async def test_shift_n_skips_the_rest_of_the_exercise(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.press("N")
        await pilot.pause()
        assert "Hand glove" in screen_text(app)
        assert results(ctx) == {"barefoot-walk": ("skipped", 0)}


@pytest.mark.parametrize(("answer", "kept"), [("y", True), ("n", False)])
async def test_escape_asks_whether_to_keep_what_was_done(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context, answer: str, kept: bool
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 5 + 600)  # the walk, in full
        assert results(ctx) == {"barefoot-walk": ("done", 1)}
        await pilot.press("escape")
        await pilot.pause()
        assert "Keep what was done?" in str(app.screen.query_one("Label").render())
        await pilot.press(answer)
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert ("barefoot-walk" in results(ctx)) is kept
        assert ("1/4" if kept else "0/4") in screen_text(app)


async def test_escape_then_escape_carries_on(make_app: MakeApp, fake_clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 5 + 600)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and not app.screen.engine.paused  # type: ignore[union-attr]


async def test_the_whole_routine_then_summary_and_pain_check(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await walk_to_the_end(pilot, fake_clock)
        await pilot.pause()
        text = screen_text(app)
        assert "Done for now" in text and "Exercises done: 4" in text and "Streak: 1 day" in text
        assert "Hand glove toe spread: 3 of 3 sets · " in text
        assert "How is your back now?" in text
        assert results(ctx) == {
            "barefoot-walk": ("done", 1),
            "toe-spread-glove": ("done", 3),
            "towel-curls": ("done", 1),
            "short-foot": ("done", 3),
        }
        [session] = ctx.store.load().sessions
        assert session.kind == "walkthrough" and session.end is not None
        await pilot.press("3", "enter")
        await settle(pilot)  # saves run in a worker
        [entry] = ctx.store.load().pain
        assert (entry.level, entry.context, entry.source) == (3, "exercise", "check")
        assert isinstance(app.screen, TodayScreen) and "4/4" in screen_text(app)


async def test_reopening_resumes_at_the_first_undone(make_app: MakeApp, fake_clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 5 + 600)  # the walk is done
        await settle(pilot)  # its save runs in a worker: on a busy machine it may still be going
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.items[0].id == "toe-spread-glove"  # type: ignore[attr-defined]


async def test_a_hang_up_mid_walkthrough_keeps_the_sets_done(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = []

    class FakeTimer:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.daemon = False

        def start(self) -> None:
            started.append(True)

    monkeypatch.setattr("footbase_tui.tui.app.threading.Timer", FakeTimer)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        # the hand glove does all its sets on the left foot, then the right: set 1 is done
        # once the right foot has done it
        await advance(pilot, fake_clock, 5 + 3 * 22 + 2 * 5 + 15 + 22)
        app.hang_up()
        await pilot.pause()
    assert started == [True]
    [session] = ctx.store.load().sessions
    assert session.end is not None and session.items[0].sets == 1


async def test_bell_or_flash_at_each_phase_change(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    app = make_app()
    rang = []
    app.bell = lambda: rang.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 5)
        assert rang == [True]
    ctx.paths.config.write_text("timezone: Europe/Berlin\nbell: false\n")
    app = make_app()
    app.bell = lambda: rang.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 5)
        assert rang == [True] and app.screen.has_class("-flash")


def phases_of(ctx: Context, exercise: str) -> list[Phase]:
    """The walkthrough's own phases for one exercise of today's routine (so the timings
    below follow the catalog, whatever its dosage)."""
    routine = ctx.practice.routine(ctx.store.load(), ctx.today())
    [item] = [i for i in routine.items if i.id == exercise]
    return build_phases([plan_item(item)])


def seconds_until(phases: list[Phase], done: Callable[[Phase], bool]) -> float:
    """Seconds from the start until the first phase for which `done` holds has run out."""
    total = 0.0
    for phase in phases:
        total += phase.seconds or 0
        if done(phase):
            return total
    raise AssertionError("no such phase")


async def test_n_through_a_set_does_not_make_it_done(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "n")  # past get-ready into the 10-minute walk
        await advance(pilot, fake_clock, 2)
        await pilot.press("n")  # the walk skipped after 2 s
        await pilot.pause()
        assert "Hand glove" in screen_text(app)
        [item] = ctx.store.load().sessions[0].items
        assert (item.status, item.sets, item.planned_sets, item.seconds) == ("skipped", 0, 1, 2)
    # Short-foot: set 1 in full, then n through every phase of set 2, then set 3 in full.
    phases = phases_of(ctx, "short-foot")
    sets, reps = phases[0].sets, phases[0].reps or 0
    assert sets == 3
    set1 = seconds_until(phases, lambda p: p.kind == PhaseKind.REST and p.set_no == 1)
    set2 = [p for p in phases if p.set_no == 2 and p.kind != PhaseKind.REST]
    rest2 = next(p for p in phases if p.kind == PhaseKind.REST and p.set_no == 2)
    set3 = sum(p.seconds or 0 for p in phases if p.set_no == 3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "enter")
        await advance(pilot, fake_clock, set1)
        for _ in set2:
            await pilot.press("n")
        await advance(pilot, fake_clock, (rest2.seconds or 0) + set3)
        await settle(pilot)
    short = {i.exercise: i for s in ctx.store.load().sessions for i in s.items}["short-foot"]
    assert (short.status, short.sets, short.planned_sets, short.reps) == ("partial", 2, 3, 2 * reps)
    spent = set1 + set3  # the time spent on it (set 2 took none), not three sets' worth
    assert spent - 15 <= short.seconds <= spent + 15, (short.seconds, spent)


async def test_the_summary_shows_the_time_really_spent(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 5 + 60)
        await pilot.press("space")
        await advance(pilot, fake_clock, 900)  # a quarter of an hour paused
        await pilot.press("space")
        for _ in range(40):  # the rest skipped through
            if app.screen.finished:  # type: ignore[attr-defined]
                break
            await pilot.press("N")
        await settle(pilot)
        text = screen_text(app)
        assert "Time: 1 minute 5 seconds" in text and "Exercises done: 0" in text and "skipped: 4" in text
        assert "Barefoot walk at home: skipped" in text
        assert _on_screen(app, "#wt-pain") and "enter Save" in str(app.screen.query_one("#wt-keys").render())


async def test_marks_by_hand_on_today_make_one_session(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("space", "down", "space", "down", "space", "space"):
            await pilot.press(key)
            await settle(pilot)
        assert "2/4" in screen_text(app)
        [session] = ctx.store.load().sessions
        assert {i.exercise: i.status for i in session.items} == {
            "barefoot-walk": "done",
            "toe-spread-glove": "done",
            "towel-curls": "todo",
        }


async def test_started_on_the_third_it_goes_round_every_undone_one(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "space")  # the hand glove done by hand
        await settle(pilot)
        await pilot.press("down", "enter")  # start on the third: towel curls
        await pilot.pause()
        assert "Towel curls  L1 · 1 of 3" in screen_text(app)
        seen: list[str] = []

        def note_title(screen: WalkthroughScreen) -> None:
            title = str(screen.query_one("#wt-title").render())
            if not seen or seen[-1] != title:
                seen.append(title)

        await walk_to_the_end(pilot, fake_clock, each=note_title)
        await settle(pilot)
        assert seen == [
            "Towel curls  L1 · 1 of 3",
            "Short-foot (arch activation)  L1 · 2 of 3",
            "Barefoot walk at home  L1 · 3 of 3",
        ]
        assert "Exercises done: 3" in screen_text(app)
        assert {ex: status for ex, (status, _) in results(ctx).items()} == {
            "barefoot-walk": "done",
            "toe-spread-glove": "done",
            "towel-curls": "done",
            "short-foot": "done",
        }
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and "4/4" in screen_text(app)


@pytest.mark.parametrize(("opener", "size"), [("p", (80, 24)), ("question_mark", (80, 24)), ("p", (50, 16))])
async def test_a_dialog_pauses_the_countdown_and_closing_resumes(
    make_app: MakeApp, fake_clock: FakeClock, opener: str, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 5 + 1)
        walk = app.screen
        assert isinstance(walk, WalkthroughScreen) and digits(app) == "9:59"
        await pilot.press(opener)
        await settle(pilot)
        assert app.screen is not walk
        for _ in range(10):  # a minute and a half reading or typing
            fake_clock.advance(10)
            walk.tick()
        await pilot.pause()
        assert walk.query_one("#wt-digits", BigText).value == "9:59"
        note = walk.query_one("#wt-note")
        assert "Paused until the dialog closes" in str(note.render())
        assert len(str(note.render()).strip()) <= note.size.width  # one line: not cut off under the dialog
        await pilot.press("escape")
        await settle(pilot)
        assert (
            app.screen is walk
            and isinstance(walk, WalkthroughScreen)
            and walk.engine is not None
            and not walk.engine.paused
        )
        await advance(pilot, fake_clock, 30)
        assert digits(app) == "9:29" and "Paused" not in screen_text(app)


async def test_a_pause_of_ones_own_stays_after_a_dialog(make_app: MakeApp, fake_clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 6)
        await pilot.press("space", "question_mark")
        await settle(pilot)
        await pilot.press("escape")
        await advance(pilot, fake_clock, 30)
        assert digits(app) == "9:59" and "space resumes" in screen_text(app)


def _region(app: FootbaseApp, selector: str) -> tuple[int, int, int, int]:
    r = app.screen.query_one(selector).region
    return r.x, r.y, r.width, r.height


def _on_screen(app: FootbaseApp, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    r = widget.region
    w, h = app.size
    return widget.display and r.height > 0 and r.y >= 0 and r.bottom <= h and r.right <= w


@pytest.mark.parametrize("size", [(50, 16), (80, 24)])
async def test_keys_next_step_and_countdown_stay_on_screen(
    make_app: MakeApp, fake_clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 6)
        for selector in (
            "#wt-title",
            "#wt-position",
            "#wt-phase",
            "#wt-digits",
            "#wt-next",
            "#wt-progress",
            "#wt-keys",
        ):
            assert _on_screen(app, selector), selector
        keys = str(app.screen.query_one("#wt-keys").render())
        assert all(len(row) <= size[0] for row in keys.splitlines())
        for key in ("space pause", "n next", "N skip", "+ -", "b back", "r redo", "esc leave"):
            assert key in keys, key
        assert keys.rstrip().endswith("? help")
        assert "Next: Hand glove" in screen_text(app)
        # The countdown is the largest thing there.
        digits_area = _region(app, "#wt-digits")[2] * _region(app, "#wt-digits")[3]
        for other in ("#wt-steps", "#wt-phase", "#wt-keys"):
            if app.screen.query_one(other).display:
                _, _, w, h = _region(app, other)
                assert w * h < digits_area, other
        await pilot.press("space")
        await pilot.pause()
        assert "space resume" in str(app.screen.query_one("#wt-keys").render())


@pytest.mark.parametrize("size", [(50, 16), (80, 24)])
async def test_the_key_the_bar_shows_for_leave_leaves_the_walkthrough_not_footbase(
    make_app: MakeApp, fake_clock: FakeClock, size: tuple[int, int]
) -> None:
    # The bar said "q leave" while q quits footbase (its dialog: "Quit footbase?").
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 40)  # long enough for leaving to ask first
        pairs = str(app.screen.query_one("#wt-keys").render()).split("  ")
        shown = {label.strip(): key.strip() for key, _, label in (p.strip().partition(" ") for p in pairs)}
        assert "leave" in shown, shown
        await pilot.press({"esc": "escape"}.get(shown["leave"], shown["leave"]))
        await settle(pilot)
        assert "Leave the walkthrough" in screen_text(app)
        assert "Quit footbase" not in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and app.is_running


async def test_q_asks_before_quitting_footbase_in_words_that_say_quit(
    make_app: MakeApp, fake_clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 40)
        await pilot.press("q")
        await settle(pilot)
        assert "Quit footbase? Nothing is recorded yet." in screen_text(app)
        assert "y or n: quit" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WalkthroughScreen)


async def test_the_countdown_grows_with_the_terminal(make_app: MakeApp, fake_clock: FakeClock) -> None:
    heights = []
    for size in ((50, 16), (80, 24), (120, 40)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.press("s")
            await advance(pilot, fake_clock, 6)
            drawn = str(app.screen.query_one("#wt-digits").render())
            inked = [line for line in drawn.splitlines() if line.strip()]
            assert "█" in drawn
            heights.append(len(inked))
            await pilot.press("q", "y")
    assert heights[0] >= 5 and heights[0] < heights[1] < heights[2]


async def test_the_steps_are_on_a_key_when_the_terminal_is_short(
    make_app: MakeApp, fake_clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 6)
        assert not app.screen.query_one("#wt-steps").display
        await pilot.press("i")
        await pilot.pause()
        assert _on_screen(app, "#wt-steps") and _on_screen(app, "#wt-digits") and _on_screen(app, "#wt-keys")


@pytest.mark.parametrize("key", ["q", "escape"])
async def test_q_and_escape_both_ask_while_a_session_runs(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context, key: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, 5 + 60)  # a minute into the walk: no set done yet
        walk = app.screen
        await pilot.press(key)
        await pilot.pause()
        assert "Nothing is recorded yet" in str(app.screen.query_one("Label").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is walk and app.is_running
        await advance(pilot, fake_clock, 540)  # the walk, done
        await pilot.press(key)
        await pilot.pause()
        assert "Keep what was done?" in str(app.screen.query_one("Label").render())
        await pilot.press("y")
        await settle(pilot)
        assert results(ctx) == {"barefoot-walk": ("done", 1)}
        if key == "q":
            assert app._exit  # quit footbase, after asking
        else:
            assert isinstance(app.screen, TodayScreen)


async def test_keys_in_a_burst_land_as_typed_slowly(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await settle(pilot)
        keys_now(app, "s", "n", "n", "n")  # into the walk, skip it, skip the glove's get-ready
        first = phases_of(ctx, "toe-spread-glove")[1]  # the glove's first hold
        word = first.label or "HOLD"
        assert await wait_until(lambda: word in screen_text(app), 5)
        await settle(pilot)
        assert results(ctx) == {"barefoot-walk": ("skipped", 0)}
        keys_now(app, "p", "6", "enter")  # a pain entry typed ahead, over the countdown
        assert await wait_until(lambda: len(ctx.store.load().pain) == 1, 5)
        await settle(pilot)
        walk = app.screen
        assert isinstance(walk, WalkthroughScreen) and not walk.engine.paused  # type: ignore[union-attr]
        assert ctx.store.load().pain[0].level == 6


async def test_undoing_the_only_set_done_leaves_a_record_that_reads_back(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    phases = phases_of(ctx, "short-foot")
    set1 = seconds_until(phases, lambda p: p.completes_set and p.set_no == 1)
    rest1 = next(n for n, p in enumerate(phases) if p.kind == PhaseKind.REST and p.set_no == 1)
    closing = max(n for n, p in enumerate(phases[:rest1]) if p.completes_set)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "enter")  # short-foot
        await advance(pilot, fake_clock, set1 + 1)  # set 1 of 3 done, into the rest
        await settle(pilot)
        assert results(ctx) == {"short-foot": ("partial", 1)}
        # Back into the phase that completed set 1, and cut it short.
        await pilot.press(*["b"] * (rest1 - closing), "n")
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert results(ctx) == {"short-foot": ("todo", 0)}  # the store reads, nothing claimed


async def test_pain_check_exercise_asks_after_each_exercise_and_holds_the_countdown(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    from footbase_tui.tui.modals.pain_check import PainCheckModal

    ctx.paths.config.write_text("timezone: Europe/Berlin\npain_check: exercise\n", encoding="utf-8")
    walk_s = seconds_until(phases_of(ctx, "barefoot-walk"), lambda p: p.completes_item)
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.press("s")
        await advance(pilot, fake_clock, walk_s + 1)  # the walk done
        await settle(pilot)
        assert isinstance(app.screen, PainCheckModal)
        walk = app.screen_stack[-2]
        assert isinstance(walk, WalkthroughScreen) and walk.engine is not None and walk.engine.paused
        keys_now(app, "4", "enter")  # typed in one burst
        assert await wait_until(lambda: len(ctx.store.load().pain) == 1, 5)
        await settle(pilot)
        [entry] = ctx.store.load().pain
        assert (entry.level, entry.context) == (4, "exercise")
        now_on: object = app.screen
        assert now_on is walk and not walk.engine.paused  # the glove's countdown goes on


async def test_pain_check_off_ends_with_the_summary_only(
    make_app: MakeApp, fake_clock: FakeClock, ctx: Context
) -> None:
    ctx.paths.config.write_text("timezone: Europe/Berlin\npain_check: off\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await walk_to_the_end(pilot, fake_clock)
        await settle(pilot)
        text = screen_text(app)
        assert "Done for now" in text and "How is your back now?" not in text
        assert not app.screen.query_one("#wt-pain").display
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and ctx.store.load().pain == []

"""The walkthrough's countdown engine: phases, deadlines, pauses and commands, on a simulated clock."""

from __future__ import annotations

import random

import pytest

from footbase_tui.core.clock import FakeClock
from footbase_tui.core.countdown import (
    Countdown,
    Event,
    Finished,
    ItemCompleted,
    ItemSkipped,
    Phase,
    PhaseKind,
    PhaseStarted,
    PlanItem,
    SetCompleted,
    build_phases,
)

K = PhaseKind
SHORT_FOOT = PlanItem(
    "short-foot", "hold", per_side=True, sets=2, reps=3, hold_s=3, rest_rep_s=2, rest_set_s=10
)
WALK = PlanItem("barefoot-walk", "timed", per_side=False, sets=1, seconds=300)
CURLS = PlanItem("towel-curl", "tempo", per_side=False, sets=2, reps=10, tempo_s=3, rest_set_s=30)
MARBLES = PlanItem("marble-pickup", "manual", per_side=False, sets=2, reps=10, rest_set_s=20)
T0 = 1000.0

Row = tuple[PhaseKind, float | None, str | None, int, int | None, bool, bool]


def rows(phases: list[Phase]) -> list[Row]:
    return [
        (p.kind, p.seconds, p.side, p.set_no, p.rep_no, p.completes_set, p.completes_item) for p in phases
    ]


def kinds(events: list[Event]) -> list[type]:
    return [type(e) for e in events]


def started(events: list[Event]) -> list[int]:
    return [e.index for e in events if isinstance(e, PhaseStarted)]


def simple(*seconds: float) -> list[Phase]:
    """One timed item per duration, without get-ready: phases of exactly these lengths."""
    return [Phase(K.WORK, s, i, 1, 1, None, None, None, True, True) for i, s in enumerate(seconds)]


# -- build_phases -------------------------------------------------------------------------------


def test_hold_per_side_item_phase_by_phase() -> None:
    def side(side: str, set_no: int, last: bool) -> list[Row]:
        return [
            (K.HOLD, 3.0, side, set_no, 1, False, False),
            (K.RELEASE, 2.0, side, set_no, 1, False, False),
            (K.HOLD, 3.0, side, set_no, 2, False, False),
            (K.RELEASE, 2.0, side, set_no, 2, False, False),
            (K.HOLD, 3.0, side, set_no, 3, side == "right", side == "right" and last),
        ]

    expected: list[Row] = [
        (K.GET_READY, 5.0, "left", 1, None, False, False),
        *side("left", 1, False),
        (K.SWITCH, 5.0, "right", 1, None, False, False),
        *side("right", 1, False),
        (K.REST, 10.0, "left", 1, None, False, False),
        *side("left", 2, True),
        (K.SWITCH, 5.0, "right", 2, None, False, False),
        *side("right", 2, True),
    ]
    phases = build_phases([SHORT_FOOT])
    assert rows(phases) == expected
    assert len(phases) == 24
    assert {(p.item, p.sets, p.reps) for p in phases} == {(0, 2, 3)}
    assert [(p.set_no, p.completes_item) for p in phases if p.completes_set] == [(1, False), (2, True)]


def test_timed_item() -> None:
    assert rows(build_phases([WALK], get_ready_s=10)) == [
        (K.GET_READY, 10.0, None, 1, None, False, False),
        (K.WORK, 300.0, None, 1, None, True, True),
    ]


def test_tempo_item_works_for_reps_times_tempo() -> None:
    assert rows(build_phases([CURLS])) == [
        (K.GET_READY, 5.0, None, 1, None, False, False),
        (K.WORK, 30.0, None, 1, None, True, False),
        (K.REST, 30.0, None, 1, None, False, False),
        (K.WORK, 30.0, None, 2, None, True, True),
    ]


def test_manual_item_waits() -> None:
    assert rows(build_phases([MARBLES])) == [
        (K.GET_READY, 5.0, None, 1, None, False, False),
        (K.WAIT, None, None, 1, None, True, False),
        (K.REST, 20.0, None, 1, None, False, False),
        (K.WAIT, None, None, 2, None, True, True),
    ]


def test_manual_per_side_item_waits_on_each_side() -> None:
    item = PlanItem("arch-doming", "manual", per_side=True, sets=1)
    assert rows(build_phases([item], switch_s=3)) == [
        (K.GET_READY, 5.0, "left", 1, None, False, False),
        (K.WAIT, None, "left", 1, None, False, False),
        (K.SWITCH, 3.0, "right", 1, None, False, False),
        (K.WAIT, None, "right", 1, None, True, True),
    ]


def test_no_release_without_rest_between_reps() -> None:
    item = PlanItem("toe-press", "hold", per_side=False, sets=1, reps=3, hold_s=5, rest_rep_s=0)
    assert rows(build_phases([item])) == [
        (K.GET_READY, 5.0, None, 1, None, False, False),
        (K.HOLD, 5.0, None, 1, 1, False, False),
        (K.HOLD, 5.0, None, 1, 2, False, False),
        (K.HOLD, 5.0, None, 1, 3, True, True),
    ]


def test_one_set_has_no_rest_and_rest_zero_has_none_either() -> None:
    one = PlanItem("calf-raise", "tempo", per_side=False, sets=1, reps=5, tempo_s=2, rest_set_s=60)
    assert K.REST not in [p.kind for p in build_phases([one])]
    no_rest = PlanItem("calf-raise", "tempo", per_side=False, sets=3, reps=5, tempo_s=2, rest_set_s=0)
    assert [p.kind for p in build_phases([no_rest])] == [K.GET_READY, K.WORK, K.WORK, K.WORK]


def test_items_follow_each_other_each_with_its_own_get_ready() -> None:
    phases = build_phases([WALK, CURLS])
    assert [(p.kind, p.item) for p in phases] == [
        (K.GET_READY, 0),
        (K.WORK, 0),
        (K.GET_READY, 1),
        (K.WORK, 1),
        (K.REST, 1),
        (K.WORK, 1),
    ]


@pytest.mark.parametrize(
    "item",
    [
        PlanItem("x", "sprint", per_side=False, sets=1, seconds=10),
        PlanItem("x", "timed", per_side=False, sets=0, seconds=10),
        PlanItem("x", "timed", per_side=False, sets=1),
        PlanItem("x", "hold", per_side=False, sets=1, reps=3),
        PlanItem("x", "tempo", per_side=False, sets=1, tempo_s=3),
    ],
)
def test_incomplete_items_are_refused(item: PlanItem) -> None:
    with pytest.raises(ValueError, match="x"):
        build_phases([item])


# -- deadlines ----------------------------------------------------------------------------------


def test_a_late_update_loses_no_time() -> None:
    cd = Countdown(simple(2, 5), T0)
    assert cd.remaining(T0 + 1) == 1.0
    assert cd.update(T0 + 1.9) == []
    events = cd.update(T0 + 3)  # the first phase ended at T0+2; the call comes 1 s after that
    assert cd.index == 1
    assert cd.remaining(T0 + 3) == pytest.approx(4.0)  # the second phase began at T0+2, not at T0+3
    assert events == [SetCompleted(0, 1), ItemCompleted(0), PhaseStarted(1, cd.phases[1])]
    assert cd.records[0].active_s == pytest.approx(2.0)
    assert cd.records[0].skipped is False


def test_a_three_second_stall_loses_no_time() -> None:
    cd = Countdown(simple(2, 5), T0)
    cd.update(T0 + 1.75)
    events = cd.update(T0 + 2 + 3)  # the event loop stalled for 3 s just as the first phase ended
    assert started(events) == [1]
    assert cd.remaining(T0 + 5) == pytest.approx(2.0)
    assert cd.active_elapsed(T0 + 5) == pytest.approx(3.0)
    assert kinds(cd.update(T0 + 7)) == [SetCompleted, ItemCompleted, Finished]
    assert [r.active_s for r in cd.records] == pytest.approx([2.0, 5.0])
    assert cd.total_active() == pytest.approx(7.0)


def test_one_late_update_passes_several_phases() -> None:
    cd = Countdown(simple(1, 1, 1, 10), T0)
    events = cd.update(T0 + 3.5)
    assert started(events) == [1, 2, 3]
    assert cd.remaining(T0 + 3.5) == pytest.approx(9.5)
    assert [r.active_s for r in cd.records] == pytest.approx([1.0, 1.0, 1.0])


def test_remaining_is_never_negative_and_finishing_is_reported_once() -> None:
    cd = Countdown(simple(2), T0)
    assert cd.remaining(T0 + 7) == 0.0
    assert kinds(cd.update(T0 + 7)) == [SetCompleted, ItemCompleted, Finished]
    assert cd.finished and cd.current is None and cd.index == 1
    assert cd.remaining(T0 + 8) is None
    assert cd.update(T0 + 9) == []


def test_start_index() -> None:
    cd = Countdown(simple(2, 5, 7), T0, start_index=2)
    assert cd.current == cd.phases[2]
    assert cd.remaining(T0) == 7.0
    with pytest.raises(ValueError):
        Countdown(simple(2), T0, start_index=2)
    assert Countdown([], T0).finished


# -- pause --------------------------------------------------------------------------------------


def test_pause_freezes_the_countdown_and_resume_moves_the_deadline() -> None:
    clock = FakeClock()
    start = clock.monotonic()
    cd = Countdown(simple(10, 5), start)
    clock.advance(4)
    cd.pause(clock.monotonic())
    assert cd.paused
    for _ in range(20):
        clock.advance(1)
        assert cd.update(clock.monotonic()) == []
        assert cd.remaining(clock.monotonic()) == pytest.approx(6.0)
        assert cd.active_elapsed(clock.monotonic()) == pytest.approx(4.0)
    cd.resume(clock.monotonic())  # paused 20 s
    assert not cd.paused
    assert cd.remaining(clock.monotonic()) == pytest.approx(6.0)
    clock.advance(5.9)
    assert cd.update(clock.monotonic()) == []
    clock.advance(0.2)
    assert started(cd.update(clock.monotonic())) == [1]
    assert cd.records[0].active_s == pytest.approx(10.0)
    assert clock.monotonic() - start == pytest.approx(30.1)


def test_pause_and_resume_are_idempotent_and_toggle_switches() -> None:
    cd = Countdown(simple(10), T0)
    cd.resume(T0 + 1)  # not paused: nothing
    cd.pause(T0 + 2)
    cd.pause(T0 + 5)  # already paused: still counted from T0+2
    cd.toggle_pause(T0 + 12)  # resumes, 10 s paused
    assert not cd.paused
    assert cd.remaining(T0 + 12) == pytest.approx(8.0)
    cd.toggle_pause(T0 + 13)
    assert cd.paused
    assert cd.remaining(T0 + 100) == pytest.approx(7.0)


def test_several_pauses_in_one_phase_add_up() -> None:
    cd = Countdown(simple(10, 10), T0)
    cd.pause(T0 + 1)
    cd.resume(T0 + 4)
    cd.pause(T0 + 6)
    cd.resume(T0 + 16)  # 3 s active so far, 13 s paused
    assert cd.remaining(T0 + 16) == pytest.approx(7.0)
    cd.update(T0 + 24)
    assert cd.index == 1
    assert cd.records[0].active_s == pytest.approx(10.0)
    assert cd.remaining(T0 + 24) == pytest.approx(9.0)


# -- commands -----------------------------------------------------------------------------------


def test_next_ends_the_phase_now() -> None:
    phases = build_phases([CURLS])
    cd = Countdown(phases, T0)
    cd.update(T0 + 5)  # into the first WORK
    events = cd.next(T0 + 17)
    assert events == [PhaseStarted(2, phases[2])]  # cut short: the set is not done
    assert cd.records[-1].active_s == pytest.approx(12.0)
    assert cd.records[-1].skipped is True
    assert cd.current is not None and cd.current.kind is K.REST
    assert cd.remaining(T0 + 17) == pytest.approx(30.0)  # the next phase starts now, in full


def test_next_on_an_ordinary_phase_emits_no_completion() -> None:
    cd = Countdown(build_phases([CURLS]), T0)
    assert kinds(cd.next(T0 + 1)) == [PhaseStarted]
    assert cd.records[0].kind is K.GET_READY and cd.records[0].skipped


def test_next_while_paused_keeps_the_pause() -> None:
    cd = Countdown(simple(10, 8), T0)
    cd.pause(T0 + 3)
    cd.next(T0 + 50)
    assert cd.records[0].active_s == pytest.approx(3.0)
    assert cd.paused and cd.index == 1
    assert cd.remaining(T0 + 60) == pytest.approx(8.0)
    cd.resume(T0 + 70)
    assert cd.remaining(T0 + 71) == pytest.approx(7.0)


def test_back_starts_the_previous_phase_afresh() -> None:
    phases = simple(10, 8)
    cd = Countdown(phases, T0)
    cd.update(T0 + 13)
    events = cd.back(T0 + 13)
    assert events == [PhaseStarted(0, phases[0])]
    assert cd.index == 0
    assert cd.remaining(T0 + 13) == pytest.approx(10.0)
    assert [(r.index, r.skipped) for r in cd.records] == [(0, False), (1, True)]
    assert cd.records[1].active_s == pytest.approx(3.0)


def test_back_on_the_first_phase_restarts_it() -> None:
    phases = simple(10, 8)
    cd = Countdown(phases, T0)
    assert cd.back(T0 + 4) == [PhaseStarted(0, phases[0])]
    assert cd.index == 0 and cd.records == []
    assert cd.remaining(T0 + 4) == pytest.approx(10.0)


def test_restart_gives_the_full_duration_again() -> None:
    cd = Countdown(simple(10, 8), T0)
    cd.restart(T0 + 7)
    assert cd.remaining(T0 + 7) == pytest.approx(10.0)
    assert cd.active_elapsed(T0 + 8) == pytest.approx(1.0)
    assert cd.update(T0 + 16.9) == []
    cd.update(T0 + 17)
    assert cd.index == 1
    assert cd.records[0].active_s == pytest.approx(17.0)  # all the time actually spent in it


def test_adjust_adds_and_takes_time() -> None:
    cd = Countdown(simple(30, 8), T0)
    assert cd.adjust(T0 + 5, +10) == []
    assert cd.remaining(T0 + 5) == pytest.approx(35.0)
    assert cd.adjust(T0 + 5, -10) == []
    assert cd.remaining(T0 + 5) == pytest.approx(25.0)
    cd.update(T0 + 30)
    assert cd.index == 1
    assert cd.records[0].active_s == pytest.approx(30.0)


def test_adjust_that_leaves_nothing_ends_the_phase_now() -> None:
    phases = simple(30, 8)
    cd = Countdown(phases, T0)
    events = cd.adjust(T0 + 25, -10)
    assert events == [SetCompleted(0, 1), ItemCompleted(0), PhaseStarted(1, phases[1])]
    assert cd.records[0].active_s == pytest.approx(25.0)
    assert cd.records[0].skipped is False
    assert cd.remaining(T0 + 25) == pytest.approx(8.0)


def test_adjust_while_paused() -> None:
    cd = Countdown(simple(30, 8), T0)
    cd.pause(T0 + 10)
    cd.adjust(T0 + 40, +5)
    assert cd.remaining(T0 + 40) == pytest.approx(25.0)
    cd.adjust(T0 + 41, -30)
    assert cd.index == 1 and cd.paused
    assert cd.records[0].active_s == pytest.approx(10.0)
    assert cd.remaining(T0 + 50) == pytest.approx(8.0)


# -- WAIT ---------------------------------------------------------------------------------------


def test_wait_stops_update_until_confirmed() -> None:
    phases = build_phases([MARBLES])
    cd = Countdown(phases, T0)
    assert started(cd.update(T0 + 5)) == [1]
    assert cd.current is not None and cd.current.kind is K.WAIT
    assert cd.remaining(T0 + 6) is None
    assert cd.update(T0 + 500) == []
    assert cd.adjust(T0 + 500, -100) == []
    assert cd.index == 1
    cd.pause(T0 + 500)  # allowed: it just stays
    cd.resume(T0 + 520)
    assert cd.active_elapsed(T0 + 521) == pytest.approx(496.0)
    events = cd.confirm(T0 + 521)
    assert events == [SetCompleted(0, 1), PhaseStarted(2, phases[2])]
    assert cd.records[-1].kind is K.WAIT and cd.records[-1].planned_s is None
    assert cd.records[-1].active_s == pytest.approx(496.0) and not cd.records[-1].skipped
    assert cd.remaining(T0 + 521) == pytest.approx(20.0)


def test_confirm_is_ignored_off_a_wait_phase() -> None:
    cd = Countdown(build_phases([MARBLES]), T0)
    assert cd.confirm(T0 + 1) == []
    assert cd.index == 0 and cd.records == []


def test_next_also_leaves_a_wait_phase() -> None:
    phases = build_phases([MARBLES])
    cd = Countdown(phases, T0, start_index=3)
    assert cd.next(T0 + 40) == [ItemSkipped(0, 0), Finished()]  # leaving a set is not doing it
    assert cd.records[-1].skipped and cd.records[-1].active_s == pytest.approx(40.0)


# -- an honest tally ----------------------------------------------------------------------------


def test_next_through_every_phase_does_no_set() -> None:
    phases = build_phases([SHORT_FOOT, WALK])
    cd = Countdown(phases, T0)
    events: list[Event] = []
    for k in range(len(phases)):
        events += cd.next(T0 + k * 0.1)
    assert not [e for e in events if isinstance(e, (SetCompleted, ItemCompleted))]
    assert [e for e in events if isinstance(e, ItemSkipped)] == [ItemSkipped(0, 0), ItemSkipped(1, 0)]
    assert cd.tally(0).sets_done == 0 and cd.tally(0).reps_done == 0
    assert cd.tally(1).active_s < 3


def test_skipping_one_hold_of_a_set_leaves_that_set_undone() -> None:
    phases = build_phases([SHORT_FOOT])
    cd = Countdown(phases, T0)
    cd.update(T0 + 36)  # set 1 in full
    cd.update(T0 + 46)  # rest over: the first hold of set 2
    cd.next(T0 + 47)  # cut the hold short
    events = cd.update(T0 + 1000)
    assert ItemSkipped(0, 1) in events and not any(isinstance(e, ItemCompleted) for e in events)
    tally = cd.tally(0)
    assert (tally.sets_done, tally.sets) == (1, 2)
    assert tally.reps_done == 5  # 6 holds in set 1, 2 + 3 in set 2: 11 holds over two feet


def test_back_and_a_full_run_make_a_cut_set_count_again() -> None:
    cd = Countdown(build_phases([CURLS]), T0)
    cd.update(T0 + 5)
    cd.next(T0 + 10)  # set 1 cut short, into the rest
    cd.back(T0 + 11)  # set 1 again, in full
    events = cd.update(T0 + 41)
    assert SetCompleted(0, 1) in events


def test_the_tally_leaves_out_pauses_and_get_ready() -> None:
    cd = Countdown(build_phases([WALK]), T0)
    cd.update(T0 + 5)  # get-ready over
    cd.pause(T0 + 65)
    cd.resume(T0 + 665)  # ten minutes of pause
    assert cd.tally(0, T0 + 725).active_s == pytest.approx(120.0)
    events = cd.update(T0 + 905)
    assert ItemCompleted(0) in events
    tally = cd.tally(0)
    assert tally.sets_done == 1
    assert tally.active_s == pytest.approx(300.0)


def test_tempo_reps_cut_short_count_by_the_time_spent() -> None:
    cd = Countdown(build_phases([CURLS]), T0)
    cd.update(T0 + 5)
    cd.next(T0 + 5 + 3 * 4 + 1)  # 13 s of 3 s reps
    assert cd.tally(0).reps_done == 4


# -- skip_item ----------------------------------------------------------------------------------


def test_skip_item_counts_the_sets_done_and_jumps_to_the_next_item() -> None:
    phases = build_phases([SHORT_FOOT, WALK])
    cd = Countdown(phases, T0)
    # get-ready 5 + set 1 (3*3 + 2*2 per side, a 5 s switch) = 5 + 13 + 5 + 13 = 36 s, then rest 10
    events = cd.update(T0 + 36)
    assert SetCompleted(0, 1) in events
    assert cd.current is not None and cd.current.kind is K.REST
    cd.update(T0 + 50)  # into set 2
    events = cd.skip_item(T0 + 50)
    second = phases.index(next(p for p in phases if p.item == 1))
    assert events == [ItemSkipped(0, 1), PhaseStarted(second, phases[second])]
    assert cd.current == phases[second]
    assert phases[second].kind is K.GET_READY
    assert cd.records[-1].skipped and cd.records[-1].item == 0
    assert cd.remaining(T0 + 50) == pytest.approx(5.0)


def test_skip_item_before_any_set_and_on_the_last_item() -> None:
    cd = Countdown(build_phases([WALK]), T0)
    assert cd.skip_item(T0 + 2) == [ItemSkipped(0, 0), Finished()]
    assert cd.finished


def test_everything_is_a_no_op_once_finished() -> None:
    cd = Countdown(simple(1), T0)
    cd.update(T0 + 1)
    records = list(cd.records)
    assert cd.next(T0 + 2) == []
    assert cd.back(T0 + 2) == []
    assert cd.confirm(T0 + 2) == []
    assert cd.adjust(T0 + 2, 5) == []
    assert cd.skip_item(T0 + 2) == []
    cd.pause(T0 + 2)
    cd.resume(T0 + 3)
    cd.restart(T0 + 3)
    assert not cd.paused and cd.finished and cd.records == records
    assert cd.active_elapsed(T0 + 3) == 0.0


# -- the acceptance test ------------------------------------------------------------------------


def test_a_ten_minute_routine_with_pauses_and_a_stall_keeps_exact_time() -> None:
    items = [
        PlanItem("short-foot", "hold", per_side=True, sets=2, reps=3, hold_s=10, rest_rep_s=3, rest_set_s=20),
        PlanItem("towel-curl", "tempo", per_side=False, sets=2, reps=10, tempo_s=3, rest_set_s=30),
        PlanItem("barefoot-walk", "timed", per_side=False, sets=1, seconds=300),
        PlanItem("single-leg-balance", "timed", per_side=True, sets=2, seconds=30, rest_set_s=15),
    ]
    phases = build_phases(items)
    planned = sum(p.seconds or 0.0 for p in phases)
    assert 600 <= planned <= 780

    rng = random.Random(20260302)
    clock = FakeClock()
    start = clock.monotonic()
    cd = Countdown(phases, start)
    events: list[Event] = []
    paused_s: list[float] = []
    stalled = False
    stall_events: list[Event] = []
    end: float | None = None
    while not cd.finished:
        now = clock.monotonic()
        phase = cd.current
        assert phase is not None
        if not stalled and phase.kind is K.RELEASE and cd.active_elapsed(now) > 0.5:
            stalled = True
            clock.advance(3.0)  # the event loop stalls: no update() for 3 s
            stall_events = cd.update(clock.monotonic())
            events += stall_events
            continue
        pause = None
        if not paused_s and phase.kind is K.WORK and cd.active_elapsed(now) > 10:
            pause = 20.0  # in the first tempo set
        elif len(paused_s) == 1 and phase.seconds == 300 and cd.active_elapsed(now) > 100:
            pause = 45.0  # in the middle of the walk
        if pause is not None:
            cd.pause(now)
            frozen = cd.remaining(now)
            while clock.monotonic() - now < pause:  # the UI keeps ticking while paused
                clock.advance(0.25)
                assert cd.update(clock.monotonic()) == []
                assert cd.remaining(clock.monotonic()) == frozen
            paused_s.append(clock.monotonic() - now)
            cd.resume(clock.monotonic())
        before = clock.monotonic()
        if cd.index == len(phases) - 1:
            remaining = cd.remaining(before)
            assert remaining is not None
            end = before + remaining  # where the engine now puts the end of the routine
        clock.advance(0.25 + rng.uniform(-0.05, 0.05))
        events += cd.update(clock.monotonic())

    assert stalled and any(isinstance(e, PhaseStarted) for e in stall_events)
    assert len(paused_s) == 2
    assert paused_s == pytest.approx([20.0, 45.0], abs=0.3)

    # every phase ran for its planned time, none skipped
    assert [r.index for r in cd.records] == list(range(len(phases)))
    for record in cd.records:
        assert record.planned_s is not None
        assert not record.skipped
        assert abs(record.active_s - record.planned_s) < 0.1, record
    assert abs(cd.total_active() - planned) < 0.1
    # the wall time is the plan plus the pauses: the stall cost nothing
    assert end is not None
    assert abs((end - start) - (planned + sum(paused_s))) < 0.1
    assert end <= clock.monotonic() < end + 0.35

    # events: every set of every item in order, each item once, Finished once and last
    assert [(e.item, e.set_no) for e in events if isinstance(e, SetCompleted)] == [
        (0, 1),
        (0, 2),
        (1, 1),
        (1, 2),
        (2, 1),
        (3, 1),
        (3, 2),
    ]
    assert [e.item for e in events if isinstance(e, ItemCompleted)] == [0, 1, 2, 3]
    assert [type(e) for e in events].count(Finished) == 1 and isinstance(events[-1], Finished)
    assert started(events) == list(range(1, len(phases)))


def test_a_set_done_then_redone_and_cut_short_no_longer_counts() -> None:
    cd = Countdown(build_phases([CURLS]), T0)
    events = cd.update(T0 + 35)  # get-ready 5 + set 1 (30 s)
    assert SetCompleted(0, 1) in events and cd.tally(0).sets_done == 1
    cd.back(T0 + 36)  # from the rest back into set 1
    cd.next(T0 + 37)  # and cut it short
    assert cd.tally(0).sets_done == 0

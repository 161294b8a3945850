"""The short safety screening and what its answers change in a day's routine.

Three yes/no questions, kept in the config under `screening:`. An answer of None means not
answered (skipped). The effects are pure: a routine in, an adjusted routine and the notes
that say why out. Nothing here is sent anywhere or stored beyond the config.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the config reads Screening on every command: keep its import light
    from footbase_tui.core.catalog import Exercise
    from footbase_tui.core.routine import DayRoutine, RoutineItem

KEYS = ("foot_sensation", "falls", "recent_injury")


@dataclass(frozen=True)
class Question:
    """One screening question: its config key, the question, why it is asked, and what an adjustment
    says after "because you said"."""

    key: str
    ask: str
    why: str
    because: str  # "adjusted because you said ..."


QUESTIONS = (
    Question(
        "foot_sensation",
        "Have your feet lost some feeling, or do you have diabetes, poor circulation or foot wounds?",
        "Feet that feel less can be cut or blistered without you noticing.",
        "your feet have lost some feeling or need extra care",
    ),
    Question(
        "falls",
        "Have you fallen in the last year, or do you often feel dizzy or unsteady?",
        "Balance work then needs something solid to hold, every time.",
        "you have fallen or feel unsteady",
    ),
    Question(
        "recent_injury",
        "Have you had an injury or an operation on a foot, ankle, leg or your back recently?",
        "A clinician who knows the injury should say when to start and how much.",
        "you had a recent injury or operation",
    ),
)
BY_KEY = {q.key: q for q in QUESTIONS}


@dataclass(frozen=True)
class Screening:
    """The answers: True (yes), False (no) or None (not answered)."""

    foot_sensation: bool | None = None
    falls: bool | None = None
    recent_injury: bool | None = None

    @property
    def answered(self) -> bool:
        """Whether any question has an answer (yes or no)."""
        return any(getattr(self, k) is not None for k in KEYS)

    def as_dict(self) -> dict[str, bool | None]:
        """The answers by config key (True, False or None), in the questions' order."""
        return {k: getattr(self, k) for k in KEYS}


@dataclass(frozen=True)
class Effect:
    """One adjustment: which answer caused it, and what it says."""

    key: str
    note: str


BALANCE_EXERCISES = {"single-leg-balance": 2, "toe-walks": 2, "heel-walks": 3}  # id -> highest level
SUPPORT_STEP = (
    "Stand at a kitchen counter or a wall with a sturdy chair behind you, and keep one hand "
    "on the counter the whole time."
)
SOCKS = "in socks with grip or soft, flexible indoor shoes"
FEET_CHECK = (
    "Check your feet today, soles and between the toes, for cuts, blisters, redness or "
    "swelling; show any you find to a doctor or podiatrist"
)


def because(key: str) -> str:
    """'adjusted because you said ...' for the answer `key`."""
    return f"adjusted because you said {BY_KEY[key].because}"


def _no_barefoot(ex: Exercise) -> Exercise:
    def fix(steps: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for step in steps:
            step = step.replace(
                "Take off your shoes and socks and",
                "Put on socks with grip or soft, flexible indoor shoes, and",
            )
            step = step.replace("Stand barefoot", f"Stand {SOCKS}").replace("barefoot", SOCKS)
            out.append(step)
        return tuple(out)

    name = "Walk at home in socks or soft shoes" if ex.id == "barefoot-walk" else ex.name
    levels = tuple(replace(lv, steps=fix(lv.steps)) for lv in ex.levels)
    return replace(ex, name=name, steps=fix(ex.steps), levels=levels)


def _supported(ex: Exercise) -> Exercise:
    def fix(steps: tuple[str, ...]) -> tuple[str, ...]:
        if not steps:
            return steps
        kept = [s for s in steps if "fingertips away" not in s and "close your eyes" not in s.lower()]
        return (SUPPORT_STEP, *kept[:7])

    levels = tuple(replace(lv, steps=fix(lv.steps)) for lv in ex.levels)
    return replace(ex, steps=fix(ex.steps), levels=levels)


def _mentions_barefoot(ex: Exercise) -> bool:
    if "barefoot" in ex.name.lower():
        return True
    return any("barefoot" in s.lower() for s in ex.steps + tuple(t for lv in ex.levels for t in lv.steps))


def apply_screening(
    routine: DayRoutine, screening: Screening
) -> tuple[DayRoutine, tuple[Effect, ...], dict[str, str]]:
    """The routine adjusted for the answers, the day's notes, and a note per adjusted item.

    recent_injury: the gentle program stands in for the planned one (the caller swaps it;
    this only says so); foot_sensation: no barefoot steps, and a daily feet check;
    falls: balance, toe and heel walks only in supported versions, never eyes closed or
    walking backwards (their level is capped)."""
    effects: list[Effect] = []
    item_notes: dict[str, str] = {}
    if screening.recent_injury:
        effects.append(
            Effect(
                "recent_injury",
                "Get a clinician's go-ahead before you start; until then footbase plans the gentle "
                f"program ({because('recent_injury')}). Once you have it: footbase screening "
                "--recent-injury no.",
            )
        )
    if screening.foot_sensation:
        effects.append(Effect("foot_sensation", f"{FEET_CHECK} ({because('foot_sensation')})."))
    if screening.falls:
        effects.append(
            Effect(
                "falls",
                "Balance, toe and heel walks only with a hand on a counter and a chair behind you; "
                f"never with eyes closed or walking backwards ({because('falls')}).",
            )
        )
    items: list[RoutineItem] = []
    for item in routine.items:
        ex, level, dosage = item.exercise, item.level, item.dosage
        notes = []
        if screening.foot_sensation and _mentions_barefoot(ex):
            ex = _no_barefoot(ex)
            notes.append(f"{SOCKS}, not barefoot ({because('foot_sensation')})")
        if screening.falls and ex.id in BALANCE_EXERCISES:
            cap = BALANCE_EXERCISES[ex.id]
            if level > cap:
                level, dosage = cap, ex.level(cap).dosage
            ex = _supported(ex)
            notes.append(f"supported: hand on a counter, chair behind, eyes open ({because('falls')})")
        if notes:
            item_notes[item.id] = "; ".join(notes)
            item = replace(item, exercise=ex, level=level, dosage=dosage)
        items.append(item)
    return replace(routine, items=tuple(items)), tuple(effects), item_notes


def parse_answer(text: str) -> bool:
    """'yes'/'y'/'no'/'n' (any case) as True/False; refuses anything else with ValueError."""
    word = text.strip().lower()
    if word in ("y", "yes"):
        return True
    if word in ("n", "no"):
        return False
    raise ValueError(f"expected yes or no, got {text!r}")

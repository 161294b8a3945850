"""Everything about one exercise: purpose, steps, cues, mistakes, when to stop."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from footbase_tui.core.catalog import Exercise
from footbase_tui.tui.safe import plain


def detail_text(ex: Exercise, level: int, progress: str | None = None) -> Text:
    """The exercise at `level`; `progress` (e.g. "3 of 5 sessions in the last 10 days")
    follows the move-up rule when given."""
    lv = ex.level(level)
    t = Text()
    t.append_text(plain(ex.name, "bold"))
    t.append(f" — level {lv.level}: ")
    t.append_text(plain(lv.name))
    t.append("\n")
    t.append_text(plain(ex.purpose, "italic"))
    t.append("\n\n")
    side = "each foot in turn" if ex.per_side else "both feet"
    t.append(f"{ex.position.capitalize()}, {side}. Equipment: ", style="dim")
    t.append_text(plain(", ".join(ex.equipment) or "none", "dim"))
    t.append("\n\nSteps\n", style="bold")
    for n, step in enumerate(ex.steps, 1):
        t.append(f"{n}. ")
        t.append_text(plain(step))
        t.append("\n")
    t.append("\nCues\n", style="bold")
    for cue in ex.cues:
        t.append("• ")
        t.append_text(plain(cue))
        t.append("\n")
    t.append("\nCommon mistakes\n", style="bold")
    for m in ex.mistakes:
        t.append("• ")
        t.append_text(plain(m))
        t.append("\n")
    t.append("\nStop if ", style="bold")
    t.append_text(plain(ex.caution))
    t.append("\n\nMove up when ", style="bold")
    t.append_text(plain(lv.move_up_when))
    if progress:
        t.append("\nSo far: ", style="bold")
        t.append(progress)
    return t


class ExerciseDetail(Static):
    """Shows the exercise it is given; shows nothing when given None."""

    def show(self, exercise: Exercise | None, level: int = 1, progress: str | None = None) -> None:
        self.update(detail_text(exercise, level, progress) if exercise else Text(""))

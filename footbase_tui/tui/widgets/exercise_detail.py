"""Everything about one exercise: purpose, steps, cues, mistakes, when to stop."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from footbase_tui.core.catalog import Dosage, Exercise
from footbase_tui.core.routine import dosage_line
from footbase_tui.tui.safe import plain


def detail_text(
    ex: Exercise,
    level: int,
    dosage: Dosage | None = None,
    note: str | None = None,
    progress: str | None = None,
) -> Text:
    """The exercise at `level` (its position, steps and equipment only), with `dosage`
    (today's, overrides included) or the level's own, `note` (why it was adjusted), and
    `progress` (e.g. "3 of 5 sessions in the last 10 days") after the move-up rule."""
    lv = ex.level(level)
    t = Text()
    if note:
        t.append("Adjusted: ", style="bold")
        t.append_text(plain(note))
        t.append("\n")
    t.append_text(plain(ex.name, "bold"))
    t.append(f" — level {lv.level}: ")
    t.append_text(plain(lv.name))
    t.append("\n")
    t.append_text(plain(ex.purpose, "italic"))
    t.append("\n\n")
    side = "both feet"
    if ex.per_side:
        side = "all sets on one foot, then the other" if ex.sides == "block" else "each foot in turn"
    t.append(f"{ex.position_at(level).capitalize()}, {side}. Equipment: ", style="dim")
    t.append_text(plain(", ".join(ex.equipment_at(level)) or "none", "dim"))
    t.append("\n")
    t.append_text(plain(dosage_line(dosage or lv.dosage, ex.per_side), "dim"))
    t.append("\n\nSteps\n", style="bold")
    for n, step in enumerate(ex.steps_at(level), 1):
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
    t.append("\nWhen to stop\n", style="bold")
    t.append_text(plain(ex.caution))
    t.append("\n\nMove up when ", style="bold")
    t.append_text(plain(lv.move_up_when))
    if progress:
        t.append("\nSo far: ", style="bold")
        t.append(progress)
    return t


class ExerciseDetail(Static):
    """Shows the exercise it is given; shows nothing when given None."""

    def show(
        self,
        exercise: Exercise | None,
        level: int = 1,
        dosage: Dosage | None = None,
        note: str | None = None,
        progress: str | None = None,
    ) -> None:
        """Show `exercise` at `level` (see detail_text); None clears the panel."""
        self.update(detail_text(exercise, level, dosage, note, progress) if exercise else Text(""))

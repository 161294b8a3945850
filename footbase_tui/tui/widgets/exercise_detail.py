"""Everything about one exercise: purpose, steps, cues, mistakes, when to stop."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from footbase_tui.core.catalog import Dosage, Exercise
from footbase_tui.core.exercise_view import ExerciseView, exercise_view
from footbase_tui.tui.safe import plain


def view_text(v: ExerciseView) -> Text:
    """`v` styled for the detail pane: headings bold, the setup dim; every catalog and
    user string shown as plain text (no markup, no escapes)."""
    t = Text()
    if v.note:
        t.append("Adjusted: ", style="bold")
        t.append_text(plain(v.note))
        t.append("\n")
    t.append_text(plain(v.title, "bold"))
    t.append(f" — level {v.level}: ")
    t.append_text(plain(v.level_name))
    t.append("\n")
    t.append_text(plain(v.purpose, "italic"))
    t.append("\n\n")
    t.append(f"{v.position} Equipment: ", style="dim")
    t.append_text(plain(v.equipment, "dim"))
    t.append("\n")
    t.append_text(plain(v.dosage, "dim"))
    t.append("\n\nSteps\n", style="bold")
    for n, step in enumerate(v.steps, 1):
        t.append(f"{n}. ")
        t.append_text(plain(step))
        t.append("\n")
    t.append("\nCues\n", style="bold")
    for cue in v.cues:
        t.append("• ")
        t.append_text(plain(cue))
        t.append("\n")
    t.append("\nCommon mistakes\n", style="bold")
    for m in v.mistakes:
        t.append("• ")
        t.append_text(plain(m))
        t.append("\n")
    t.append("\nWhen to stop\n", style="bold")
    t.append_text(plain(v.stop_rule))
    t.append("\n\nMove up when ", style="bold")
    t.append_text(plain(v.move_up))
    if v.progress:
        t.append("\nSo far: ", style="bold")
        t.append_text(plain(v.progress))
    return t


def detail_text(
    ex: Exercise,
    level: int,
    dosage: Dosage | None = None,
    note: str | None = None,
    progress: str | None = None,
) -> Text:
    """The detail pane's Text for `ex` at `level` (see core/exercise_view.exercise_view for
    what `dosage`, `note` and `progress` add)."""
    return view_text(exercise_view(ex, level, dosage, note, progress))


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

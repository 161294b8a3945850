"""The writes both faces make: one method per thing a person records or changes.

Screens run them off the event loop through the app's `save` (which reloads and, on a
StoreError, shows `not_saved_message`); commands call them directly and let `cli.main`
print the same line. Neither calls the store's write methods itself
(tests/unit/test_architecture.py keeps it so). Built from the `Context`: `ctx.saves`.

Every method returns once the change is on disk, or raises a StoreError (NotSaved and its
kinds; EditConflict for an edit raced by another process) with nothing changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from footbase_tui.core.localtime import iso_utc
from footbase_tui.core.records import DayPlan
from footbase_tui.errors import UsageError, not_saved_message

if TYPE_CHECKING:
    from datetime import date

    from footbase_tui.context import Context
    from footbase_tui.core.records import LevelChange, PainEntry, Session

__all__ = ["Saves", "not_saved_message"]


class Saves:
    """The write use cases over one Context (its store, catalog and clock)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ---- pain -----------------------------------------------------------------------------

    def log_pain(self, entry: PainEntry) -> None:
        """Save a new pain entry (built by core.pain_input.build_entry); returns None."""
        self.ctx.store.add_pain(entry)

    def edit_pain(self, entry: PainEntry, expected: PainEntry | None) -> PainEntry:
        """Replace an entry, refusing with EditConflict when the stored one is no longer
        `expected` (another process changed or deleted it while it was edited). `expected`
        None: it was deleted elsewhere and the person keeps theirs, so it is put back.
        Returns the entry as saved (with its new stamps; a put-back as given)."""
        if expected is None:
            self.ctx.store.restore_pain(entry)
            return entry
        return self.ctx.store.update_pain(entry, expected=expected)

    def delete_pain(self, entry_id: str) -> bool:
        """Delete an entry (a tombstone syncs the deletion); False if it was already gone."""
        return self.ctx.store.delete_pain(entry_id)

    def restore_pain(self, entry: PainEntry) -> None:
        """Undo a deletion: the entry comes back as it was and supersedes its tombstone."""
        self.ctx.store.restore_pain(entry)

    # ---- practice -------------------------------------------------------------------------

    def save_session(
        self,
        session: Session,
        first_program: tuple[str, date] | None = None,
        stand_in: DayPlan | None = None,
    ) -> None:
        """Save practice of a day: marks by hand (done, skipped, back to todo; they join the
        day's by-hand session) or a walkthrough's session (partial sets too; saved again
        after every set under the same id).

        `first_program` (program id, day 1) is chosen when no program is yet (the planned
        one, never a stand-in for the day). `stand_in` is the day plan the screening puts in
        place (Screened.stand_in: the gentle program for a recent injury), stored first so
        the calendar counts the day by it. Refuses with NotSaved a session that would read
        back as damage."""
        self.keep_stand_in(stand_in)
        self.ctx.store.save_session(session, first_program)

    def keep_stand_in(self, stand_in: DayPlan | None) -> None:
        """Store the screening's stand-in day plan (Screened.stand_in), if there is one,
        before practice starts; nothing to do for None."""
        if stand_in is not None:
            self.ctx.store.set_day_plan(stand_in, stand_in.date)

    def delete_session(self, session_id: str) -> bool:
        """Remove a session (a walkthrough left before anything counted); False if none."""
        return self.ctx.store.delete_session(session_id)

    def follow_gentle(self, day: date, reason: str) -> DayPlan:
        """Swap `day`'s routine for the catalog's gentle program; `reason` "pain" makes the
        day count as adapted, "choice" as the gentle program's own. Returns the day plan
        saved; refuses with UsageError when the catalog has no gentle program."""
        gentle = self.ctx.catalog.gentle_program()
        if gentle is None:
            raise UsageError("the catalog has no gentle program")
        plan = DayPlan(day, gentle.id, reason, iso_utc(self.ctx.clock.now()))
        self.ctx.store.set_day_plan(plan, day)
        return plan

    def follow_planned(self, day: date) -> None:
        """Back to the planned routine on `day` (undoes `follow_gentle` or a stand-in)."""
        self.ctx.store.set_day_plan(None, day)

    # ---- levels and program ---------------------------------------------------------------

    def change_level(self, change: LevelChange) -> None:
        """Save a level change made by Progression.prepare; refused with NotSaved when the
        exercise's level changed elsewhere since (its from_level is no longer current)."""
        self.ctx.store.change_level(change)

    def choose_program(self, program: str, start: date) -> None:
        """Follow `program` with day 1 on `start`; refuses an unknown program with
        UsageError, nothing written."""
        catalog = self.ctx.catalog
        if catalog.program(program) is None:
            known = ", ".join(sorted(catalog.programs))
            raise UsageError(f"no program called '{program}'; programs: {known}")
        self.ctx.store.set_program(program, start)

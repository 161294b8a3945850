"""Times and durations in words for people: "3 h ago", "yesterday 21:40", "4 minutes 30 seconds".

Pure: each function takes the moments it compares (aware datetimes) and, where a day matters,
the zone to read them in; none reads the clock. pendulum writes the words and the day and month
names (always English, whatever the machine's locale); it is imported inside the functions that
use it, so importing this module costs nothing and the quick commands (`footbase pain`,
`footbase status`) and the app's first frame never load it.

footbase keeps its own rules where pendulum's would mislead: the elapsed time is the real one
(a clock change does not add or take away an hour), and a zone unknown on this machine reads as
UTC, as everywhere else in footbase.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from footbase_tui.core.localtime import TimeInputError, zone_from_name

WEEK_DAYS = 7  # within this many days back, a weekday name is enough ("Mon 21:40")


def _zone(name: str) -> tzinfo:
    try:
        return zone_from_name(name)
    except TimeInputError:
        return UTC


def relative(moment: datetime, now: datetime, tz: str, date_shown: bool = False) -> str:
    """When `moment` was, seen from `now`, both read in zone `tz`: "just now" (under a minute),
    "12 min ago", "3 h ago" (the same day), "yesterday 21:40", "Mon 21:40" (within a week),
    then "3 Nov", or "3 Nov 2025" in another year. The minutes and hours are the real time
    elapsed, across a clock change too. A moment more than a minute after `now` (another
    machine's clock ahead) gets its date and time: "3 Nov 21:40".

    `date_shown`: the caller prints the date beside these words, so from a week back they
    say how long ago instead of the date again ("2 weeks ago", "1 year ago"), and a moment
    ahead says by how much ("2 days ahead")."""
    import pendulum

    zone = _zone(tz)
    local = pendulum.instance(moment.astimezone(zone))
    today = now.astimezone(zone).date()
    elapsed = now - moment
    if elapsed < timedelta(minutes=-1):
        if date_shown:
            return f"{span_words(moment, now)} ahead"
        return local.format("D MMM HH:mm" if local.year == today.year else "D MMM YYYY HH:mm", locale="en")
    if elapsed < timedelta(minutes=1):
        return "just now"
    if elapsed < timedelta(hours=1):
        return f"{int(elapsed.total_seconds() // 60)} min ago"
    days_back = (today - local.date()).days
    if days_back == 0:
        return f"{int(elapsed.total_seconds() // 3600)} h ago"
    if days_back == 1:
        return local.format("[yesterday] HH:mm", locale="en")
    if days_back < WEEK_DAYS:
        return local.format("ddd HH:mm", locale="en")
    if date_shown:
        return f"{span_words(moment, now)} ago"
    return local.format("D MMM" if local.year == today.year else "D MMM YYYY", locale="en")


def duration_words(seconds: float) -> str:
    """A length of time in plain words: "5 seconds", "4 minutes 30 seconds", "1 hour 5 minutes"
    (from an hour, to the nearest minute), "0 seconds" for nothing; a negative length counts as
    nothing."""
    import pendulum

    whole = max(0, round(seconds))
    if whole >= 3600:
        whole = round(whole / 60) * 60
    if whole == 0:
        return "0 seconds"
    return str(pendulum.duration(seconds=whole).in_words(locale="en"))


def span_words(earlier: datetime, later: datetime) -> str:
    """How long before `later` `earlier` was, in one unit: "3 hours", "1 day", "2 weeks" (pendulum's
    rounding down to the largest whole unit; the order of the two does not matter)."""
    import pendulum

    return str(pendulum.instance(earlier).diff_for_humans(pendulum.instance(later), absolute=True))

"""``focusapp calendar exclude|include``: take an event or series out of the count, or back.

The event is named as the audit (``focusapp calendar show DATE``) lists it: by its title or
its UID on that day. An exclusion is kept across re-imports; ``include`` counts it again.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from focusapp.cli.support import EXIT_OK, UserError, add_command, escape_text, open_context_for
from focusapp.cli.values import parse_date as parse_day
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import argparse

    from focusapp.domain.calendar import CalendarEvent
    from focusapp.services.calendar.audit import DayAudit

_CONTEXT = "CalendarExclusions"


def register_exclusions(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``exclude`` and ``include`` to ``focusapp calendar``."""
    for name, handler, help_text, description, example in (
        (
            "exclude",
            cmd_calendar_exclude,
            "stop counting one event (or its whole series) on a day",
            "Stop counting an event listed by `focusapp calendar show DATE`, named by its "
            "title or UID. It stays excluded when the file is imported again; the audit lists "
            "it as 'excluded by you'. With --series every occurrence is excluded.",
            'focusapp calendar exclude 2024-05-06 "Team sync" --series',
        ),
        (
            "include",
            cmd_calendar_include,
            "count an event you excluded again",
            "Count again an event (or series, with --series) excluded with "
            "`focusapp calendar exclude`.",
            'focusapp calendar include 2024-05-06 "Team sync" --series',
        ),
    ):
        action = add_command(actions, name, help_text, description, example, handler=handler)
        action.add_argument("date", metavar="DATE", help="a day the event is on (or 'today')")
        action.add_argument("event", metavar="EVENT", help="the event's title or UID")
        action.add_argument(
            "--series", action="store_true", help="every occurrence of the event (same UID)"
        )


def cmd_calendar_exclude(args: argparse.Namespace) -> int:
    """Exclude the named event (or its series) from counting."""
    return _change(args, exclude=True)


def cmd_calendar_include(args: argparse.Namespace) -> int:
    """Count the named event (or its series) again."""
    return _change(args, exclude=False)


def _change(args: argparse.Namespace, *, exclude: bool) -> int:
    from focusapp.domain.exclusions import exclusion_for

    context = open_context_for(args)
    calendar = context.calendar
    day = calendar.today() if args.date.strip().lower() == "today" else parse_day(args.date)
    audit = calendar.audit(day)
    event = _find(audit, args.event)
    exclusion = exclusion_for(event, series=args.series)
    changed = calendar.exclude(exclusion) if exclude else calendar.count_again(exclusion)
    what = (
        translate(_CONTEXT, "the series '{title}'")
        if args.series
        else translate(_CONTEXT, "'{title}' on {day}")
    ).format(title=event.summary or event.uid, day=day.isoformat())
    if exclude:
        text = (
            translate(_CONTEXT, "Excluded {what}: it no longer counts, also after re-imports.")
            if changed
            else translate(_CONTEXT, "{what} was already excluded; nothing changed.")
        )
    else:
        text = (
            translate(_CONTEXT, "Counting {what} again.")
            if changed
            else translate(_CONTEXT, "{what} was not excluded; nothing changed.")
        )
    sys.stdout.write(escape_text(text.format(what=what)) + "\n")
    return EXIT_OK


def _find(audit: DayAudit, name: str) -> CalendarEvent:
    """Return the day's event with UID or title ``name`` (case-insensitive for titles).

    Raises:
        UserError: If no event, or events of several UIDs, match.
    """
    wanted = name.strip()
    by_uid = [e for e in audit.events if e.uid == wanted]
    found = by_uid or [e for e in audit.events if e.summary.casefold() == wanted.casefold()]
    uids = {e.uid for e in found}
    if not found:
        raise UserError(
            translate(
                _CONTEXT,
                "EVENT: no event '{name}' on {day}; see focusapp calendar show {day}",
            ).format(name=wanted, day=audit.date.isoformat())
        )
    if len(uids) > 1:
        raise UserError(
            translate(
                _CONTEXT,
                "EVENT: {count} different events are called '{name}' on {day}; give the UID "
                "instead (focusapp calendar show {day} --json lists them)",
            ).format(count=len(uids), name=wanted, day=audit.date.isoformat())
        )
    return found[0]

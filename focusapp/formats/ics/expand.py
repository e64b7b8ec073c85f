"""Expanding repeating events inside the requested window only, with a cap per event.

``recurring-ical-events`` does the RFC 5545 work (RRULE, RDATE, EXDATE, overrides); two of
its defaults do not survive a hostile file. Its rules come from ``dateutil``, whose
``between()`` builds a list of every occurrence in the span and always counts from DTSTART,
so ``RRULE:FREQ=SECONDLY`` from 2015 walks hundreds of millions of seconds before the window
and then lists tens of millions inside it. Here each rule is replaced by a stand-in that

* starts counting near the window: for the fixed-length frequencies (SECONDLY to WEEKLY)
  DTSTART is moved forward by whole periods, which yields exactly the same occurrences
  from there on (a COUNT is reduced by the periods skipped; a COUNT together with BY*
  parts is never moved, as the occurrences skipped could not be counted exactly);
* yields lazily, and stops after :data:`MAX_CANDIDATES` candidate times;

and the occurrences of one event are taken lazily up to :data:`MAX_OCCURRENCES_PER_EVENT`.
What is cut is reported (see :class:`Expanded`), never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from icalendar import Component

#: The longest range one import may read: half a century is more than any calendar holds,
#: and a limit keeps a typo (year 0202) from expanding daily repeats over 1,800 years.
MAX_RANGE_YEARS: Final = 50
#: Weekdays in a year (52 weeks of five, plus one).
_WEEKDAYS_PER_YEAR: Final = 261
#: At most this many occurrences of one event are read per import: a meeting held on every
#: weekday across the longest range an import may read (13,050; the busiest series in the
#: 37 real-world test calendars has 2,112). A series that needs more repeats more often
#: than any meeting does, and reading it in full would only fill memory and the database.
MAX_OCCURRENCES_PER_EVENT: Final = MAX_RANGE_YEARS * _WEEKDAYS_PER_YEAR
#: Candidate times one rule may generate per expansion (dateutil takes ~10 us each, so about
#: a second): five times the occurrence cap, room for BY* filters that discard candidates.
MAX_CANDIDATES: Final = 5 * MAX_OCCURRENCES_PER_EVENT
#: Moving DTSTART keeps this margin (plus two periods) before the window: wider than any
#: DST shift between the wall times compared, yet only 7,200 candidates for SECONDLY.
_MARGIN: Final = dt.timedelta(hours=2)
#: dateutil's frequency numbers (YEARLY=0 ... SECONDLY=6) with a fixed length in wall time.
_PERIOD_SECONDS: Final = {2: 7 * 86_400, 3: 86_400, 4: 3_600, 5: 60, 6: 1}


@dataclass(frozen=True, slots=True)
class Expanded:
    """The occurrences of one event inside a window, and whether some were cut.

    Attributes:
        occurrences: Occurrences in the window (at most :data:`MAX_OCCURRENCES_PER_EVENT`).
        capped: More occurrences than the cap lie in the window; the rest were not read.
        cut_short: A rule ran out of :data:`MAX_CANDIDATES` before reaching the window's
            end (too dense to work out in full).
    """

    occurrences: list[Any]
    capped: bool = False
    cut_short: bool = False


class Expansion(NamedTuple):
    """The recurring-ical-events classes adapted to report each occurrence's source."""

    adapter: Callable[[Component], Any]
    series: Callable[[list[Any]], Any]


@functools.cache
def expansion() -> Expansion:
    """Build (once, on first use) subclasses through the library's extension points.

    ``Series.occurrence`` is the documented hook for the occurrence class; the subclass
    remembers the adapter (so the original component, with its all-day form, status and
    attendees, is known without copying it) and the start the series asked for (so the
    recurrence identifier of a moved occurrence can be worked out). ``RecurrenceRules`` is
    the strategy class a series builds its rules with; the subclass puts each rule behind
    a :class:`_WindowedRule`.
    """
    import recurring_ical_events  # heavy: loaded only when importing
    from dateutil.rrule import rrule  # type: ignore[import-untyped]

    class Adapter(recurring_ical_events.EventAdapter):  # type: ignore[misc]
        def __init__(self, component: Component) -> None:
            super().__init__(component)
            self.source = component

    class Found(recurring_ical_events.Occurrence):  # type: ignore[misc]
        def __init__(self, adapter: Adapter, start: Any, end: Any, sequence: int) -> None:
            super().__init__(adapter, start, end, sequence)
            self.source_adapter = adapter
            self.requested_start = start

    class Rules(recurring_ical_events.Series.RecurrenceRules):  # type: ignore[misc]
        rrules: list[Any]

        def __init__(self, core: Any) -> None:
            super().__init__(core)
            self.rrules = [_WindowedRule(r) if isinstance(r, rrule) else r for r in self.rrules]

    class Series(recurring_ical_events.Series):  # type: ignore[misc]
        RecurrenceRules = Rules

        def occurrence(self, adapter: Adapter, start: Any = None, end: Any = None) -> Found:
            return Found(adapter, start, end, self.sequence)

    return Expansion(adapter=Adapter, series=Series)


def between(
    kit: Expansion, components: list[Component], start: dt.datetime, end: dt.datetime
) -> Expanded:
    """Return the occurrences of one UID's components between ``start`` and ``end``.

    Raises:
        Exception: Whatever recurring-ical-events raises for a rule it cannot expand.
    """
    series = kit.series([kit.adapter(c) for c in components])
    found = list(itertools.islice(series.between(start, end), MAX_OCCURRENCES_PER_EVENT + 1))
    rules = getattr(series.recurrence, "rrules", ())
    return Expanded(
        occurrences=found[:MAX_OCCURRENCES_PER_EVENT],
        capped=len(found) > MAX_OCCURRENCES_PER_EVENT,
        cut_short=any(getattr(rule, "cut_short", False) for rule in rules),
    )


class _WindowedRule:
    """Stands in for a dateutil ``rrule`` inside recurring-ical-events: lazy and bounded.

    The library reads only ``between(after, before, inc=True)``, ``until`` and ``string``.
    """

    def __init__(self, rule: Any) -> None:
        self.rule = rule
        self.until = getattr(rule, "until", None)
        self.string = str(getattr(rule, "string", ""))
        self.cut_short = False

    def between(self, after: Any, before: Any, inc: bool = False) -> Iterator[Any]:
        """Yield the rule's times in the span, in order, lazily."""
        rule = _started_near(self.rule, self.string, after)
        if rule is None:
            return
        for produced, moment in enumerate(rule, start=1):
            if produced > MAX_CANDIDATES:
                self.cut_short = True
                return
            if moment > before or (moment == before and not inc):
                return
            if moment > after or (moment == after and inc):
                yield moment


def _started_near(rule: Any, string: str, after: Any) -> Any:
    """Return ``rule`` with DTSTART moved to shortly before ``after`` where that is exact.

    Returns:
        The rule (moved or as it was), or ``None`` when its COUNT ends before ``after``.
    """
    seconds = _PERIOD_SECONDS.get(rule._freq)
    start = rule._dtstart
    count = rule._count
    if seconds is None or not isinstance(start, dt.datetime) or not isinstance(after, dt.datetime):
        return rule
    if count is not None and _has_by_parts(string):
        return rule
    gap = _wall(after, start) - start.replace(tzinfo=None) - _MARGIN
    periods = int(gap.total_seconds() // (seconds * rule._interval))
    if periods < 1:
        return rule
    if count is not None and count <= periods:
        return None
    moved = start + dt.timedelta(seconds=periods * seconds * rule._interval)
    if count is None:
        return rule.replace(dtstart=moved)
    return rule.replace(dtstart=moved, count=count - periods)


def _wall(moment: dt.datetime, like: dt.datetime) -> dt.datetime:
    """Return ``moment`` as a naive wall time in ``like``'s zone (dateutil counts in those)."""
    if moment.tzinfo is not None and like.tzinfo is not None:
        moment = moment.astimezone(like.tzinfo)
    return moment.replace(tzinfo=None)


def _has_by_parts(rule_text: str) -> bool:
    return any(
        part.partition("=")[0].strip().upper().startswith("BY") for part in rule_text.split(";")
    )

"""Exclusions laid over events, and overlaps between counted events."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.calendar import CalendarEvent, Exclusion
from focusapp.domain.exclusions import (
    UserExclusion,
    apply_exclusions,
    excluded_by,
    exclusion_for,
    overlaps,
)

T0 = dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC)


def event(
    uid: str,
    start: int,
    end: int,
    rid: str | None = None,
    reason: Exclusion | None = None,
    *,
    all_day: bool = False,
) -> CalendarEvent:
    return CalendarEvent(
        uid=uid,
        recurrence_id=rid,
        summary=uid,
        start=T0 + dt.timedelta(minutes=start),
        end=T0 + dt.timedelta(minutes=end),
        counted=reason is None,
        reason=reason,
        all_day=all_day,
    )


def test_one_occurrence_or_the_series() -> None:
    first, second = event("s", 0, 30, "R1"), event("s", 60, 90, "R2")
    one = exclusion_for(first, series=False)
    series = exclusion_for(first, series=True)
    assert one == UserExclusion("s", "R1") and series == UserExclusion("s", series=True)
    assert one.covers(first) and not one.covers(second)
    assert series.covers(first) and series.covers(second)
    assert not series.covers(event("other", 0, 30))
    assert UserExclusion("s", "R1", series=True) == series  # one form per series
    assert excluded_by(first, {one, series}) == one
    assert excluded_by(second, {one, series}) == series


def test_only_counted_events_are_relabelled() -> None:
    events = [event("a", 0, 30), event("b", 0, 30, reason=Exclusion.DECLINED)]
    exclusions = {UserExclusion("a"), UserExclusion("b")}
    done = apply_exclusions(events, exclusions)
    assert [(e.counted, e.reason) for e in done] == [
        (False, Exclusion.BY_YOU),
        (False, Exclusion.DECLINED),
    ]
    assert apply_exclusions(events, frozenset()) == events


def test_overlaps_name_the_shared_time() -> None:
    events = [
        event("plan", 0, 90),
        event("arch", 60, 120),
        event("quick", 75, 105),
        event("left", 0, 120, reason=Exclusion.DECLINED),
        event("holiday", 0, 24 * 60, all_day=True),
        event("later", 120, 150),  # touches, does not overlap
    ]
    found = overlaps(events)
    assert [(o.other.uid, o.start - T0, o.end - T0) for o in found[0]] == [
        ("arch", dt.timedelta(minutes=60), dt.timedelta(minutes=90)),
        ("quick", dt.timedelta(minutes=75), dt.timedelta(minutes=90)),
    ]
    assert [o.other.uid for o in found[2]] == ["plan", "arch"]
    assert found[3] == [] and found[4] == [] and found[5] == []


_SPANS = st.lists(st.tuples(st.integers(0, 600), st.integers(0, 120), st.booleans()), max_size=8)


@given(_SPANS)
def test_overlaps_are_symmetric_and_inside_both_events(spans: list[tuple[int, int, bool]]) -> None:
    events = [
        event(f"e{i}", start, start + length, reason=None if counted else Exclusion.FREE)
        for i, (start, length, counted) in enumerate(spans)
    ]
    found = overlaps(events)
    by_uid = {e.uid: i for i, e in enumerate(events)}
    for i, items in enumerate(found):
        for o in items:
            a, b = events[i], o.other
            assert a.counted and b.counted and a.uid != b.uid
            assert max(a.start, b.start) == o.start < o.end == min(a.end, b.end)
            assert any(x.other.uid == a.uid for x in found[by_uid[b.uid]])

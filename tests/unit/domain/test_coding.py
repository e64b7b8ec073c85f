from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focusapp.domain.coding import (
    DEFAULT_FIRST_COMMIT,
    DEFAULT_MAX_GAP,
    Commit,
    coding_days,
    coding_sessions,
)
from focusapp.domain.days import day_bounds, local_day

BERLIN = ZoneInfo("Europe/Berlin")
MINUTE = dt.timedelta(minutes=1)


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


def commit(when: dt.datetime, sha: str | None = None) -> Commit:
    return Commit(sha or when.isoformat(), when, "repo")


def minutes(commits: list[Commit], **kwargs: dt.timedelta) -> dict[dt.date, int]:
    return {day: c.minutes for day, c in coding_days(commits, BERLIN, 4, **kwargs).items()}


def test_defaults_are_git_hours_defaults() -> None:
    assert (
        dt.timedelta(hours=2),
        dt.timedelta(minutes=30),
    ) == (DEFAULT_MAX_GAP, DEFAULT_FIRST_COMMIT)


def test_close_commits_make_one_session_starting_before_the_first() -> None:
    commits = [commit(at(2, 10)), commit(at(2, 10, 30)), commit(at(2, 11))]

    (session,) = coding_sessions(commits)

    assert (session.start, session.end) == (at(2, 9, 30), at(2, 11))
    assert [c.sha for c in session.commits] == [c.sha for c in commits]
    assert minutes(commits) == {dt.date(2026, 12, 2): 90}


def test_a_gap_of_exactly_max_gap_splits_and_just_under_joins() -> None:
    split = [commit(at(2, 10)), commit(at(2, 12))]
    joined = [commit(at(2, 10)), commit(at(2, 11, 59))]

    assert len(coding_sessions(split)) == 2
    assert minutes(split) == {dt.date(2026, 12, 2): 60}
    assert minutes(joined) == {dt.date(2026, 12, 2): 149}


def test_both_parameters_are_used() -> None:
    commits = [commit(at(2, 10)), commit(at(2, 10, 50))]

    assert minutes(commits, max_gap=dt.timedelta(minutes=45)) == {dt.date(2026, 12, 2): 60}
    assert minutes(commits, first_commit=dt.timedelta(minutes=5)) == {dt.date(2026, 12, 2): 55}


def test_sessions_are_split_at_the_day_start_and_each_day_names_its_commits() -> None:
    commits = [commit(at(2, 3, 50)), commit(at(2, 4, 20))]  # day starts at 04:00

    days = coding_days(commits, BERLIN, 4)

    assert {day: d.minutes for day, d in days.items()} == {
        dt.date(2026, 12, 1): 40,
        dt.date(2026, 12, 2): 20,
    }
    assert all(d.commits == tuple(commits) for d in days.values())


def test_the_day_start_hour_is_a_parameter() -> None:
    commits = [commit(at(2, 3, 50)), commit(at(2, 4, 20))]
    days = coding_days(commits, BERLIN, 0)
    assert {day: d.minutes for day, d in days.items()} == {dt.date(2026, 12, 2): 60}


def test_a_dst_change_inside_a_session_counts_elapsed_time() -> None:
    # 2026-10-25 02:00-03:00 CEST happens twice; the session's length is true elapsed time.
    first = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # 02:30 CEST
    last = dt.datetime(2026, 10, 25, 2, 0, tzinfo=dt.UTC)  # 03:00 CET
    assert minutes([commit(first), commit(last)]) == {dt.date(2026, 10, 24): 120}


def test_duplicates_and_order_do_not_matter() -> None:
    one = commit(at(2, 10), "abc")
    again = Commit("abc", at(2, 10), "clone-of-repo")
    other = commit(at(2, 11), "def")
    assert minutes([other, one, again]) == minutes([one, other]) == {dt.date(2026, 12, 2): 90}


def test_overlapping_sessions_merge_when_the_lead_in_exceeds_the_gap() -> None:
    commits = [commit(at(2, 10)), commit(at(2, 11, 30))]

    sessions = coding_sessions(
        commits, max_gap=dt.timedelta(hours=1), first_commit=dt.timedelta(hours=2)
    )

    assert [(s.start, s.end) for s in sessions] == [(at(2, 8), at(2, 11, 30))]


def test_a_lone_commit_with_no_lead_in_keeps_its_day_for_the_audit() -> None:
    days = coding_days([commit(at(2, 10))], BERLIN, 4, first_commit=dt.timedelta(0))
    assert [(d.day, d.minutes, len(d.commits)) for d in days.values()] == [
        (dt.date(2026, 12, 2), 0, 1)
    ]


def test_no_commits_no_days() -> None:
    assert coding_days([], BERLIN) == {}
    assert coding_sessions([]) == []


@pytest.mark.parametrize(
    ("max_gap", "first_commit"),
    [(dt.timedelta(0), DEFAULT_FIRST_COMMIT), (DEFAULT_MAX_GAP, -MINUTE)],
)
def test_bad_parameters_are_refused(max_gap: dt.timedelta, first_commit: dt.timedelta) -> None:
    with pytest.raises(ValueError, match=r"max_gap|first_commit"):
        coding_days([], BERLIN, max_gap=max_gap, first_commit=first_commit)


def test_a_naive_commit_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Commit("abc", dt.datetime(2026, 12, 2, 10))


def test_commit_times_are_stored_in_utc() -> None:
    assert commit(at(2, 10)).authored_at.tzinfo is dt.UTC


# invariants ------------------------------------------------------------------------------

instants = st.datetimes(
    min_value=dt.datetime(2026, 3, 25), max_value=dt.datetime(2026, 4, 5), timezones=st.just(dt.UTC)
)
commit_lists = st.lists(
    st.builds(lambda t, n: Commit(f"{n}", t), instants, st.integers(0, 10_000)), max_size=40
)
gaps = st.timedeltas(min_value=MINUTE, max_value=dt.timedelta(hours=30))
lead_ins = st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(hours=30))


def day_length_minutes(day: dt.date) -> float:
    start, end = day_bounds(day, BERLIN, 4)
    return (end - start).total_seconds() / 60


@settings(max_examples=150, deadline=None)
@given(commit_lists, gaps, lead_ins)
def test_minutes_never_exceed_the_day(
    commits: list[Commit], gap: dt.timedelta, lead: dt.timedelta
) -> None:
    for day, coding in coding_days(commits, BERLIN, 4, max_gap=gap, first_commit=lead).items():
        assert 0 <= coding.minutes <= day_length_minutes(day)


@settings(max_examples=150, deadline=None)
@given(commit_lists, commit_lists, gaps, lead_ins)
def test_more_commits_never_lower_a_day(
    commits: list[Commit], more: list[Commit], gap: dt.timedelta, lead: dt.timedelta
) -> None:
    more = [Commit(f"more-{c.sha}", c.authored_at) for c in more]
    before = coding_days(commits, BERLIN, 4, max_gap=gap, first_commit=lead)
    after = coding_days(commits + more, BERLIN, 4, max_gap=gap, first_commit=lead)
    for day, coding in before.items():
        assert after[day].minutes >= coding.minutes


@settings(max_examples=150, deadline=None)
@given(commit_lists, gaps, lead_ins)
def test_days_add_up_to_the_sessions(
    commits: list[Commit], gap: dt.timedelta, lead: dt.timedelta
) -> None:
    sessions = coding_sessions(commits, max_gap=gap, first_commit=lead)
    days = coding_days(commits, BERLIN, 4, max_gap=gap, first_commit=lead)
    total = sum((s.end - s.start for s in sessions), dt.timedelta(0)).total_seconds() / 60
    assert abs(sum(d.minutes for d in days.values()) - total) <= len(days) * (0.5 + 1 / 60)
    # Sessions are disjoint and in order, and every commit lies inside its session.
    for previous, following in itertools.pairwise(sessions):
        assert previous.end < following.start
    for session in sessions:
        assert all(session.start <= c.authored_at <= session.end for c in session.commits)


@settings(max_examples=150, deadline=None)
@given(commit_lists, gaps, lead_ins)
def test_every_commit_is_behind_its_own_day(
    commits: list[Commit], gap: dt.timedelta, lead: dt.timedelta
) -> None:
    days = coding_days(commits, BERLIN, 4, max_gap=gap, first_commit=lead)
    for c in {c.sha: c for c in commits}.values():
        assert c in days[local_day(c.authored_at, BERLIN, 4)].commits


@settings(max_examples=200, deadline=None)
@given(commit_lists, st.randoms(use_true_random=False))
def test_order_never_matters(commits: list[Commit], random: object) -> None:
    shuffled = list(commits)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    unique = {c.sha: c for c in commits}
    # Same sha at two times: which one is kept depends on order, so test distinct shas only.
    distinct = [c for c in commits if unique[c.sha] is c]
    reordered = [c for c in shuffled if unique[c.sha] is c]
    assert minutes(distinct) == minutes(reordered)

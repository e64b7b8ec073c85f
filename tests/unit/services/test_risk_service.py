import datetime as dt

from focusapp.domain.risk import HISTORY_DAYS, assess_series
from focusapp.services.changes import Changes


def seed(context, first, count):
    for i in range(count):
        context.checkins.record(
            first + dt.timedelta(days=i),
            {"energy": 3 + i % 2, "coding_minutes": 240, "meeting_minutes": 120},
        )


def test_series_matches_the_pure_model(context):
    first = dt.date(2026, 8, 1)
    seed(context, first, 60)
    got = context.risk.series(first, first + dt.timedelta(days=59))
    expected = assess_series(context.checkins.days(), first, first + dt.timedelta(days=59))
    assert got == expected


def test_an_edit_recomputes_only_the_days_it_can_change(context, monkeypatch):
    first = dt.date(2026, 6, 1)
    seed(context, first, 120)
    last = first + dt.timedelta(days=119)
    context.risk.series(first, last)
    assert context.risk.cached_days == 120
    edited = first + dt.timedelta(days=10)
    context.checkins.record(edited, {"energy": 1})
    assert context.risk.cached_days == 120 - (HISTORY_DAYS + 1)
    calls = []
    import focusapp.services.risk as module

    real = module.assess_series
    monkeypatch.setattr(
        module, "assess_series", lambda r, a, b: calls.append((a, b)) or real(r, a, b)
    )
    after = context.risk.series(first, last)
    assert calls == [(edited, edited + dt.timedelta(days=HISTORY_DAYS))]
    assert after == assess_series(context.checkins.days(), first, last)


def test_focus_sessions_invalidate_the_days_they_can_change(context, clock):
    seed(context, dt.date(2026, 10, 1), 34)
    context.risk.series(dt.date(2026, 10, 1), dt.date(2026, 11, 3))
    before = context.risk.cached_days
    context.focus.start()  # adds coding time to today: only today's assessment can move
    assert context.risk.cached_days == before - 1
    context.feed.publish(Changes.anything())  # another process wrote: nothing is kept
    assert context.risk.cached_days == 0


def test_an_edit_during_a_computation_never_leaves_stale_results(context, monkeypatch):
    first = dt.date(2026, 9, 1)
    seed(context, first, 40)
    last = first + dt.timedelta(days=39)
    import focusapp.services.risk as module

    real = module.assess_series
    edited = {"done": False}

    def edit_meanwhile(records, a, b):
        result = real(records, a, b)
        if not edited["done"]:
            edited["done"] = True
            context.checkins.record(
                last, {"energy": 1, "coding_minutes": 900, "meeting_minutes": 400}
            )
        return result

    monkeypatch.setattr(module, "assess_series", edit_meanwhile)
    got = context.risk.series(first, last)
    assert got == real(context.checkins.days(), first, last)
    assert context.risk.series(last, last) == real(context.checkins.days(), last, last)


def test_days_after_today_are_never_scored(context):
    today = context.checkins.today()
    seed(context, today - dt.timedelta(days=30), 31)
    context.checkins.record(today + dt.timedelta(days=1), {"energy": 1})
    series = context.risk.series(today - dt.timedelta(days=2), today + dt.timedelta(days=5))
    assert len(series) == 8
    assert series[2].date == today and series[2].score is not None
    for assessment in series[3:]:
        assert assessment.score is None and assessment.level is None
        assert assessment.factors == {} and assessment.checkins_needed == 0
    assert context.risk.default_range()[1] == today


def test_ranges_reaching_before_1900_do_not_overflow(context):
    today = context.checkins.today()
    seed(context, today - dt.timedelta(days=10), 11)
    assert [a.score for a in context.risk.series(dt.date.min, dt.date(1, 1, 5))] == [None] * 5
    series = context.risk.series(dt.date(1899, 12, 25), dt.date(1900, 1, 3))
    assert len(series) == 10
    assert all(a.score is None for a in series)
    first, last = context.risk.default_range()
    assert (first, last) == (today - dt.timedelta(days=10), today)

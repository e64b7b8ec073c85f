import datetime as dt

from focusapp.domain.risk import HISTORY_DAYS, assess_series


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


def test_focus_sessions_invalidate_the_cache(context, clock):
    seed(context, dt.date(2026, 10, 1), 34)
    context.risk.series(dt.date(2026, 10, 1), dt.date(2026, 11, 3))
    before = context.risk.cached_days
    context.focus.start()
    assert context.risk.cached_days == 0 < before

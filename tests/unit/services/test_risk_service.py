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

from __future__ import annotations

import datetime as dt
import random
import statistics

import pytest

from focusapp.domain.insights import CODES, MIN_DAYS_PER_SIDE, insights, t_quantile
from focusapp.domain.models import CheckIn

TODAY = dt.date(2026, 11, 3)
MEETING_CHOICES = (30, 60, 90, 120, 180, 240, 300, 360)


def history(seed, days=120, *, after_heavy=0.0, monday=0.0, short_sleep=0.0, today=TODAY):
    """A generated history; effects are planted as energy points lower, or none at all."""
    rng = random.Random(seed)
    first = today - dt.timedelta(days=days - 1)
    dates = [first + dt.timedelta(days=i) for i in range(days)]
    minutes = [0 if d.weekday() >= 5 else rng.choice(MEETING_CHOICES) for d in dates]
    cut = statistics.quantiles(minutes, n=4, method="inclusive")[2]
    records = []
    for i, day in enumerate(dates):
        sleep = round(rng.uniform(5.5, 8.5), 1)
        energy = rng.gauss(3.5, 0.8)
        if i > 0 and minutes[i - 1] >= cut:
            energy -= after_heavy
        if day.weekday() == 0:
            energy -= monday
        if sleep < 7:
            energy -= short_sleep
        m = minutes[i]
        records.append(
            CheckIn(
                date=day,
                energy=min(5, max(1, round(energy))),
                coding_minutes=rng.choice([0, 60, 120, 240]),
                meeting_minutes=m,
                sleep_hours=sleep,
                meeting_count=m // 45,
                back_to_back_count=rng.choice([0, 0, 1, 2, 3, 4]) if m else 0,
                longest_free_block_minutes=max(0, 480 - m - rng.choice([0, 30, 60, 120])),
            )
        )
    return records


def by_code(answers):
    return {a.code: a for a in answers}


def test_a_planted_effect_after_meeting_heavy_days_is_found():
    answer = by_code(insights(history(1, after_heavy=1.0), TODAY))["after_meeting_heavy"]
    assert answer.clear
    assert abs(answer.difference - 1.0) <= 0.3
    assert answer.interval[0] > 0
    assert answer.n_with >= MIN_DAYS_PER_SIDE and answer.n_without >= MIN_DAYS_PER_SIDE
    assert answer.energy_with < answer.energy_without


@pytest.mark.parametrize("seed", range(2, 7))
def test_the_planted_effect_is_found_on_other_histories_too(seed):
    answer = by_code(insights(history(seed, after_heavy=1.0), TODAY))["after_meeting_heavy"]
    assert answer.clear
    assert abs(answer.difference - 1.0) <= 0.3


def test_without_a_planted_effect_at_most_1_of_100_answers_is_clear():
    answers = [a for seed in range(1000, 1020) for a in insights(history(seed), TODAY)]
    assert len(answers) == 100
    # Unanswered questions are never clear; most must be answered for the test to mean much.
    assert sum(a.answered for a in answers) >= 80
    assert sum(a.clear for a in answers) <= 1


def test_a_planted_weekday_and_sleep_effect_are_found():
    answers = by_code(insights(history(3, days=240, monday=1.5, short_sleep=0.8), TODAY))
    weekday = answers["weekday"]
    assert weekday.clear
    assert weekday.threshold == 0  # Monday
    assert weekday.difference == pytest.approx(1.5, abs=0.4)
    assert answers["short_sleep"].clear
    assert answers["short_sleep"].difference == pytest.approx(0.8, abs=0.3)


def test_answers_are_reproducible_and_in_code_order():
    records = history(5, after_heavy=0.5)
    first, again = insights(records, TODAY), insights(list(reversed(records)), TODAY)
    assert first == again
    assert [a.code for a in first] == list(CODES)
    assert insights(records, TODAY, seed=1) != insights(records, TODAY, seed=2)


def test_too_little_data_gives_no_answer():
    answers = insights(history(1, days=20), TODAY)
    assert [a.code for a in answers] == list(CODES)
    for answer in answers:
        assert not answer.answered
        assert answer.interval is None
        assert not answer.clear


def test_days_after_today_and_days_without_energy_are_not_read():
    records = history(1, after_heavy=1.0)
    future = [
        CheckIn(date=TODAY + dt.timedelta(days=i), energy=1, meeting_minutes=600) for i in (1, 2)
    ]
    no_energy = [CheckIn(date=TODAY - dt.timedelta(days=200), meeting_minutes=600)]
    assert insights(records + future + no_energy, TODAY) == insights(records, TODAY)


def test_missing_sleep_leaves_the_sleep_question_unanswered():
    records = [
        CheckIn(
            date=r.date,
            energy=r.energy,
            meeting_minutes=r.meeting_minutes,
            back_to_back_count=r.back_to_back_count,
            longest_free_block_minutes=r.longest_free_block_minutes,
        )
        for r in history(1)
    ]
    answer = by_code(insights(records, TODAY))["short_sleep"]
    assert (answer.n_with, answer.n_without, answer.answered) == (0, 0, False)


@pytest.mark.parametrize(
    ("p", "df", "expected"),
    [(0.975, 10, 2.228), (0.975, 30, 2.042), (0.995, 16, 2.921), (0.995, 5, 4.032)],
)
def test_t_quantile_matches_tables(p, df, expected):
    assert t_quantile(p, df) == pytest.approx(expected, rel=0.01)

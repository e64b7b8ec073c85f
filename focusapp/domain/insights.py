"""Insights with honest statistics: five fixed questions about energy, in the user's numbers.

Each question splits days into a "with" side and the other days and reports how many energy
points lower the "with" days averaged (negative: higher). Days are not independent (a bad
week drags several days), so the interval comes from a block bootstrap that resamples whole
weeks. Five questions are asked, so every interval is widened by Bonferroni (95 % over the
set, 99 % each); the weekday question also corrects for its seven weekdays. An answer is
called *clear* only when that widened interval excludes zero. The random generator is seeded:
the same data always gives the same answers.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from math import sqrt
from statistics import NormalDist, fmean, quantiles, stdev
from typing import TYPE_CHECKING, Final

from focusapp.domain.forecast import FOCUS_BLOCK_MINUTES, WEEK_DAYS

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from focusapp.domain.models import CheckIn

CODES: Final = ("after_meeting_heavy", "focus_block", "short_sleep", "back_to_back", "weekday")
CONFIDENCE: Final = 0.95
#: The family-wise error rate spread over the questions (Bonferroni).
ALPHA: Final = (1 - CONFIDENCE) / len(CODES)
#: The intervals use the bootstrap standard error (not its far tails), which 1,000 runs
#: estimate to about 2 %.
BOOTSTRAP_RUNS: Final = 1000
DEFAULT_SEED: Final = 20261103
#: Fewest days on each side, and fewest weeks with data, before a question is answered.
MIN_DAYS_PER_SIDE: Final = 8
MIN_WEEKS: Final = 6
#: The fewest degrees of freedom the t quantile is taken with (its expansion's range).
MIN_DF: Final = 4
#: Only the most recent two years are read: older patterns say little about now, and the
#: bootstrap stays fast on a decade of data.
MAX_DAYS: Final = 2 * 364
SHORT_SLEEP_HOURS: Final = 7.0
BACK_TO_BACK_MIN: Final = 3
HEAVY_QUANTILE_INDEX: Final = 2  # the third quartile of ``quantiles(n=4)``
#: A question needs at least this share of bootstrap runs with both sides present.
MIN_VALID_SHARE: Final = 0.9


@dataclass(frozen=True, slots=True)
class Insight:
    """One question's answer (or why it has none yet).

    Attributes:
        code: One of ``CODES``.
        n_with: Days on the "with" side (e.g. days after meeting-heavy days).
        n_without: The other days the question compares them with.
        difference: How many energy points lower the "with" days averaged (negative:
            higher); ``None`` until enough data exists.
        interval: The bootstrap interval of ``difference``, widened for the number of
            questions; ``None`` until enough data exists.
        clear: Whether ``interval`` excludes zero.
        energy_with: Mean energy on the "with" side.
        energy_without: Mean energy on the other days.
        threshold: The question's cut-off in the user's numbers (meeting minutes of a heavy
            day), or the weekday (0 = Monday) for ``weekday``; ``None`` otherwise.
    """

    code: str
    n_with: int
    n_without: int
    difference: float | None
    interval: tuple[float, float] | None
    clear: bool
    energy_with: float | None = None
    energy_without: float | None = None
    threshold: float | None = None

    @property
    def answered(self) -> bool:
        """Whether enough data existed to answer."""
        return self.difference is not None


# An observation: (week block, on the "with" side, energy).
_Observation = tuple[int, bool, float]


def _observations(
    records: Sequence[CheckIn], side: Callable[[CheckIn], bool | None], origin: dt.date
) -> list[_Observation]:
    return [
        ((r.date - origin).days // WEEK_DAYS, flag, float(r.energy))
        for r in records
        if r.energy is not None and (flag := side(r)) is not None
    ]


def _heavy_threshold(records: Sequence[CheckIn]) -> float | None:
    minutes = [r.meeting_minutes for r in records if r.meeting_minutes is not None]
    if len(minutes) < 2 * MIN_DAYS_PER_SIDE:
        return None
    cut = quantiles(minutes, n=4, method="inclusive")[HEAVY_QUANTILE_INDEX]
    return cut if cut > 0 else None


def _difference(obs: Sequence[_Observation]) -> tuple[float, float, float] | None:
    with_side = [e for _, flag, e in obs if flag]
    other = [e for _, flag, e in obs if not flag]
    if not with_side or not other:
        return None
    e_with, e_other = fmean(with_side), fmean(other)
    return e_other - e_with, e_with, e_other


def t_quantile(p: float, df: int) -> float:
    """Return Student's t quantile ``p`` with ``df`` degrees of freedom (Hill's expansion).

    The standard library has no t distribution; this series about the normal quantile is
    accurate to about 1 % for df >= 5, the fewest weeks a question is answered with.
    """
    z = NormalDist().inv_cdf(p)
    n = float(df)
    return (
        z
        + (z**3 + z) / (4 * n)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * n**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * n**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * n**4)
    )


def _bootstrap_se(obs: Sequence[_Observation], rng: random.Random) -> tuple[float, int] | None:
    """Return the weekly-block bootstrap standard error of the difference, and the weeks.

    Whole weeks are resampled with replacement, so the dependence between days of one week
    stays inside each resample. The spread is scaled by sqrt(k / (k - 1)) for k weeks, the
    usual small-sample correction of the bootstrap variance.
    """
    blocks: dict[int, list[float]] = {}
    for block, flag, energy in obs:
        sums = blocks.setdefault(block, [0.0, 0.0, 0.0, 0.0])
        if flag:
            sums[0] += energy
            sums[1] += 1
        else:
            sums[2] += energy
            sums[3] += 1
    table = list(blocks.values())
    count = len(table)
    estimates: list[float] = []
    for _ in range(BOOTSTRAP_RUNS):
        sw = nw = so = no = 0.0
        for pick in rng.choices(table, k=count):
            sw += pick[0]
            nw += pick[1]
            so += pick[2]
            no += pick[3]
        if nw and no:
            estimates.append(so / no - sw / nw)
    if len(estimates) < MIN_VALID_SHARE * BOOTSTRAP_RUNS:
        return None
    return stdev(estimates) * sqrt(count / (count - 1)), count


def _answer(
    code: str,
    obs: Sequence[_Observation],
    rng: random.Random,
    alpha: float = ALPHA,
    threshold: float | None = None,
) -> Insight:
    n_with = sum(1 for _, flag, _ in obs if flag)
    n_without = len(obs) - n_with
    weeks = len({block for block, _, _ in obs})
    found = _difference(obs)
    if found is None or min(n_with, n_without) < MIN_DAYS_PER_SIDE or weeks < MIN_WEEKS:
        return Insight(code, n_with, n_without, None, None, False, threshold=threshold)
    spread = _bootstrap_se(obs, rng)
    if spread is None:
        return Insight(code, n_with, n_without, None, None, False, threshold=threshold)
    difference, e_with, e_other = found
    se, _weeks = spread
    # The smaller side limits what the data can say: its weeks set the degrees of freedom.
    small = n_with <= n_without
    small_weeks = len({block for block, flag, _ in obs if flag == small})
    half = t_quantile(1 - alpha / 2, max(MIN_DF, small_weeks - 1)) * se
    interval = (difference - half, difference + half)
    clear = interval[0] > 0 or interval[1] < 0
    return Insight(code, n_with, n_without, difference, interval, clear, e_with, e_other, threshold)


def _after_heavy(records: Sequence[CheckIn], cut: float | None) -> Callable[[CheckIn], bool | None]:
    by_date = {r.date: r for r in records}

    def side(r: CheckIn) -> bool | None:
        before = by_date.get(r.date - dt.timedelta(days=1))
        if cut is None or before is None or before.meeting_minutes is None:
            return None
        return before.meeting_minutes >= cut

    return side


def _focus_block(r: CheckIn) -> bool | None:
    free = r.longest_free_block_minutes
    return None if free is None else free >= FOCUS_BLOCK_MINUTES


def _short_sleep(r: CheckIn) -> bool | None:
    return None if r.sleep_hours is None else r.sleep_hours < SHORT_SLEEP_HOURS


def _back_to_back(r: CheckIn) -> bool | None:
    chain = r.back_to_back_count
    return None if chain is None else chain >= BACK_TO_BACK_MIN


def _on_weekday(weekday: int) -> Callable[[CheckIn], bool | None]:
    def side(r: CheckIn) -> bool | None:
        return r.date.weekday() == weekday

    return side


def _weekday(records: Sequence[CheckIn], origin: dt.date, rng: random.Random) -> Insight:
    """The weekday whose energy differs most from the other days, corrected for all seven."""
    answers = []
    for weekday in range(WEEK_DAYS):
        obs = _observations(records, _on_weekday(weekday), origin)
        answers.append(_answer("weekday", obs, rng, ALPHA / WEEK_DAYS, float(weekday)))
    answered = [a for a in answers if a.difference is not None]
    if not answered:
        return max(answers, key=lambda a: (a.n_with, -(a.threshold or 0)))
    return max(answered, key=lambda a: (a.clear, abs(a.difference or 0.0)))


def insights(records: Sequence[CheckIn], today: dt.date, seed: int = DEFAULT_SEED) -> list[Insight]:
    """Answer the five questions from the records dated in the two years up to ``today``.

    Args:
        records: Effective daily records (any order); days after ``today`` are ignored.
        today: The user's today.
        seed: Seeds the bootstrap, so the same data gives the same answers.

    Returns:
        One :class:`Insight` per code of ``CODES``, in that order.
    """
    since = today - dt.timedelta(days=MAX_DAYS - 1)
    recent = sorted((r for r in records if since <= r.date <= today), key=lambda r: r.date)
    origin = since - dt.timedelta(days=since.weekday())  # weeks run Monday to Sunday
    rng = random.Random(seed)
    cut = _heavy_threshold(recent)
    return [
        _answer(
            "after_meeting_heavy",
            _observations(recent, _after_heavy(recent, cut), origin),
            rng,
            threshold=cut,
        ),
        _answer("focus_block", _observations(recent, _focus_block, origin), rng),
        _answer("short_sleep", _observations(recent, _short_sleep, origin), rng),
        _answer("back_to_back", _observations(recent, _back_to_back, origin), rng),
        _weekday(recent, origin, rng),
    ]

"""Burnout-risk signal v1: a transparent, calm daily score computed from check-ins.

The model is pure standard-library code so that it can be tested exhaustively, reused by the
CLI, the UI and exports alike, and audited line by line against the specification
(``RISK_MODEL.md``; the user-facing description lives in ``docs/risk-model.md``).

For every scored day the score is the sum of five factor contributions, each a value in
[0, 1] times a fixed weight, each with a sentence built from the user's own numbers. The one
exception to "the parts add up" is the exhaustion floor, which is reported explicitly.

A whole history is assessed in O(days) time: the check-ins are laid out on a dense
day-indexed array and every window sum is the difference of two running (prefix) sums. The
wording of a scored day (readings, top factors, message) is built when first read, because
most callers read only scores (see ``_Deferred``).
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from dataclasses import dataclass, fields
from enum import StrEnum
from itertools import accumulate
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from focusapp.domain.models import CheckIn


class Level(StrEnum):
    """The four equal-width bands of the score; equal widths keep the bands easy to explain."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    VERY_HIGH = "very_high"


class Trend(StrEnum):
    """Direction of the score against 7 days earlier; a 10-point step keeps it calm."""

    RISING = "rising"
    EASING = "easing"
    STEADY = "steady"


#: Factor names in display and tie-break order (used verbatim in APIs and JSON).
FACTORS: Final = ("exhaustion", "meeting_load", "work_volume", "deep_work", "recovery")

#: Weight of each factor in the score (spec 4.5); they sum to 1.
WEIGHTS: Final[dict[str, float]] = {
    "exhaustion": 0.40,
    "meeting_load": 0.15,
    "work_volume": 0.20,
    "deep_work": 0.10,
    "recovery": 0.15,
}

#: Points a factor contributes at value 1 (100 x weight, exact so points never carry 1e-15).
MAX_POINTS: Final[dict[str, float]] = {name: round(100 * w, 6) for name, w in WEIGHTS.items()}
#: ``MAX_POINTS`` in ``FACTORS`` order, for the scoring loop.
_FACTOR_POINTS: Final = tuple(MAX_POINTS[name] for name in FACTORS)

WORKED_DAY_MINUTES: Final = 60
ACUTE_DAYS: Final = 7
WIDE_ACUTE_DAYS: Final = 14
BASELINE_DAYS: Final = 28
MIN_CHECKINS: Final = 3
BASELINE_MIN_RECORDS: Final = 10
BASELINE_MIN_WORKED_DAYS: Final = 5
TREND_LAG_DAYS: Final = 7
TREND_STEP: Final = 10
FLOOR_SCORE: Final = 50
FLOOR_MIN_DAYS: Final = 3
#: Consecutive work days are counted up to this many; longer runs read "28 or more". The cap
#: keeps the reach of an edit bounded (see ``affected_range``); points saturate at 12 anyway.
STREAK_CAP: Final = 28
#: How far back a day's score can look: the widened acute window plus its baseline (t-41).
LOOKBACK_DAYS: Final = WIDE_ACUTE_DAYS + BASELINE_DAYS - 1
#: How far back a day's assessment can look, including the score 7 days earlier for the trend.
HISTORY_DAYS: Final = LOOKBACK_DAYS + TREND_LAG_DAYS

_MINUTES_PER_DAY: Final = 1440
_FREE_BLOCK_MINUTES: Final = 120
_BACK_TO_BACK_LIMIT: Final = 3

DISCLAIMER: Final = (
    "This is a self-care signal based only on what you log. It is not a medical assessment "
    "and cannot diagnose burnout, depression or any other condition."
)

ABOUT_TEXT: Final = (
    "About your burnout-risk signal. This chart turns your daily check-ins (energy, coding "
    "and meeting time, and optionally sleep, stress and calendar data) into a 0\u2013100 signal so "
    "you can notice patterns early. It is a self-care aid, not a medical device, a medical "
    "assessment or a validated clinical test. The scoring rules are simple, shown in the app, "
    "and explained factor by factor; they are informed by research on burnout, workload and "
    "recovery but have not been clinically validated for individuals. It cannot see many "
    "things that matter, such as how you feel about your work, support at work, or life "
    "outside work. A low score does not mean you are fine, and a high score does not mean you "
    "have burnout. If you feel persistently exhausted, low, anxious or unable to cope, please "
    "talk to a doctor or a mental-health professional, whatever this chart says. Your data "
    "stays on this device and is never shared with your employer or with us."
)

#: Per-level wording (spec 4.10); ``{top_factor}`` / ``{top_factors}`` take explanations.
LEVEL_MESSAGES: Final[dict[Level, str]] = {
    Level.LOW: (
        "Your recent pattern looks sustainable. Keep protecting what's working: rest days, "
        "focus time and sleep."
    ),
    Level.MODERATE: (
        "Some strain is showing: {top_factor}. Small changes now are easier than big ones "
        "later. For example: protect one 2-hour focus block a day, leave 5\u201310 minutes between "
        "meetings, or keep one full day free of work this week. If this lasts more than two "
        "weeks, it's worth raising your workload with your manager."
    ),
    Level.HIGH: (
        "Several strain signals have lined up for at least a week: {top_factors}. This is a "
        "good moment to act: talk with your manager or team about priorities and meeting "
        "load, and plan real recovery time (evenings off, a full weekend, or leave). If "
        "you've felt drained on most days for two weeks or more, consider talking to your "
        "doctor or your employee assistance programme (EAP)."
    ),
    Level.VERY_HIGH: (
        "Your check-ins show sustained low energy together with heavy workload and little "
        "recovery. That combination is worth taking seriously, and you don't have to handle "
        "it alone. Please consider reaching out this week to someone who can help: your "
        "doctor, a mental-health professional, or your EAP, and let your manager know you "
        "need some workload relief. If you are struggling to cope or having thoughts of "
        "harming yourself, contact local emergency services or a crisis line now (US: call or "
        "text 988; UK & Ireland: Samaritans 116 123; other countries: findahelpline.com)."
    ),
}

FLOOR_MESSAGE: Final = "Your energy was at the lowest level on 3 or more work days this week."

REST_DAY_NOTE: Final = (
    "Energy stayed low on rest days too ({energy:.1f}/5). This can also reflect illness or "
    "non-work strain."
)

#: The wanted number of explanation clauses per level template.
_CLAUSES_WANTED: Final = {
    level: 2 if "{top_factors}" in text else 1 if "{top_factor}" in text else 0
    for level, text in LEVEL_MESSAGES.items()
}


@dataclass(frozen=True, slots=True)
class FactorReading:
    """One factor's contribution, kept with its reason so the score can always be explained.

    Attributes:
        name: One of ``FACTORS``.
        value: The factor in [0, 1] (the highest of its readings).
        points: ``value`` times the factor's maximum points; the points add up to the score.
        explanation: One or two sentences citing the user's own numbers.
    """

    name: str
    value: float
    points: float
    explanation: str


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    """The signal for one day, scored or not, with everything a chart or export needs.

    Attributes:
        date: The day assessed; only check-ins dated on or before it were used.
        score: 0-100, or ``None`` when there are too few check-ins.
        level: The band of ``score``, or ``None`` when unscored.
        provisional: True for a score without a usable baseline or from a widened window.
            Unscored days are not provisional (there is nothing to qualify).
        trend: Against the score 7 days earlier, ``None`` if either day is unscored.
        factors: All five readings keyed by name, or empty when unscored.
        top_factors: Up to three factors with points, largest first.
        exhaustion_floor_applied: True when 3+ work days in the last 7 had energy 1; the
            score is then at least 50.
        message: The per-level wording, or how many more check-ins are needed.
        checkins_needed: Check-ins still needed for a score; 0 when scored.
        notes: Extra observations that carry no points (e.g. low energy on rest days).
    """

    date: dt.date
    score: int | None
    level: Level | None
    provisional: bool
    trend: Trend | None
    factors: dict[str, FactorReading]
    top_factors: tuple[str, ...]
    exhaustion_floor_applied: bool
    message: str | None
    checkins_needed: int
    notes: tuple[str, ...]


def ramp(x: float, lo: float, hi: float) -> float:
    """Return 0 at or below ``lo``, 1 at or above ``hi``, linear between: a monotone anchor."""
    if x <= lo:
        return 0.0
    if x >= hi:
        return 1.0
    return (x - lo) / (hi - lo)


def level_for(score: int) -> Level:
    """Return the band of ``score`` (0-24 low, 25-49 moderate, 50-74 high, 75-100 very high)."""
    if score >= 75:
        return Level.VERY_HIGH
    if score >= 50:
        return Level.HIGH
    if score >= 25:
        return Level.MODERATE
    return Level.LOW


def _clause(explanation: str) -> str:
    """Turn an explanation's first sentence into a clause that reads inside a message."""
    text = explanation.strip()
    end = text.find(". ")
    first = (text if end < 0 else text[:end]).rstrip(".")
    return first[:1].lower() + first[1:]


def level_message(level: Level, top_explanations: Sequence[str], floor_applied: bool) -> str:
    """Return the per-level wording with the top factor explanation(s) filled in.

    The explanations should be those of ``top_factors`` in order. Only their first sentence
    (up to the first ". ") is used so the message stays readable. When the floor rule
    applies its sentence comes first, because it is the reason the level is at least high.
    """
    template = LEVEL_MESSAGES[level]
    wanted = _CLAUSES_WANTED[level]
    if not wanted:
        return f"{FLOOR_MESSAGE} {template}" if floor_applied else template
    clauses = [_clause(text) for text in top_explanations[:wanted] if text.strip()]
    fallback = "several small signals together"
    text = template.format(
        top_factor=clauses[0] if clauses else fallback,
        top_factors="; and ".join(clauses) if clauses else fallback,
    )
    return f"{FLOOR_MESSAGE} {text}" if floor_applied else text


def checkins_needed_message(needed: int) -> str:
    """Return the calm wording for a day that cannot be scored yet."""
    days = "day" if needed == 1 else "days"
    return f"Check in on {needed} more {days} to see your signal."


def affected_range(edited_day: dt.date) -> tuple[dt.date, dt.date]:
    """Return the first and last day whose assessment an edit on ``edited_day`` can change.

    Why these bounds: a day t reads check-ins from t-41 at the earliest (a widened 14-day
    acute window t-13..t plus its 28-day baseline t-41..t-14; the run of consecutive work
    days, capped at 28, reaches back at most to t-33). So scores, levels, factors and
    messages can change on ``edited_day`` .. ``edited_day + 41``; the trend compares with the
    score 7 days earlier, so trends can change up to ``edited_day + 48``. Earlier days never
    change: there is no look-ahead.
    """
    return edited_day, edited_day + dt.timedelta(days=HISTORY_DAYS)


def work_runs(worked: Sequence[int], known: Sequence[int]) -> tuple[list[int], list[int]]:
    """Return, per day, the run of worked days ending there (capped) and the latest known day.

    The run counts consecutive worked days up to ``STREAK_CAP``; the latest known day is the
    newest index up to that day whose work is known (-1 before any). Together they give the
    recovery factor's streak (:func:`streak_on`) in O(1) per day.
    """
    runs, latest = [0] * len(worked), [-1] * len(worked)
    run, last = 0, -1
    for i, is_worked in enumerate(worked):
        run = (run + 1 if run < STREAK_CAP else run) if is_worked else 0
        if known[i]:
            last = i
        runs[i], latest[i] = run, last
    return runs, latest


def streak_on(runs: Sequence[int], latest: Sequence[int], i: int) -> int:
    """Return the consecutive work days the recovery factor counts on day ``i``.

    The run up to the latest day whose work is known, when that day lies in the 7-day window:
    a day not checked in yet (today, before the check-in) does not break the run.
    """
    last = latest[i]
    return runs[last] if last >= i - ACUTE_DAYS + 1 else 0


def streak_series(worked: Sequence[int], known: Sequence[int]) -> list[int]:
    """Return :func:`streak_on` for every day: the one rule the chart and the factor share."""
    runs, latest = work_runs(worked, known)
    return [streak_on(runs, latest, i) for i in range(len(worked))]


class _History:
    """Running sums over a dense, day-indexed history; each window sum costs O(1).

    Index ``i`` is day ``origin + i``. Each public list except ``streak_at`` and
    ``last_known`` holds prefix sums of one per-day quantity (``_w``: over worked days only,
    ``_n``: how many days have a value, ``_s``: their sum), so the total over days
    ``lo..hi`` is ``col[hi + 1] - col[lo]``. Integer units (minutes, energy points)
    keep the sums exact, so a window's mean is the same however it was summed.
    """

    def __init__(self, records: Iterable[CheckIn], origin: dt.date, days: int) -> None:
        latest: dict[int, CheckIn] = {}
        first = origin.toordinal()
        for record in records:  # Duplicated dates: the last one seen wins.
            index = record.date.toordinal() - first
            if 0 <= index < days:
                latest[index] = record
        top = _MINUTES_PER_DAY
        zero = [0] * days
        rec, known, worked, rest_e_n, rest_e_s = zero[:], zero[:], zero[:], zero[:], zero[:]
        e_n, e_s, ew_n, ew_s, e1_w = zero[:], zero[:], zero[:], zero[:], zero[:]
        meet_w, work_w, code_w, work_all = zero[:], zero[:], zero[:], zero[:]
        st_n, st_s, sl_n, sl_s = zero[:], zero[:], zero[:], zero[:]
        mc_n, mc_s, cal_n, frag_n = zero[:], zero[:], zero[:], zero[:]
        for i, r in latest.items():
            rec[i] = 1
            # Out-of-range values are clipped (spec 4.2); sleep is summed in whole minutes.
            energy = r.energy
            if energy is not None:
                energy = 1 if energy < 1 else 5 if energy > 5 else energy
                e_n[i], e_s[i] = 1, energy
            stress = r.stress
            if stress is not None:
                st_n[i], st_s[i] = 1, 1 if stress < 1 else 5 if stress > 5 else stress
            if r.sleep_hours is not None:
                sleep = round(r.sleep_hours * 60)
                sl_n[i], sl_s[i] = 1, 0 if sleep < 0 else top if sleep > top else sleep
            coding, meeting = r.coding_minutes, r.meeting_minutes
            if coding is None and meeting is None:
                continue  # Work not recorded: a record, but neither a worked nor a rest day.
            # A recorded day with one part blank counts that part as 0 (CheckIn.work_minutes).
            coding = 0 if coding is None or coding < 0 else top if coding > top else coding
            meeting = 0 if meeting is None or meeting < 0 else top if meeting > top else meeting
            work = coding + meeting
            known[i] = 1
            work_all[i] = work
            if work < WORKED_DAY_MINUTES:
                if energy is not None:
                    rest_e_n[i], rest_e_s[i] = 1, energy
                continue
            worked[i], meet_w[i], work_w[i], code_w[i] = 1, meeting, work, coding
            if energy is not None:
                ew_n[i], ew_s[i], e1_w[i] = 1, energy, int(energy == 1)
            if r.meeting_count is not None:
                mc_n[i], mc_s[i] = 1, max(0, r.meeting_count)
            free, b2b = r.longest_free_block_minutes, r.back_to_back_count
            if free is not None or b2b is not None:
                cal_n[i] = 1
                frag_n[i] = int(
                    (free is not None and free < _FREE_BLOCK_MINUTES)
                    or (b2b is not None and b2b >= _BACK_TO_BACK_LIMIT)
                )

        def prefix(col: list[int]) -> list[int]:
            return list(accumulate(col, initial=0))

        self.rec, self.worked = prefix(rec), prefix(worked)
        self.e_n, self.e_s = prefix(e_n), prefix(e_s)
        self.ew_n, self.ew_s = prefix(ew_n), prefix(ew_s)
        self.e1_w, self.rest_e_n, self.rest_e_s = prefix(e1_w), prefix(rest_e_n), prefix(rest_e_s)
        self.meet_w, self.work_w, self.code_w = prefix(meet_w), prefix(work_w), prefix(code_w)
        self.work_all, self.st_n, self.st_s = prefix(work_all), prefix(st_n), prefix(st_s)
        self.sl_n, self.sl_s = prefix(sl_n), prefix(sl_s)
        self.mc_n, self.mc_s = prefix(mc_n), prefix(mc_s)
        self.cal_n, self.frag_n = prefix(cal_n), prefix(frag_n)
        # Run of consecutive worked days ending at i (capped), and the latest day <= i whose
        # work is known (-1 if none): together they give the streak in O(1).
        self.streak_at, self.last_known = work_runs(worked, known)


@dataclass(slots=True)
class _Day:
    """The numbers behind one scored day, kept apart from the wording (built on demand).

    ``f1`` .. ``f5`` are the factor values in ``FACTORS`` order (their points are recomputed
    by ``_wording``, not stored: one tuple less per day). Sub-readings (``e_*``, ``d_*``,
    ``r_*``) are kept so the explanation can lead with the reading that set the factor.
    Figures are ``None`` where they are not available.
    """

    widened: bool
    usable: bool
    f1: float
    f2: float
    f3: float
    f4: float
    f5: float
    score: int
    floor: bool
    e_now: float | None
    e_from_work: bool
    e_base: float | None
    e_energy: float
    e_stress: float
    stress: float | None
    mpd: float | None
    meetings_a: float | None
    share_a: float | None
    share_b: float | None
    weekly_minutes: int
    wpd: float | None
    ratio: float | None
    coding_a: float | None
    coding_b: float | None
    d_code: float
    d_frag: float
    fragmented: int
    calendar_days: int
    streak: int
    latest_is_rest: bool
    r_streak: float
    r_sleep: float
    sleep: float | None
    rest_energy: float | None


def _score_days(h: _History, first: int, days: int) -> list[_Day | int]:
    """Score day indexes ``first .. days - 1``; an int means "this many check-ins needed".

    One loop with the running sums bound to locals: this is the hot path of a long history.
    ``first`` must be at least ``LOOKBACK_DAYS`` so that every window starts at index >= 0.
    """
    if first < LOOKBACK_DAYS:
        raise ValueError("first must leave room for the widest window")
    rec, worked, e_n, e_s, ew_n, ew_s = h.rec, h.worked, h.e_n, h.e_s, h.ew_n, h.ew_s
    meet_w, work_w, code_w, work_all = h.meet_w, h.work_w, h.code_w, h.work_all
    st_n, st_s, sl_n, sl_s, mc_n, mc_s = h.st_n, h.st_s, h.sl_n, h.sl_s, h.mc_n, h.mc_s
    cal_n, frag_n, e1_w, rest_e_n, rest_e_s = h.cal_n, h.frag_n, h.e1_w, h.rest_e_n, h.rest_e_s
    streak_at, last_known = h.streak_at, h.last_known
    p1, p2, p3, p4, p5 = _FACTOR_POINTS
    out: list[_Day | int] = []
    for i in range(first, days):
        hi = i + 1
        l_lo = i - ACUTE_DAYS + 1
        if rec[hi] - rec[l_lo] >= MIN_CHECKINS:
            widened, a_lo = False, l_lo
        else:
            a_lo = i - WIDE_ACUTE_DAYS + 1
            count = rec[hi] - rec[a_lo]
            if count < MIN_CHECKINS:
                out.append(MIN_CHECKINS - count)
                continue
            widened = True
        b_lo = a_lo - BASELINE_DAYS
        b_worked = worked[a_lo] - worked[b_lo]
        usable = (
            rec[a_lo] - rec[b_lo] >= BASELINE_MIN_RECORDS and b_worked >= BASELINE_MIN_WORKED_DAYS
        )
        aw = worked[hi] - worked[a_lo]

        # F1 exhaustion: energy on worked days (or all days when fewer than 2), optional stress.
        n = ew_n[hi] - ew_n[a_lo]
        e_base: float | None = None
        e_now: float | None
        if n >= 2:
            e_now, e_from_work = (ew_s[hi] - ew_s[a_lo]) / n, True
        else:
            n = e_n[hi] - e_n[a_lo]
            e_now, e_from_work = ((e_s[hi] - e_s[a_lo]) / n if n else None), False
        e_energy = 0.0 if e_now is None else ramp(3.5 - e_now, 0.0, 1.5)
        if e_from_work and usable and e_now is not None:
            n = ew_n[a_lo] - ew_n[b_lo]
            if n >= BASELINE_MIN_WORKED_DAYS:
                e_base = (ew_s[a_lo] - ew_s[b_lo]) / n
                r = ramp(e_base - e_now, 0.25, 1.5)
                e_energy = r if r > e_energy else e_energy
        n = st_n[hi] - st_n[a_lo]
        stress = (st_s[hi] - st_s[a_lo]) / n if n >= 3 else None
        e_stress = 0.0 if stress is None else ramp(stress, 3.0, 4.5)
        f1 = e_stress if e_stress > e_energy else e_energy

        # F2 meetings, F3 volume, F4 deep work: intensities per worked day in A.
        weekly = work_all[hi] - work_all[l_lo]
        f2 = 0.0
        f3 = ramp(weekly / 60, 45.0, 55.0)
        mpd = meetings_a = share_a = share_b = wpd = ratio = coding_a = coding_b = None
        d_code = 0.0
        if aw >= 2:
            meet_a = meet_w[hi] - meet_w[a_lo]
            work_a = work_w[hi] - work_w[a_lo]
            mpd = meet_a / aw
            f2 = ramp(mpd, 120.0, 300.0)
            n = mc_n[hi] - mc_n[a_lo]
            if n >= 2:
                meetings_a = (mc_s[hi] - mc_s[a_lo]) / n
                r = ramp(meetings_a, 4.0, 8.0)
                f2 = r if r > f2 else f2
            share_a = meet_a / work_a
            wpd = work_a / aw
            r = ramp(wpd, 480.0, 660.0)
            f3 = r if r > f3 else f3
            coding_a = (code_w[hi] - code_w[a_lo]) / aw
            if usable:
                work_b = work_w[a_lo] - work_w[b_lo]
                share_b = (meet_w[a_lo] - meet_w[b_lo]) / work_b
                r = ramp(share_a - share_b, 0.10, 0.30)
                f2 = r if r > f2 else f2
                base_wpd = work_b / b_worked
                if base_wpd >= WORKED_DAY_MINUTES:
                    ratio = wpd / base_wpd
                    r = ramp(ratio, 1.2, 1.5)
                    f3 = r if r > f3 else f3
                base_code = (code_w[a_lo] - code_w[b_lo]) / b_worked
                if base_code >= WORKED_DAY_MINUTES:
                    coding_b = base_code
                    d_code = ramp(1 - coding_a / coding_b, 0.2, 0.6)
        calendar_days = cal_n[hi] - cal_n[a_lo]
        fragmented = frag_n[hi] - frag_n[a_lo]
        d_frag = ramp(fragmented / calendar_days, 0.2, 0.8) if calendar_days >= 2 else 0.0
        f4 = d_frag if d_frag > d_code else d_code

        # F5 recovery: the run of worked days up to the latest work-known record, and sleep.
        last = last_known[i]
        streak = streak_on(streak_at, last_known, i)
        r_streak = ramp(streak, 5.0, 12.0)
        n = sl_n[hi] - sl_n[l_lo]
        sleep = (sl_s[hi] - sl_s[l_lo]) / (60 * n) if n >= 3 else None
        r_sleep = 0.0 if sleep is None else ramp(7 - sleep, 0.0, 2.0)
        f5 = r_sleep if r_sleep > r_streak else r_streak

        # The sum of the points, added in this order, as ``_wording`` gives them.
        score = min(100, math.floor(p1 * f1 + p2 * f2 + p3 * f3 + p4 * f4 + p5 * f5 + 0.5))
        floor = e1_w[hi] - e1_w[l_lo] >= FLOOR_MIN_DAYS
        if floor:
            score = max(score, FLOOR_SCORE)
        n = rest_e_n[hi] - rest_e_n[l_lo]
        out.append(
            _Day(
                widened,
                usable,
                f1,
                f2,
                f3,
                f4,
                f5,
                score,
                floor,
                e_now,
                e_from_work,
                e_base,
                e_energy,
                e_stress,
                stress,
                mpd,
                meetings_a,
                share_a,
                share_b,
                weekly,
                wpd,
                ratio,
                coding_a,
                coding_b,
                d_code,
                d_frag,
                fragmented,
                calendar_days,
                streak,
                last >= l_lo and not streak,
                r_streak,
                r_sleep,
                sleep,
                (rest_e_s[hi] - rest_e_s[l_lo]) / n if n >= 2 else None,
            )
        )
    return out


def _hours(minutes: float) -> str:
    return f"{minutes / 60:.1f} h"


def _explain_exhaustion(d: _Day, span: int) -> str:
    if d.e_now is None:
        energy = f"No energy ratings were logged in the last {span} days."
    elif d.e_from_work:
        usual = f" (your usual: {d.e_base:.1f})" if d.e_base is not None else ""
        energy = f"Energy on work days averaged {d.e_now:.1f}/5 over the last {span} days{usual}."
    else:
        energy = (
            f"Energy averaged {d.e_now:.1f}/5 over the last {span} days, "
            "with fewer than 2 work days logged."
        )
        if d.e_energy > 0:
            energy += " This can also reflect illness or non-work strain."
    if d.stress is None:
        return energy
    stress = f"Stress averaged {d.stress:.1f}/5 over the last {span} days."
    return f"{stress} {energy}" if d.e_stress > d.e_energy else f"{energy} {stress}"


def _explain_meetings(d: _Day, span: int) -> str:
    if d.mpd is None or d.share_a is None:
        return "Not enough work days logged to assess meetings."
    usual = f" vs {d.share_b:.0%} at your baseline" if d.share_b is not None else ""
    count = f", {d.meetings_a:.1f} meetings a day" if d.meetings_a is not None else ""
    return (
        f"Meetings were {d.share_a:.0%} of logged work time over the last {span} days{usual} "
        f"(avg {_hours(d.mpd)} per work day{count})."
    )


def _explain_volume(d: _Day) -> str:
    week = _hours(d.weekly_minutes)
    if d.wpd is None:
        return f"Logged work totalled {week} in the last 7 days."
    usual = f" ({d.ratio:.2f}x your usual)" if d.ratio is not None else ""
    return f"Logged work averaged {_hours(d.wpd)} per work day, {week} in the last 7 days{usual}."


def _explain_deep_work(d: _Day) -> str:
    if d.coding_a is None:
        code = ""
    elif d.coding_b is not None:
        change = d.coding_a / d.coding_b - 1
        code = (
            f"Coding/deep work averaged {_hours(d.coding_a)} per work day vs "
            f"{_hours(d.coding_b)} usual ({change:+.0%})."
        )
    elif d.usable:
        code = (
            f"Coding/deep work averaged {_hours(d.coding_a)} per work day; erosion is not "
            "assessed because your usual coding time is under 1 h per work day."
        )
    else:
        code = f"Coding/deep work averaged {_hours(d.coding_a)} per work day."
    if d.calendar_days < 2:
        return code or "Not enough work days logged to assess deep work."
    frag = (
        f"{d.fragmented} of {d.calendar_days} work days had no free 2-h block or had 3+ "
        "back-to-back meetings."
    )
    if not code:
        return frag
    return f"{frag} {code}" if d.d_frag > d.d_code else f"{code} {frag}"


def _explain_recovery(d: _Day) -> str:
    n = d.streak
    if n >= STREAK_CAP:
        run = f"{STREAK_CAP} or more consecutive work days without a rest day."
    elif n > 5:
        run = f"{n} consecutive work days without a rest day."
    elif n > 0:
        days = "work day" if n == 1 else "work days"
        run = f"{n} {days} in a row so far (up to 5 in a row is an ordinary week)."
    elif d.latest_is_rest:
        run = "Your latest check-in with work logged was a rest day (under 1 h of work)."
    else:
        run = "No work days logged in the last 7 days."
    if d.sleep is None:
        return run
    sleep = f"Sleep averaged {d.sleep:.1f} h (adults need 7 h or more)."
    return f"{sleep} {run}" if d.r_sleep > d.r_streak else f"{run} {sleep}"


def _wording(d: _Day) -> tuple[dict[str, FactorReading], tuple[str, ...], str]:
    """Build a scored day's ``factors``, ``top_factors`` and ``message`` (deferred, together).

    They are built together because they share the work: the message quotes the top
    factors' explanations. The points are the very floats the score was summed from.
    """
    span = WIDE_ACUTE_DAYS if d.widened else ACUTE_DAYS
    values = (d.f1, d.f2, d.f3, d.f4, d.f5)
    p1, p2, p3, p4, p5 = _FACTOR_POINTS
    p = (p1 * d.f1, p2 * d.f2, p3 * d.f3, p4 * d.f4, p5 * d.f5)
    texts = (
        _explain_exhaustion(d, span),
        _explain_meetings(d, span),
        _explain_volume(d),
        _explain_deep_work(d),
        _explain_recovery(d),
    )
    factors = {
        name: FactorReading(name, values[k], p[k], texts[k]) for k, name in enumerate(FACTORS)
    }
    # Largest points first; the sort is stable, so ties keep the FACTORS order.
    ranked = [k for k in (0, 1, 2, 3, 4) if p[k] > 0]
    ranked.sort(key=p.__getitem__, reverse=True)
    del ranked[3:]
    message = level_message(level_for(d.score), [texts[k] for k in ranked], d.floor)
    return factors, tuple([FACTORS[k] for k in ranked]), message


#: The fields ``_wording`` builds, in the order it returns them.
_DEFERRED_FIELDS: Final = ("factors", "top_factors", "message")

#: Guards the store of deferred values, so that every thread reads the one object kept.
_DEFERRED_LOCK: Final = threading.Lock()


class _Deferred:
    """A dataclass field whose slot holds a private ``_Day`` until the field is first read.

    Why: building five explanation sentences, five readings, the ranking and a message for
    every day was most of the cost of a long series, yet charts, statistics and the service
    cache read only scores and levels, and views read the wording of a few days. So the
    scored days of ``assess_series`` hold their ``_Day`` in the slots of the
    ``_DEFERRED_FIELDS``, and this descriptor (put on the class in place of the slot's own)
    fills all three with ``_wording`` the first time any of them is read.

    The record can never be observed: attribute access, the dataclass ``==``, ``repr`` and
    ``hash``, ``dataclasses.replace``/``asdict``, copying and pickling all read fields by
    name, so through ``__get__``. The values are a pure function of the record, so it does
    not matter when, in which order or on which thread they are first read; from then on
    the same objects are returned every time. Values stored by the dataclass ``__init__``
    (unscored days, and every ``RiskAssessment`` built by callers) are returned as they are.
    """

    __slots__ = ("index", "slots")

    def __init__(self, slots: tuple[MemberDescriptorType, ...], index: int) -> None:
        self.slots = slots  # Of all the deferred fields, in ``_DEFERRED_FIELDS`` order.
        self.index = index  # This field's.

    def __get__(self, obj: object, owner: type | None = None) -> object:
        if obj is None:
            return self
        slot = self.slot
        value = slot.__get__(obj, owner)
        if type(value) is not _Day:
            return value
        built = _wording(value)
        with _DEFERRED_LOCK:
            if type(slot.__get__(obj, owner)) is _Day:  # Else another thread stored them.
                for each, each_value in zip(self.slots, built, strict=True):
                    each.__set__(obj, each_value)
        return slot.__get__(obj, owner)

    @property
    def slot(self) -> MemberDescriptorType:
        """The slot of this field."""
        return self.slots[self.index]

    def __set__(self, obj: object, value: object) -> None:
        self.slot.__set__(obj, value)

    def __delete__(self, obj: object) -> None:
        self.slot.__delete__(obj)


def _defer_wording(cls: type) -> None:
    """Put a ``_Deferred`` in front of each slot of ``_DEFERRED_FIELDS`` in ``cls``."""
    slots = tuple(cls.__dict__[name] for name in _DEFERRED_FIELDS)
    if not all(isinstance(slot, MemberDescriptorType) for slot in slots):
        raise TypeError(f"{cls.__name__} must be a slotted dataclass")
    for index, name in enumerate(_DEFERRED_FIELDS):
        setattr(cls, name, _Deferred(slots, index))


def _slot_setters(cls: type) -> list[Callable[[object, object], None]]:
    """Return the raw setter of the slot of each field of ``cls``, in field order.

    Why: ``assess_series`` makes one assessment per day, and the frozen dataclass
    ``__init__`` stores every field through ``object.__setattr__`` (the deferred ones
    through a Python ``__set__``): about a fifth of a whole series once the wording was
    deferred. Filling the slots directly makes the same object in about half the time, as
    long as there is no ``__post_init__`` to run; that is checked here.
    """
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} must be built through its __init__")
    setters = []
    for field in fields(cls):
        slot = cls.__dict__[field.name]
        setters.append((slot.slot if isinstance(slot, _Deferred) else slot).__set__)
    return setters


_defer_wording(RiskAssessment)
_ASSESSMENT_SETTERS: Final = _slot_setters(RiskAssessment)


def _trend(score: int, earlier: _Day | int) -> Trend | None:
    """Compare with the day 7 earlier; an ``int`` there means that day had no score."""
    if isinstance(earlier, int):
        return None
    if score - earlier.score >= TREND_STEP:
        return Trend.RISING
    if earlier.score - score >= TREND_STEP:
        return Trend.EASING
    return Trend.STEADY


def assess_series(records: Iterable[CheckIn], start: dt.date, end: dt.date) -> list[RiskAssessment]:
    """Assess every calendar day from ``start`` to ``end`` inclusive, in date order.

    Day t only sees check-ins dated on or before t, so adding later check-ins never changes
    an earlier day; check-ins after ``end`` are ignored. Check-ins older than ``start - 48``
    cannot affect any returned day and are skipped. If a date occurs more than once, the
    last one in ``records`` wins. Runs in O(days + records); an empty list when start > end.
    The wording and ranking of a scored day are built when first read (see ``_Deferred``).
    """
    if start > end:
        return []
    origin = start - dt.timedelta(days=HISTORY_DAYS)
    days = (end - origin).days + 1
    # Days before start - 7 are only read through the windows; start - 7 .. start - 1 are
    # scored for the trend of the first returned week.
    first = HISTORY_DAYS - TREND_LAG_DAYS
    scored = _score_days(_History(records, origin, days), first, days)
    # The hot path of a long history: one object per day, its slots filled directly (see
    # ``_slot_setters``), day ordinals instead of date arithmetic, names bound locally.
    (
        set_date,
        set_score,
        set_level,
        set_provisional,
        set_trend,
        set_factors,
        set_top_factors,
        set_floor,
        set_message,
        set_needed,
        set_notes,
    ) = _ASSESSMENT_SETTERS
    new, from_ordinal, ordinal = object.__new__, dt.date.fromordinal, origin.toordinal() + first
    out: list[RiskAssessment] = []
    append = out.append
    for k in range(TREND_LAG_DAYS, len(scored)):
        d = scored[k]
        if isinstance(d, int):
            append(_unscored(from_ordinal(ordinal + k), d))
            continue
        score, rest = d.score, d.rest_energy
        notes: tuple[str, ...] = ()
        if rest is not None and rest <= 2.5:
            notes = (REST_DAY_NOTE.format(energy=rest),)
        a = new(RiskAssessment)
        set_date(a, from_ordinal(ordinal + k))
        set_score(a, score)
        set_level(a, level_for(score))
        set_provisional(a, d.widened or not d.usable)
        set_trend(a, _trend(score, scored[k - TREND_LAG_DAYS]))
        set_factors(a, d)
        set_top_factors(a, d)
        set_floor(a, d.floor)
        set_message(a, d)
        set_needed(a, 0)
        set_notes(a, notes)
        append(a)
    return out


def _unscored(day: dt.date, needed: int) -> RiskAssessment:
    return unscored_day(day, needed, checkins_needed_message(needed))


def unscored_day(day: dt.date, needed: int = 0, message: str | None = None) -> RiskAssessment:
    """Return a day without a score: still waiting for ``needed`` check-ins, or not yet begun."""
    return RiskAssessment(
        date=day,
        score=None,
        level=None,
        provisional=False,
        trend=None,
        factors={},
        top_factors=(),
        exhaustion_floor_applied=False,
        message=message,
        checkins_needed=needed,
        notes=(),
    )


def assess_day(records: Iterable[CheckIn], day: dt.date) -> RiskAssessment:
    """Assess a single day; a convenience over ``assess_series`` for "today" views."""
    return assess_series(records, day, day)[0]


def to_json(assessment: RiskAssessment) -> dict[str, object]:
    """Return the export shape of spec 4.6 (values to 2 decimals, points to 1)."""
    return {
        "date": assessment.date.isoformat(),
        "score": assessment.score,
        "level": None if assessment.level is None else str(assessment.level),
        "provisional": assessment.provisional,
        "trend": None if assessment.trend is None else str(assessment.trend),
        "top_factors": list(assessment.top_factors),
        "exhaustion_floor_applied": assessment.exhaustion_floor_applied,
        "message": assessment.message,
        "factors": {
            name: {
                "value": round(reading.value, 2),
                "points": round(reading.points, 1),
                "explanation": reading.explanation,
            }
            for name, reading in assessment.factors.items()
        },
    }

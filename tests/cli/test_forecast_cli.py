import datetime as dt
import json

import pytest

from focusapp.domain.forecast import series_id
from tests.cli.test_future_days import run, today
from tests.unit.services.test_lookahead import vevent, write_calendar

DAY_KEYS = {
    "date",
    "meeting_minutes",
    "meeting_count",
    "back_to_back_count",
    "longest_free_block_minutes",
    "after_hours_minutes",
    "has_focus_block",
}
SERIES_KEYS = {"id", "title", "occurrences", "minutes", "focus_cost_minutes"}


@pytest.fixture(autouse=True)
def _berlin(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")


@pytest.fixture
def booked(capsys, tmp_path):
    now = today()
    tomorrow = now + dt.timedelta(days=1)
    path = write_calendar(
        tmp_path / "cal.ics",
        vevent("daily", tomorrow, "0930", "1030", "Daily", rrule="FREQ=DAILY;COUNT=30"),
        vevent("big", tomorrow, "1300", "1600", "Quarterly planning"),
        vevent("late", tomorrow, "1800", "1900", "Late call"),
    )
    last = now + dt.timedelta(days=40)
    code, _, err = run(
        capsys, "calendar", "import", str(path), "--from", str(now), "--to", str(last)
    )
    assert code == 0, err
    for i in range(1, 29):
        day = now - dt.timedelta(days=i)
        run(capsys, "log", "--date", str(day), "--energy", "3", "--coding", "3h")
    return tomorrow


def forecast_json(capsys, *args):
    code, out, err = run(capsys, "forecast", "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_json_shape_is_exactly_the_contract(capsys, booked):
    document = forecast_json(capsys)
    assert set(document) == {"days", "series", "projection"}
    assert len(document["days"]) == 14
    assert document["days"][0]["date"] == booked.isoformat()
    for day in document["days"]:
        assert set(day) == DAY_KEYS
    for series in document["series"]:
        assert set(series) == SERIES_KEYS
    assert set(document["projection"]) == {"score", "level", "assumptions"}
    assert "projection" in document["projection"]["assumptions"].lower()


def test_figures_match_the_hand_computed_calendar(capsys, booked):
    document = forecast_json(capsys, "--days", "7")
    first = document["days"][0]
    # 09:30-10:30, 13:00-16:00 inside 09:00-17:00, and 18:00-19:00 after hours.
    assert first["meeting_minutes"] == 60 + 180 + 60
    assert first["meeting_count"] == 3
    assert first["longest_free_block_minutes"] == 150  # 10:30-13:00
    assert first["after_hours_minutes"] == 60
    assert first["has_focus_block"] is True
    second = document["days"][1]
    assert second["meeting_minutes"] == 60
    assert second["longest_free_block_minutes"] == 390  # 10:30-17:00
    series = {s["id"]: s for s in document["series"]}
    big = series[series_id("big")]
    assert (big["title"], big["occurrences"], big["minutes"]) == ("Quarterly planning", 1, 180)
    # Without it: 10:30-17:00 (390) instead of 10:30-13:00 (150) and 16:00-17:00 (too short).
    assert big["focus_cost_minutes"] == 390 - 150
    assert series[series_id("late")]["focus_cost_minutes"] == 0
    daily = series[series_id("daily")]
    assert (daily["occurrences"], daily["minutes"]) == (7, 420)
    assert document["series"][0]["id"] == series_id("daily")


def test_skip_lowers_each_affected_day_by_the_series_minutes(capsys, booked):
    before = forecast_json(capsys)
    after = forecast_json(capsys, "--skip", series_id("daily"), series_id("late"))
    for old, new in zip(before["days"], after["days"], strict=True):
        lowered = 60 + (60 if old["date"] == booked.isoformat() else 0)
        assert old["meeting_minutes"] - new["meeting_minutes"] == lowered
    assert {s["id"] for s in after["series"]} == {series_id("big")}
    assert after["projection"]["score"] <= before["projection"]["score"]


def test_text_output_names_the_projection_and_its_assumptions(capsys, booked):
    code, out, _ = run(capsys, "forecast")
    assert code == 0
    assert "Projection" in out
    assert "as booked" in out
    assert series_id("daily") in out


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--days", "6"], "--days"),
        (["--days", "x"], "--days"),
        (["--from", "tomorrow"], "--from"),
        (["--skip", "nosuchid"], "--skip"),
    ],
)
def test_bad_input_is_one_line_naming_the_field(capsys, booked, args, field):
    code, out, err = run(capsys, "forecast", *args)
    assert code == 2
    assert err.strip().count("\n") == 0
    assert field in err


def test_keep_stores_the_plan_and_clear_plan_forgets_it(capsys, booked):
    daily = series_id("daily")
    before = forecast_json(capsys)["days"][1]["meeting_minutes"]
    forecast_json(capsys, "--shorten", f"{daily}=15", "--keep")
    assert forecast_json(capsys)["days"][1]["meeting_minutes"] == before - 45
    assert forecast_json(capsys, "--clear-plan")["days"][1]["meeting_minutes"] == before


@pytest.mark.parametrize("value", ["nothing", "=20", "x=0", "x=abc"])
def test_bad_shorten_is_refused(capsys, booked, value):
    code, _, err = run(capsys, "forecast", "--shorten", value)
    assert code == 2
    assert "--shorten" in err


def test_keep_without_choices_is_refused(capsys, booked):
    code, _, err = run(capsys, "forecast", "--keep")
    assert code == 2 and "--keep" in err

"""A calendar booked 6 weeks ahead: no day after today is scored, listed or drawn as history."""

import datetime as dt
import json
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.cli.main import main
from focusapp.domain.clock import SystemClock
from focusapp.domain.days import local_day
from focusapp.wording.lookahead import forecast_marker, not_yet_label

BERLIN = ZoneInfo("Europe/Berlin")
AHEAD_DAYS = 42


@pytest.fixture(autouse=True)
def _berlin(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")


def today() -> dt.date:
    return local_day(SystemClock().now(), BERLIN)


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def daily_meeting_calendar(path: Path, first: dt.date, days: int) -> Path:
    """One recurring 2-hour meeting every day from ``first`` (10:00-12:00 Berlin)."""
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:daily@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{first:%Y%m%d}T100000\r\n"
        f"DTEND;TZID=Europe/Berlin:{first:%Y%m%d}T120000\r\n"
        f"RRULE:FREQ=DAILY;COUNT={days}\r\nSUMMARY:Daily sync\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def booked(capsys, tmp_path):
    """Two weeks logged, a calendar from two weeks back to six weeks ahead imported."""
    now = today()
    first = now - dt.timedelta(days=14)
    last = now + dt.timedelta(days=AHEAD_DAYS)
    path = daily_meeting_calendar(tmp_path / "cal.ics", first, (last - first).days + 1)
    code, _, err = run(
        capsys, "calendar", "import", str(path), "--from", str(first), "--to", str(last)
    )
    assert code == 0, err
    for i in range(14):
        day = first + dt.timedelta(days=i)
        assert run(capsys, "log", "--date", str(day), "--energy", "3", "--coding", "3h")[0] == 0
    return now


def test_risk_lists_no_day_after_today_by_default(capsys, booked):
    code, out, _ = run(capsys, "risk", "--json")
    days = json.loads(out)["days"]
    assert code == 0
    assert days[-1]["date"] == booked.isoformat()
    assert not any(d["future"] for d in days)
    assert days[-1]["score"] is not None


def test_risk_with_to_shows_future_days_without_a_score(capsys, booked):
    to = booked + dt.timedelta(days=10)
    _, out, _ = run(capsys, "risk", "--to", str(to), "--json")
    days = {d["date"]: d for d in json.loads(out)["days"]}
    for i in range(1, 11):
        day = days[(booked + dt.timedelta(days=i)).isoformat()]
        assert day["future"] is True
        assert day["score"] is None
        assert day["level"] is None
        assert day["factors"] == {}
    assert days[booked.isoformat()]["future"] is False
    assert days[booked.isoformat()]["score"] is not None


def test_risk_text_marks_future_days_as_forecast(capsys, booked):
    to = booked + dt.timedelta(days=3)
    _, out, _ = run(capsys, "risk", "--to", str(to))
    lines = {line[:10]: line for line in out.splitlines() if line[:4].isdigit()}
    assert not_yet_label() in lines[to.isoformat()]
    assert not_yet_label() not in lines[booked.isoformat()]


def test_show_ends_today_unless_asked(capsys, booked):
    _, out, _ = run(capsys, "show", "--json")
    dates = [d["date"] for d in json.loads(out)["days"]]
    assert max(dates) == booked.isoformat()
    to = booked + dt.timedelta(days=5)
    _, out, _ = run(capsys, "show", "--to", str(to))
    assert to.isoformat() in out
    assert forecast_marker() in out
    _, out, _ = run(capsys, "show")
    assert (booked + dt.timedelta(days=1)).isoformat() not in out
    assert forecast_marker() not in out


def test_chart_range_ends_today(capsys, booked, tmp_path):
    code, out, err = run(capsys, "chart", "-o", str(tmp_path / "c.png"), "--size", "400x400")
    assert code == 0, err
    assert f"to {booked}" in out
    to = booked + dt.timedelta(days=20)
    code, out, err = run(
        capsys, "chart", "-o", str(tmp_path / "d.png"), "--size", "400x400", "--to", str(to)
    )
    assert code == 0, err
    assert f"to {booked}" in out


def test_risk_survives_an_ancient_stored_day(capsys, booked, data_dir):
    with sqlite3.connect(data_dir / "focusapp.sqlite3") as connection:
        connection.execute(
            "INSERT INTO checkins (day, energy, zone, created_at, updated_at) "
            "VALUES ('0001-01-01', 3, 'Europe/Berlin', '2026-01-01 00:00:00', "
            "'2026-01-01 00:00:00')"
        )
    code, out, err = run(capsys, "risk", "--json")
    assert code == 0, err
    days = json.loads(out)["days"]
    assert days[0]["date"] >= "1900-01-01"
    assert days[-1]["date"] == booked.isoformat()
    # A typed range outside 1900-2200 is refused in one line (issue 15, item 11).
    code, out, err = run(capsys, "risk", "--from", "0001-01-01", "--to", "0001-01-05")
    assert code == 2 and "is outside 1900-01-01 to 2200-12-31" in err

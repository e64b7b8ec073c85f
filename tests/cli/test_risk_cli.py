import datetime as dt
import json

from focusapp.cli.main import main
from focusapp.domain.risk import DISCLAIMER, FACTORS


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def log_days(capsys, first: dt.date, count: int, **values: str) -> None:
    for i in range(count):
        day = first + dt.timedelta(days=i)
        args = [f"--{k}={v}" for k, v in values.items()]
        assert run(capsys, "log", "--date", day.isoformat(), *args)[0] == 0


def test_json_shape_is_exactly_the_contract(capsys):
    log_days(capsys, dt.date(2026, 10, 1), 20, energy="4", coding="4h", meetings="2h")
    code, out, _ = run(capsys, "risk", "--from", "2026-10-01", "--to", "2026-10-20", "--json")
    assert code == 0
    document = json.loads(out)
    assert set(document) == {"disclaimer", "days"}
    assert document["disclaimer"] == DISCLAIMER
    assert len(document["days"]) == 20
    day = document["days"][-1]
    assert set(day) == {
        "date",
        "score",
        "level",
        "provisional",
        "trend",
        "top_factors",
        "exhaustion_floor_applied",
        "message",
        "factors",
        "future",
    }
    assert day["future"] is False
    assert isinstance(day["score"], int)
    assert day["level"] == "low"
    assert set(day["factors"]) == set(FACTORS)
    for factor in day["factors"].values():
        assert set(factor) == {"value", "points", "explanation"}
        assert isinstance(factor["value"], float)
    first = document["days"][0]
    assert first["score"] is None
    assert "2 more" in first["message"]


def test_default_range_runs_from_first_day_to_today(capsys):
    run(capsys, "log", "--date", "2026-11-01", "--energy", "3")
    code, out, _ = run(capsys, "risk", "--json")
    days = json.loads(out)["days"]
    from focusapp.domain.days import local_day
    from focusapp.system.zone import detect_zone

    today = local_day(dt.datetime.now(dt.UTC), detect_zone())
    assert days[0]["date"] == "2026-11-01"
    assert days[-1]["date"] == max(today, dt.date(2026, 11, 1)).isoformat()
    assert len(days) == (max(today, dt.date(2026, 11, 1)) - dt.date(2026, 11, 1)).days + 1


def test_text_output_has_one_line_per_day_and_the_disclaimer(capsys):
    log_days(capsys, dt.date(2026, 10, 1), 5, energy="2", coding="1h", meetings="6h")
    code, out, _ = run(capsys, "risk", "--from", "2026-10-01", "--to", "2026-10-05")
    lines = out.strip().splitlines()
    assert code == 0
    assert [line[:10] for line in lines[:5]] == [f"2026-10-0{i}" for i in range(1, 6)]
    assert lines[-1] == DISCLAIMER


def test_meeting_creep_rises_to_high_within_two_weeks(capsys):
    log_days(capsys, dt.date(2026, 8, 1), 42, energy="4", coding="5h", meetings="1h30")
    start = dt.date(2026, 9, 12)
    log_days(capsys, start, 14, energy="2", coding="1h", meetings="6h")
    code, out, _ = run(capsys, "risk", "--from", "2026-09-25", "--to", "2026-09-25", "--json")
    assert json.loads(out)["days"][0]["level"] in ("high", "very_high")


def test_empty_database(capsys):
    code, out, _ = run(capsys, "risk", "--json")
    assert code == 0
    days = json.loads(out)["days"]
    assert len(days) == 1 and days[0]["score"] is None


def test_bad_range(capsys):
    code, _, err = run(capsys, "risk", "--from", "2026-10-05", "--to", "2026-10-01")
    assert code == 2 and "after" in err

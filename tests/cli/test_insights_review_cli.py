import datetime as dt
import json

import pytest

from focusapp.domain.review import last_finished_week
from tests.cli.test_future_days import run, today
from tests.unit.domain.test_insights import history

INSIGHT_KEYS = {"code", "n_with", "n_without", "difference", "interval", "clear", "text"}
FIGURE_KEYS = {"days_logged", "meeting_minutes", "coding_minutes", "energy_mean"}
REVIEW_KEYS = {
    "week_start",
    "week_end",
    *FIGURE_KEYS,
    "usual",
    "risk_start",
    "risk_end",
    "top_series",
    "suggestion",
}


@pytest.fixture(autouse=True)
def _berlin(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")


def import_records(capsys, tmp_path, records):
    rows = [
        {
            name: (value.isoformat() if name == "date" else value)
            for name, value in r.values().items()
        }
        for r in records
    ]
    path = tmp_path / "days.json"
    path.write_text(json.dumps({"schema": 1, "days": rows}), encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 0, err


def test_insights_json_finds_a_planted_effect(capsys, tmp_path):
    import_records(capsys, tmp_path, history(1, after_heavy=1.0, today=today()))
    code, out, err = run(capsys, "insights", "--json")
    assert code == 0, err
    document = json.loads(out)
    assert set(document) == {"insights"}
    answers = {a["code"]: a for a in document["insights"]}
    assert list(answers) == [
        "after_meeting_heavy",
        "focus_block",
        "short_sleep",
        "back_to_back",
        "weekday",
    ]
    for answer in answers.values():
        assert set(answer) == INSIGHT_KEYS
    heavy = answers["after_meeting_heavy"]
    assert heavy["clear"] is True
    assert abs(heavy["difference"] - 1.0) <= 0.3
    assert heavy["interval"][0] > 0
    assert "lower than other days" in heavy["text"]
    assert "not proof of cause" in heavy["text"]
    # Reproducible: the same data gives the same answers.
    assert json.loads(run(capsys, "insights", "--json")[1]) == document


def test_insights_on_a_new_install_say_there_is_not_enough_data(capsys):
    code, out, _ = run(capsys, "insights")
    assert code == 0
    assert out.count("not enough data yet") == 5


def test_review_sums_equal_the_logged_week(capsys, tmp_path):
    now = today()
    records = history(2, days=90, today=now)
    import_records(capsys, tmp_path, records)
    first, last = last_finished_week(now)
    code, out, err = run(capsys, "review", "--json")
    assert code == 0, err
    document = json.loads(out)
    assert set(document) == REVIEW_KEYS
    assert (document["week_start"], document["week_end"]) == (str(first), str(last))
    week = [r for r in records if first <= r.date <= last]
    assert document["days_logged"] == len(week)
    assert document["meeting_minutes"] == sum(r.meeting_minutes for r in week)
    assert document["coding_minutes"] == sum(r.coding_minutes for r in week)
    assert document["energy_mean"] == pytest.approx(
        sum(r.energy for r in week) / len(week), abs=0.01
    )
    assert set(document["usual"]) == FIGURE_KEYS
    assert document["usual"]["days_logged"] == 7
    assert set(document["suggestion"]) == {"code", "text"}
    assert isinstance(document["risk_end"], int)


def test_review_of_a_chosen_week_and_bad_dates(capsys, tmp_path):
    now = today()
    import_records(capsys, tmp_path, history(2, days=90, today=now))
    day = now - dt.timedelta(days=30)
    _, out, _ = run(capsys, "review", "--week", str(day), "--json")
    monday = day - dt.timedelta(days=day.weekday())
    assert json.loads(out)["week_start"] == str(monday)
    code, out, _ = run(capsys, "review")
    assert code == 0 and "Week " in out
    code, _, err = run(capsys, "review", "--week", "last friday")
    assert code == 2 and "--week" in err and err.count("\n") == 1


def test_review_keeps_a_reflection(capsys, tmp_path):
    import_records(capsys, tmp_path, history(2, days=60, today=today()))
    code, out, err = run(capsys, "review", "--reflect", "Long Tuesday, good Friday.")
    assert code == 0, err
    assert "Your reflection: Long Tuesday, good Friday." in out
    _, out, _ = run(capsys, "review")
    assert "Long Tuesday, good Friday." in out
    code, _, err = run(capsys, "review", "--reflect", "x" * 5000)
    assert code == 2 and "--reflect" in err
    _, out, _ = run(capsys, "review")
    assert "Long Tuesday, good Friday." in out

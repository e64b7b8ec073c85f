import json

import pytest

from focusapp.cli.main import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_focus_start_status_stop(capsys):
    assert run(capsys, "focus", "status")[1].startswith("No focus session")
    code, out, _ = run(capsys, "focus", "start")
    assert code == 0 and "started" in out
    code, _, err = run(capsys, "focus", "start")
    assert code == 2 and "already running" in err and len(err.strip().splitlines()) == 1
    assert "running since" in run(capsys, "focus", "status")[1]
    code, out, _ = run(capsys, "focus", "stop")
    assert code == 0 and "stopped" in out
    code, _, err = run(capsys, "focus", "stop")
    assert code == 2 and "no focus session" in err


def test_focus_bad_action(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["focus", "pause"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_show_json_still_has_the_contract_keys(capsys):
    run(capsys, "log", "--energy", "3")
    day = json.loads(run(capsys, "show", "--json")[1])["days"][0]
    assert set(day) == {
        "date",
        "energy",
        "coding_minutes",
        "meeting_minutes",
        "sleep_hours",
        "stress",
        "meeting_count",
        "back_to_back_count",
        "longest_free_block_minutes",
        "note",
    }

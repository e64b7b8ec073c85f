"""The commands the light tray runs as children: adding meeting time, ending a session at a
moment, and the start's check; each also stands on its own for a person at a terminal."""

import datetime as dt
import json
import threading

from focusapp.cli.main import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def meetings_today(capsys) -> int:
    return json.loads(run(capsys, "show", "--json")[1])["days"][0]["meeting_minutes"]


def test_add_meetings_adds_to_what_the_day_shows(capsys):
    run(capsys, "log", "--meetings", "1h", "--energy", "3")
    code, out, _ = run(capsys, "log", "--add-meetings", "30m")
    assert code == 0 and "meetings 1h30" in out
    assert meetings_today(capsys) == 90
    run(capsys, "log", "--add-meetings", "15m", "--stress", "2")
    day = json.loads(run(capsys, "show", "--json")[1])["days"][0]
    assert (day["meeting_minutes"], day["stress"], day["energy"]) == (105, 2, 3)


def test_add_meetings_on_an_empty_day_starts_from_nothing(capsys):
    assert run(capsys, "log", "--add-meetings", "45m")[0] == 0
    assert meetings_today(capsys) == 45


def test_add_meetings_over_a_day_is_refused_and_changes_nothing(capsys):
    run(capsys, "log", "--meetings", "20h")
    code, _, err = run(capsys, "log", "--add-meetings", "5h")
    assert code == 2 and "meeting_minutes" in err and "nothing was changed" in err
    assert len(err.strip().splitlines()) == 1
    assert meetings_today(capsys) == 20 * 60


def test_add_meetings_and_meetings_together_is_a_usage_error(capsys):
    code, _, err = run(capsys, "log", "--meetings", "1h", "--add-meetings", "1h")
    assert code == 2 and "--meetings or --add-meetings" in err


def test_two_additions_at_once_both_count(data_dir):
    """Summed under the write lock: neither addition is lost to the other."""
    from focusapp.bootstrap import open_context

    context = open_context(data_dir)
    try:
        barrier = threading.Barrier(4)

        def add() -> None:
            barrier.wait()
            for _ in range(5):
                context.checkins.record(None, {}, meeting_minutes_added=10)

        threads = [threading.Thread(target=add) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        day = context.checkins.get(context.checkins.today())
        assert day is not None and day.meeting_minutes == 200
    finally:
        context.close()


def test_focus_stop_at_a_given_moment_books_until_then(capsys, data_dir):
    from focusapp.bootstrap import open_context

    run(capsys, "focus", "start")
    context = open_context(data_dir)
    try:
        running = context.focus.running()
        assert running is not None
        started = running.started_at
    finally:
        context.close()
    # A session left running by a crash ended when FocusApp was last seen; here: at its start.
    code, out, _ = run(capsys, "focus", "stop", "--ended-at", started.isoformat())
    assert code == 0 and "stopped after 0:00:00" in out
    assert "No focus session" in run(capsys, "focus", "status")[1]


def test_focus_stop_refuses_a_moment_outside_the_session(capsys):
    run(capsys, "focus", "start")
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat()
    code, _, err = run(capsys, "focus", "stop", "--ended-at", later)
    assert code == 2 and "between its start and now" in err
    code, _, err = run(capsys, "focus", "stop", "--ended-at", "yesterday-ish")
    assert code == 2 and "--ended-at: 'yesterday-ish'" in err
    assert "running since" in run(capsys, "focus", "status")[1]  # nothing was stopped


def test_check_opens_the_data_and_says_it_is_in_order(capsys, data_dir):
    code, out, _ = run(capsys, "check")
    assert code == 0 and out == "Your data is in order.\n"
    from focusapp.system.paths import resolve_paths

    paths = resolve_paths(data_dir)
    assert paths.db_path.exists()
    assert any(paths.backups_dir.iterdir())  # the day's first backup


def _check(data_dir, *flags):
    import os
    import subprocess
    import sys

    env = {**os.environ, "FOCUSAPP_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "focusapp", "check", *flags]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_check_for_the_tray_says_nothing_when_all_is_well(capsys, data_dir):
    assert _check(data_dir, "--phrases") == []
    assert _check(data_dir) == ["Your data is in order."]


def test_check_for_the_tray_writes_the_same_sentences_the_person_reads(capsys, data_dir):
    from focusapp.wording.phrase_lines import said_line
    from tests.safety_support import damage

    run(capsys, "log", "--date", "2026-11-01", "--energy", "3")
    run(capsys, "backup", "now")
    damage(data_dir / "focusapp.sqlite3", "truncated")
    lines = _check(data_dir, "--phrases")
    assert all(json.loads(line)["context"] == "StartupReport" for line in lines)
    told = [said_line(line) for line in lines]
    assert told[0].startswith("FocusApp's database was damaged")
    assert told[1].startswith("Your newest good backup is from")
    # A second check finds the new database sound: the person's form has nothing to tell.
    assert _check(data_dir) == ["Your data is in order."]

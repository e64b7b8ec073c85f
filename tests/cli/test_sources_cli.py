"""``focusapp calendar add|sources|sync|remove`` and ``focusapp coding ...``, run for real."""

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.cli.main import main
from focusapp.domain.clock import SystemClock
from focusapp.domain.days import local_day

BERLIN = ZoneInfo("Europe/Berlin")
ME = "sam@example.org"
TODAY = local_day(SystemClock().now(), BERLIN, 4)
DAY = TODAY - dt.timedelta(days=2)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private home: discovery looks there and git reads its config from there."""
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / ".gitconfig").write_text(f"[user]\n\tname = Sam\n\temail = {ME}\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / ".cache"))
    monkeypatch.setenv("TZ", "Europe/Berlin")
    return folder


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def meeting(uid: str, hour: int, minutes: int) -> str:
    start = dt.datetime.combine(DAY, dt.time(hour), tzinfo=dt.UTC)
    end = start + dt.timedelta(minutes=minutes)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start:%Y%m%dT%H%M%S}Z\r\n"
        f"DTEND:{end:%Y%m%dT%H%M%S}Z\r\nSUMMARY:Call {uid}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def put(folder: Path, uid: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{uid}.tmp"
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(folder / f"{uid}.ics")


@pytest.fixture
def vdir(home: Path) -> Path:
    root = home / ".calendars" / "work"
    (root / "team").mkdir(parents=True)
    (root / "team" / "displayname").write_text("Team", encoding="utf-8")
    put(root / "team", "a", meeting("a", 9, 30))
    put(root / "team", "b", meeting("b", 11, 60))
    return root


def day_json(capsys, day: dt.date = DAY) -> dict:
    code, out, _ = run(capsys, "show", "--from", str(day), "--to", str(day), "--json")
    assert code == 0
    days = json.loads(out)
    days = days["days"] if isinstance(days, dict) else days
    return days[0] if days else {}


def test_sources_lists_what_is_found_then_add_sync_and_remove(capsys, vdir: Path) -> None:
    code, out, _ = run(capsys, "calendar", "sources", "--json")
    assert code == 0
    [found] = json.loads(out)["sources"]
    assert found == {
        "path": str(vdir),
        "kind": "vdir",
        "added": False,
        "found_by": "~/.calendars",
        "calendars": ["Team"],
        "event_count": 2,
        "last_change": None,
        "warnings": [],
    }
    code, out, _ = run(capsys, "calendar", "add", str(vdir))
    assert code == 0
    assert f"Added {vdir} (vdir)." in out
    assert "Meetings counted: 2" in out
    assert day_json(capsys)["meeting_minutes"] == 90

    put(vdir / "team", "a", meeting("a", 9, 45))
    (vdir / "team" / "b.ics").unlink()
    code, out, _ = run(capsys, "calendar", "sync")
    assert code == 0
    assert "Meetings counted: 1" in out
    assert day_json(capsys)["meeting_minutes"] == 45

    code, out, _ = run(capsys, "calendar", "sources")
    assert code == 0
    assert f"{vdir}  (vdir, added)" in out
    assert "calendars: Team; 1 events; last change" in out

    code, out, _ = run(capsys, "calendar", "remove", str(vdir))
    assert (code, out.strip()) == (0, f"Removed {vdir} and its meetings.")
    assert day_json(capsys).get("meeting_minutes") is None


def test_a_thunderbird_file_is_added_and_says_clearly_it_is_not_read(capsys, home) -> None:
    path = home / ".thunderbird" / "x.default" / "calendar-data" / "local.sqlite"
    path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE cal_events (cal_id TEXT, id TEXT, recurrence_id INTEGER)")
        connection.commit()
    code, out, _ = run(capsys, "calendar", "add", str(path))
    assert code == 0
    assert f"Added {path} (thunderbird)." in out
    assert "cannot read Thunderbird's events yet" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["calendar", "add", "/nowhere/cal.ics"], "does not exist. Nothing was added."),
        (["calendar", "add", "https://example.org/cal.ics"], "is a web address"),
        (["calendar", "remove", "/nowhere"], "was not imported or added"),
        (["coding", "add", "/nowhere"], "is not a folder"),
        (["coding", "add", "."], "No git repository was found"),
        (["coding", "add", ".", "--author", "not-an-address"], "--author: 'not-an-address'"),
        (["coding", "remove", "/nowhere"], "was not added"),
    ],
)
def test_errors_exit_2_with_one_line(capsys, tmp_path, monkeypatch, args, message) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def git(repo: Path, *args: str, when: str | None = None) -> None:
    extra = {} if when is None else {"GIT_COMMITTER_DATE": when}
    subprocess.run(
        ["git", "-C", str(repo), *args],
        env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1", **extra},
        capture_output=True,
        check=True,
    )


@pytest.fixture
def repos(tmp_path: Path, home: Path) -> Path:
    folder = tmp_path / "src"
    for name, hours in (("api", (9, 10)), ("web", (10,))):
        repo = folder / name
        repo.mkdir(parents=True)
        git(repo, "init", "-q", "-b", "main")
        for hour in hours:
            when = dt.datetime.combine(DAY, dt.time(hour), tzinfo=BERLIN).isoformat()
            (repo / "f.txt").write_text(when, encoding="utf-8")
            git(repo, "add", "f.txt")
            git(repo, "commit", "-q", "-m", "secret message", f"--date={when}", when=when)
    return folder


def test_coding_commits_fill_in_show_json_and_the_audit_names_the_source(capsys, repos) -> None:
    code, out, _ = run(capsys, "coding", "add", str(repos))
    assert code == 0
    assert "2 repositories, 3 of your commits" in out
    assert f"Your addresses: {ME}" in out
    assert day_json(capsys)["coding_minutes"] == 90  # 08:30 to 10:00

    code, out, _ = run(capsys, "coding", "show", str(DAY), "--json")
    assert code == 0
    audit = json.loads(out)
    assert audit["coding_minutes"] == 90
    assert audit["coding_source"] == "commits"
    assert audit["coding_sources"] == [str(repos)]
    assert [len(s["commits"]) for s in audit["sessions"]] == [3]
    assert "secret message" not in out

    code, out, _ = run(capsys, "coding", "show", str(DAY))
    assert "1h30 coding (estimated from commits)." in out
    assert f"Commits: 1h30 estimated from {repos}" in out

    assert run(capsys, "log", "--date", str(DAY), "--energy", "3", "--coding", "20m")[0] == 0
    assert day_json(capsys)["coding_minutes"] == 20
    code, out, _ = run(capsys, "coding", "show", str(DAY), "--json")
    assert json.loads(out)["coding_source"] == "typed"

    code, out, _ = run(capsys, "coding", "list", "--json")
    [listed] = json.loads(out)["sources"]
    assert (listed["path"], listed["commits"], len(listed["repositories"])) == (str(repos), 3, 2)

    code, out, _ = run(capsys, "coding", "remove", str(repos))
    assert code == 0
    assert day_json(capsys)["coding_minutes"] == 20  # typed stays
    code, out, _ = run(capsys, "coding", "list")
    assert "No coding source added yet" in out


def test_coding_sync_picks_up_new_commits(capsys, repos) -> None:
    run(capsys, "coding", "add", str(repos))
    when = dt.datetime.combine(DAY, dt.time(14), tzinfo=BERLIN).isoformat()
    repo = repos / "web"
    (repo / "f.txt").write_text(when, encoding="utf-8")
    git(repo, "add", "f.txt")
    git(repo, "commit", "-q", "-m", "more", f"--date={when}", when=when)
    code, out, _ = run(capsys, "coding", "sync")
    assert code == 0
    assert "4 of your commits" in out
    assert day_json(capsys)["coding_minutes"] == 120


def test_every_new_subcommand_has_a_description_and_an_example(capsys) -> None:
    for args in (
        ["calendar", "add"],
        ["calendar", "sources"],
        ["calendar", "sync"],
        ["calendar", "remove"],
        ["coding", "add"],
        ["coding", "add-activitywatch"],
        ["coding", "list"],
        ["coding", "sync"],
        ["coding", "show"],
        ["coding", "remove"],
    ):
        with pytest.raises(SystemExit) as exit_info:
            main([*args, "--help"])
        out = capsys.readouterr().out
        assert exit_info.value.code == 0
        assert "example" in out
        assert f"focusapp {args[0]} {args[1]}" in out.split("example", 1)[1]


def test_the_installed_command_refuses_a_non_calendar_with_exit_2(tmp_path, home) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "focusapp",
            "--data-dir",
            str(tmp_path / "d"),
            "calendar",
            "add",
            str(notes),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "is not a calendar" in done.stderr


AW_FIXTURE = Path(__file__).resolve().parents[1] / "data" / "activitywatch" / "peewee-sqlite.v2.db"
AW_DAY = "2026-11-02"


def test_activitywatch_editor_time_fills_in_coding_minutes(capsys, home, monkeypatch) -> None:
    data_home = home / ".local" / "share"
    database = data_home / "activitywatch" / "aw-server" / "peewee-sqlite.v2.db"
    database.parent.mkdir(parents=True)
    database.write_bytes(AW_FIXTURE.read_bytes())
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    code, out, _ = run(capsys, "coding", "add-activitywatch")
    assert code == 0
    assert f"Added {database}." in out
    assert "3 stretches in your editors" in out
    day = dt.date.fromisoformat(AW_DAY)
    assert day_json(capsys, day)["coding_minutes"] == 100  # 40 + 30 + 30, AFK left out
    code, out, _ = run(capsys, "coding", "show", AW_DAY, "--json")
    audit = json.loads(out)
    assert (audit["coding_source"], audit["activity_minutes"]) == ("activitywatch", 100)
    assert audit["activitywatch_sources"] == [str(database)]
    assert "JupyterLab" not in out
    code, out, _ = run(capsys, "coding", "sync")
    assert code == 0
    assert run(capsys, "coding", "remove", str(database))[0] == 0
    assert day_json(capsys, day).get("coding_minutes") is None


def test_activitywatch_without_a_database_is_a_clear_error(capsys, home, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "empty"))
    code, _, err = run(capsys, "coding", "add-activitywatch")
    assert code == 2
    assert "No ActivityWatch database was found" in err
    assert len(err.strip().splitlines()) == 1

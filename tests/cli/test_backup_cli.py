"""``focusapp backup now|list|restore`` and ``focusapp wipe``, plus failures at the command line."""

import gc
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from focusapp.cli.main import main
from focusapp.storage import db as db_module
from tests.safety_support import damage, read_only, table_dump


class TerminalInput(io.StringIO):
    """Typed answers, as if on a terminal (``wipe`` refuses to ask anything else)."""

    def isatty(self) -> bool:
        return True


def run(capsys, *args, stdin: str | None = None, monkeypatch=None) -> tuple[object, str, str]:
    # Each command line is its own process in real life: drop the connections the previous
    # in-process command left open (SQLite even shares file handles inside one process).
    gc.collect()
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", TerminalInput(stdin))
    code: object
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = exit_.code
    gc.collect()
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def log_days(capsys, *days: str) -> None:
    for day in days:
        assert run(capsys, "log", "--date", day, "--energy", "3", "--coding", "1h")[0] == 0


def exported(capsys) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    days: list[dict[str, object]] = json.loads(out)["days"]
    return days


# --- backup ------------------------------------------------------------------------------------


def test_backup_now_list_restore(capsys, data_dir):
    log_days(capsys, "2026-11-01", "2026-11-02", "2026-11-05")
    code, out, _ = run(capsys, "backup", "now")
    assert code == 0
    assert "3 days, 2026-11-01 to 2026-11-05" in out
    name = Path(out.strip().rsplit(" ", 1)[1]).name
    log_days(capsys, "2026-11-06")
    before_restore = exported(capsys)

    code, out, _ = run(capsys, "backup", "list")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["Backup", "Created", "Check-ins", "Days"]
    row = next(r for r in rows if r.startswith(name))
    assert "2026-11-01 to 2026-11-05" in row and row.rstrip().endswith(" 3")

    code, out, _ = run(capsys, "backup", "restore", name)
    assert code == 0
    assert f"Restored 3 days, 2026-11-01 to 2026-11-05 from {name}" in out
    assert "pre-restore" in out
    assert [d["date"] for d in exported(capsys)] == ["2026-11-01", "2026-11-02", "2026-11-05"]
    undo = next(p for p in (data_dir / "backups").iterdir() if "pre-restore" in p.name)
    assert run(capsys, "backup", "restore", str(undo))[0] == 0  # a path works too
    assert exported(capsys) == before_restore


def test_backup_list_when_there_are_none(capsys):
    code, out, _ = run(capsys, "backup", "list")
    assert code == 0 and "No backups yet" in out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["backup"], "required"),
        (["backup", "restore", "nothing-here.sqlite3"], "no backup named"),
        (["backup", "now"], "nothing to back up"),
        (["backup", "explode"], "invalid choice"),
    ],
)
def test_backup_errors_are_one_line_exit_2(capsys, args, fragment):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert fragment in one_line_error(err)


def test_restoring_a_damaged_backup_changes_nothing(capsys, data_dir):
    log_days(capsys, "2026-11-01")
    run(capsys, "backup", "now")
    backup = next((data_dir / "backups").glob("focusapp-*.sqlite3"))
    damage(backup, "zeroed-page")
    log_days(capsys, "2026-11-02")
    before = exported(capsys)
    code, _, err = run(capsys, "backup", "restore", backup.name)
    assert code == 2 and "damaged" in one_line_error(err)
    assert exported(capsys) == before


# --- start-up recovery at the command line ------------------------------------------------------


def _cli(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, FOCUSAPP_DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-m", "focusapp", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        check=False,
        timeout=60,
    )


def test_damaged_database_warns_on_stderr_and_carries_on(capsys, data_dir):
    log_days(capsys, "2026-11-01", "2026-11-02")
    run(capsys, "backup", "now")
    damage(data_dir / "focusapp.sqlite3", "truncated")
    result = _cli(data_dir, "log", "--date", "2026-11-03", "--energy", "4")
    assert result.returncode == 0, result.stderr
    assert "2026-11-03" in result.stdout
    warnings = result.stderr.splitlines()
    assert all(line.startswith("focusapp: ") for line in warnings), result.stderr
    assert any("damaged" in line for line in warnings)
    assert any("focusapp backup restore focusapp-" in line for line in warnings)
    assert "Traceback" not in result.stderr
    assert len(list(data_dir.glob("focusapp.sqlite3.damaged-*"))) == 1


def test_newer_database_is_refused_untouched(capsys, data_dir):
    log_days(capsys, "2026-11-01")
    damage(data_dir / "focusapp.sqlite3", "newer-schema")
    before = (data_dir / "focusapp.sqlite3").read_bytes()
    code, _, err = run(capsys, "show")
    assert code == 2 and "newer FocusApp" in one_line_error(err)
    assert (data_dir / "focusapp.sqlite3").read_bytes() == before
    assert not list(data_dir.glob("focusapp.sqlite3.*"))


# --- read-only and full disk --------------------------------------------------------------------


def test_read_only_database_file(capsys, data_dir):
    log_days(capsys, "2026-11-01")
    db_path = data_dir / "focusapp.sqlite3"
    before = table_dump(db_path)
    with read_only(db_path):
        code, _, err = run(capsys, "log", "--date", "2026-11-02", "--energy", "2")
        assert code == 2 and "read-only" in one_line_error(err)
        code, _, err = run(capsys, "show")  # reading still works
        assert code == 0, err
    assert table_dump(db_path) == before


def test_read_only_data_folder(capsys, data_dir):
    log_days(capsys, "2026-11-01")
    db_path = data_dir / "focusapp.sqlite3"
    before = table_dump(db_path)
    with read_only(data_dir):
        code, _, err = run(capsys, "log", "--date", "2026-11-02", "--energy", "2")
        assert code == 2
        one_line_error(err)
    assert table_dump(db_path) == before
    assert not list(data_dir.glob("*.damaged-*"))


def test_full_disk(capsys, data_dir, monkeypatch):
    log_days(capsys, "2026-11-01")
    before = table_dump(data_dir / "focusapp.sqlite3")
    real = db_module._set_pragmas

    def full_disk(connection, record):
        real(connection, record)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(db_module, "_set_pragmas", full_disk)
    big = data_dir.parent / "many.csv"
    rows = [f"2026-09-{d:02d},3,60,60,,,,,,{'n' * 3000}" for d in range(1, 29)]
    big.write_text(
        "date,energy,coding_minutes,meeting_minutes,sleep_hours,stress,meeting_count,"
        "back_to_back_count,longest_free_block_minutes,note\n" + "\n".join(rows) + "\n"
    )
    code, _, err = run(capsys, "import", str(big))
    assert code == 2 and "disk is full" in one_line_error(err)
    assert table_dump(data_dir / "focusapp.sqlite3") == before


# --- wipe ----------------------------------------------------------------------------------------


def test_wipe_refuses_without_confirmation(capsys, data_dir, monkeypatch):
    log_days(capsys, "2026-11-01")
    listing = sorted(p.name for p in data_dir.iterdir())
    for answer in ("", "no\n", "nope\n"):
        code, _, err = run(capsys, "wipe", stdin=answer, monkeypatch=monkeypatch)
        assert code == 2
        assert "nothing was deleted" in err.splitlines()[-1]
        assert sorted(p.name for p in data_dir.iterdir()) == listing


@pytest.mark.parametrize("answer", ["delete\n", "y\n", "YES\n"])
def test_wipe_deletes_focusapp_files_only(capsys, data_dir, monkeypatch, answer):
    log_days(capsys, "2026-11-01", "2026-11-02")
    run(capsys, "backup", "now")
    (data_dir / "settings.toml").write_text("[checkin]\n")
    (data_dir / "window.ini").write_text("[main]\n")
    (data_dir / "my-notes.txt").write_text("mine")
    (data_dir / "backups" / "my-copy.sqlite3").write_bytes(b"mine")
    code, out, err = run(capsys, "wipe", stdin=answer, monkeypatch=monkeypatch)
    assert code == 0, err
    assert "Deleted" in out
    assert "focusapp.sqlite3" in err  # the prompt listed what goes
    remaining = sorted(str(p.relative_to(data_dir)) for p in data_dir.rglob("*"))
    assert remaining == ["backups", "backups/my-copy.sqlite3", "my-notes.txt"]


def test_wipe_yes_skips_the_question_and_removes_platform_folders(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("FOCUSAPP_DATA_DIR")
    log_days(capsys, "2026-11-01")
    run(capsys, "backup", "now")
    data = tmp_path / "xdg-data" / "FocusApp"
    assert (data / "focusapp.sqlite3").exists()
    code, _, err = run(capsys, "wipe", "--yes", stdin="", monkeypatch=monkeypatch)
    assert code == 0, err
    assert not data.exists()
    assert run(capsys, "wipe", "--yes")[:2] == (
        0,
        f"There is no FocusApp data in {data}; nothing to delete.\n",
    )


def test_wipe_refuses_while_focusapp_has_the_database_open(capsys, data_dir):
    log_days(capsys, "2026-11-01")
    connection = sqlite3.connect(data_dir / "focusapp.sqlite3")
    connection.execute("SELECT count(*) FROM checkins").fetchall()
    try:
        code, _, err = run(capsys, "wipe", "--yes")
    finally:
        connection.close()
    assert code == 2 and "still running" in one_line_error(err)
    assert (data_dir / "focusapp.sqlite3").exists()


def test_wipe_removes_this_profiles_login_entry_only(capsys, data_dir, tmp_path, monkeypatch):
    from focusapp.system.autostart.choose import for_platform

    log_days(capsys, "2026-11-01")
    entry = for_platform(data_dir=data_dir, platform="linux", runner=None)
    entry.enable()
    path = entry.path  # type: ignore[attr-defined]
    assert path.is_file() and str(tmp_path) in str(path)
    assert run(capsys, "wipe", "--yes")[0] == 0
    assert not path.exists()

    other = for_platform(data_dir=tmp_path / "other-profile", platform="linux", runner=None)
    other.enable()
    log_days(capsys, "2026-11-01")
    assert run(capsys, "wipe", "--yes")[0] == 0
    assert other.path.exists()  # type: ignore[attr-defined]

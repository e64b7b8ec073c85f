"""Hostile input at the command line (issue 15, items 3, 5, 10, 11, 12).

Each case once ended in a hang, lost data, raw escape sequences on the terminal, a crash
("unexpected error") or a misleading line. Fast cases run in-process through ``main``;
what only a real process shows (a FIFO, a closed pipe, the terminal's encoding, stdin
that is not a terminal) runs ``python -m focusapp`` under a timeout.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import resource
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from focusapp.cli.main import main
from tests.safety_support import table_dump

if TYPE_CHECKING:
    from pathlib import Path

HEAD = "date,energy,coding_minutes,meeting_minutes,note\n"
HOSTILE_NOTE = "title \x1b]0;pwned\x07 clear \x1b[2J\x1b[H bell \x07 cr \r csi \x9b31m rtl \u202e"


def run(capsys, *args: str) -> tuple[object, str, str]:
    gc.collect()  # each command line is its own process in real life
    try:
        code: object = main(list(args))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "unexpected error" not in err, err
    return lines[0]


def cli(
    data_dir: Path, *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "focusapp", *args],
        capture_output=True,
        text=True,
        errors="replace",
        input=stdin,
        env=dict(os.environ, FOCUSAPP_DATA_DIR=str(data_dir), **env),
        check=False,
        timeout=60,
    )


def log_days(capsys, count: int = 3) -> None:
    for day in range(1, count + 1):
        assert run(capsys, "log", "--date", f"2026-01-{day:02d}", "--energy", "3")[0] == 0


# --- item 3: export -o is atomic and never onto FocusApp's own files ---------------------------


def test_a_full_disk_leaves_the_previous_export_whole(capsys, tmp_path, monkeypatch):
    from focusapp.formats import csv_json

    for day in range(1, 29):
        run(capsys, "log", "--date", f"2026-02-{day:02d}", "--energy", "3", "--note", "x" * 200)
    target = tmp_path / "export.csv"
    target.write_text("the previous export\n")
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    original = csv_json.write_csv

    def then_the_disk_fills(days):
        text = original(days)
        # From here on, writing past 4 KB fails with EFBIG, as a full disk would.
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, limit[1]))
        return text

    monkeypatch.setattr(csv_json, "write_csv", then_the_disk_fills)
    try:
        code, _, err = run(capsys, "export", "-o", str(target))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limit)
    assert code == 2 and "cannot write" in one_line(err)
    assert target.read_text() == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "export" in p.name) == ["export.csv"]


def test_enospc_at_fsync_leaves_the_previous_export(capsys, tmp_path, monkeypatch):
    log_days(capsys)
    target = tmp_path / "export.json"
    target.write_text("{}")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run(capsys, "export", "--format", "json", "-o", str(target))
    assert code == 2 and "No space left on device" in one_line(err)
    assert target.read_text() == "{}"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []


def _own_files(data_dir: Path) -> list[Path]:
    backups = sorted((data_dir / "backups").glob("*.sqlite3"))
    assert backups, "the first start of the day makes a backup"
    return [
        data_dir / "focusapp.sqlite3",
        data_dir / "focusapp.sqlite3-wal",
        data_dir / "focusapp.sqlite3-shm",
        data_dir / "settings.toml",
        data_dir / "state.json",
        backups[0],
    ]


@pytest.mark.parametrize("index", range(6))
@pytest.mark.parametrize("command", ["export", "chart"])
def test_output_onto_focusapps_own_files_is_refused(capsys, data_dir, tmp_path, index, command):
    log_days(capsys)
    (data_dir / "settings.toml").write_text("[checkin]\n")
    own = _own_files(data_dir)[index]
    database = data_dir / "focusapp.sqlite3"
    before = table_dump(database)
    link = tmp_path / "innocent.png"
    link.symlink_to(own)
    for target in (own, link, own.parent / ".." / own.parent.name / own.name):
        code, out, err = run(capsys, command, "-o", str(target))
        assert code == 2 and out == ""
        assert "one of FocusApp's own files" in one_line(err)
    assert table_dump(database) == before
    assert run(capsys, "show")[0] == 0


# --- item 5: special files never block, never read without bound -------------------------------


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: p.symlink_to("/dev/zero"), "is not a regular file"),
        (lambda p: p.symlink_to(p), "loop of symbolic links"),
        (lambda p: None, "does not exist"),
    ],
)
def test_import_of_a_special_file_is_one_line(capsys, tmp_path, make, reason):
    path = tmp_path / "days.csv"
    make(path)
    code, _, err = run(capsys, "import", str(path))
    line = one_line(err)
    assert code == 2 and reason in line
    assert line.startswith(f"focusapp import: {path}")  # not "import: import:"


def test_import_of_a_fifo_does_not_hang(data_dir, tmp_path):
    fifo = tmp_path / "days.csv"
    os.mkfifo(fifo)
    result = cli(data_dir, "import", str(fifo))
    assert result.returncode == 2
    assert "is not a regular file" in one_line(result.stderr)


def test_a_fifo_as_settings_file_hangs_no_command(data_dir):
    data_dir.mkdir(parents=True)
    os.mkfifo(data_dir / "settings.toml")
    result = cli(data_dir, "show")
    assert result.returncode == 0, result.stderr
    assert "No check-ins" in result.stdout
    assert "Traceback" not in result.stderr
    result = cli(data_dir, "config", "set", "checkin.snooze_minutes", "20")
    assert result.returncode == 0, result.stderr
    assert cli(data_dir, "config", "get", "checkin.snooze_minutes").stdout.strip() == "20"


# --- item 10: control characters are escaped on the terminal ----------------------------------


def test_show_escapes_control_characters_of_a_note(capsys):
    code, out, _ = run(
        capsys, "log", "--date", "2026-01-01", "--energy", "3", "--note", HOSTILE_NOTE
    )
    assert code == 0
    for printed in (out, run(capsys, "show")[1]):
        assert not any(char in printed for char in "\x1b\x07\r\x9b\u202e")
        assert "\\x1b]0;pwned\\x07" in printed
    code, out, _ = run(capsys, "show", "--json")
    assert json.loads(out)["days"][0]["note"] == HOSTILE_NOTE
    assert not any(char in out for char in "\x1b\x07\r\x9b\u202e")


def test_an_imported_note_and_an_error_quoting_input_are_escaped(capsys, tmp_path):
    source = tmp_path / "days.csv"
    source.write_text(HEAD + f'2026-01-01,3,1,1,"{HOSTILE_NOTE}"\n', newline="")
    assert run(capsys, "import", str(source))[0] == 0
    assert "\x1b" not in run(capsys, "show")[1]
    code, _, err = run(capsys, "log", "--energy", "\x1b[2Jthree")
    assert code == 2 and "\\x1b[2Jthree" in one_line(err) and "\x1b" not in err
    odd_name = tmp_path / "x\x1b]0;t\x07.csv"
    code, _, err = run(capsys, "import", str(odd_name))
    assert code == 2 and "\x1b" not in err and "\\x1b]0;t\\x07" in one_line(err)


# --- item 11: days outside 1900-2200 are refused wherever a user gives one ----------------------


@pytest.mark.parametrize(
    "args",
    [
        ["log", "--date", "0001-01-01", "--energy", "3"],
        ["log", "--date", "9999-12-31", "--energy", "3"],
        ["show", "--from", "9999-12-31"],
        ["show", "--to", "0001-01-01"],
        ["risk", "--from", "0001-01-01"],
        ["calendar", "show", "0001-01-01"],
        ["calendar", "show", "2201-01-01"],
        ["chart", "--from", "1899-12-31", "-o", "x.png"],
    ],
)
def test_a_day_outside_the_window_is_one_line(capsys, data_dir, args):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert "is outside 1900-01-01 to 2200-12-31" in one_line(err)
    if args[0] != "calendar":  # refused before anything was opened
        assert not (data_dir / "focusapp.sqlite3").exists()


def test_calendar_import_range_outside_the_window_is_refused(capsys, tmp_path):
    calendar = tmp_path / "c.ics"
    calendar.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    for option in ("--from", "--to"):
        code, _, err = run(capsys, "calendar", "import", str(calendar), option, "0001-01-01")
        assert code == 2 and "is outside" in one_line(err)


def test_risk_keeps_working_after_an_odd_date_was_tried(capsys):
    run(capsys, "log", "--date", "0001-01-01", "--energy", "3")
    log_days(capsys)
    assert run(capsys, "risk")[0] == 0


def test_relative_day_words(capsys):
    assert run(capsys, "log", "--date", "yesterday", "--energy", "2")[0] == 0
    assert run(capsys, "log", "--date", "mon", "--energy", "4")[0] == 0
    code, out, _ = run(capsys, "show", "--from", "monday", "--to", "today", "--json")
    assert code == 0 and {d["energy"] for d in json.loads(out)["days"]} >= {4}
    code, _, err = run(capsys, "log", "--date", "someday", "--energy", "3")
    assert code == 2 and "today, yesterday or a weekday name" in one_line(err)


def test_an_import_row_outside_the_window_is_named(capsys, tmp_path):
    source = tmp_path / "d.csv"
    source.write_text(HEAD + "2026-01-01,3,1,1,\n0001-01-01,3,1,1,\n")
    code, _, err = run(capsys, "import", str(source))
    assert code == 2 and "line 3: date: 0001-01-01 is outside" in err


# --- item 12: every path through main() is one clear line --------------------------------------


def test_a_note_with_a_lone_surrogate_is_refused_in_one_line(capsys, data_dir):
    code, _, err = run(capsys, "log", "--date", "2026-01-01", "--note", "bad \udcff")
    assert code == 2 and "note:" in one_line(err)
    assert run(capsys, "show")[1].startswith("No check-ins")


def test_a_surrogate_in_a_real_command_line(data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "focusapp", "log", "--date", "2026-01-01", "--note", b"caf\xe9"],
        capture_output=True,
        env=dict(os.environ, FOCUSAPP_DATA_DIR=str(data_dir)),
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert b"note:" in result.stderr and b"Traceback" not in result.stderr


def test_json_import_with_a_surrogate_or_a_huge_number_is_a_row_problem(capsys, tmp_path):
    source = tmp_path / "d.json"
    source.write_text(
        '[{"date": "2026-01-01", "note": "\\udcff"}, {"date": "2026-01-02", "energy": '
        + "9" * 4300
        + "}]"
    )
    code, _, err = run(capsys, "import", str(source))
    assert code == 2 and "Traceback" not in err and "unexpected" not in err
    assert "day 0: note:" in err and "day 1: energy: a 4300-digit number" in err


def test_at_most_20_problem_lines_then_a_count(capsys, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text(HEAD + "".join(f"not-a-date-{i},3,1,1,\n" for i in range(100_000)))
    code, _, err = run(capsys, "import", str(source))
    lines = err.splitlines()
    assert code == 2 and len(lines) == 22
    assert lines[20] == "focusapp import: ... and 99980 more"
    assert lines[21] == "focusapp import: nothing was imported"


def test_an_unterminated_quote_on_line_2_is_line_2(capsys, tmp_path):
    source = tmp_path / "q.csv"
    source.write_text(HEAD + '2026-01-01,3,1,1,"open\n2026-01-02,3,1,1,x\n')
    code, _, err = run(capsys, "import", str(source))
    assert code == 2 and "line 2: a quoted cell is never closed" in err


def test_show_into_a_closed_pipe_exits_quietly(capsys, data_dir):
    log_days(capsys, 28)
    reader = subprocess.Popen(
        f"{sys.executable} -m focusapp show | head -1",
        shell=True,
        env=dict(os.environ, FOCUSAPP_DATA_DIR=str(data_dir)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = reader.communicate(timeout=60)
    assert out.startswith(b"Date")
    assert err == b"", err


def test_a_closed_pipe_in_process_is_the_sigpipe_status(capsys, monkeypatch):
    log_days(capsys)

    class ClosedPipe:
        def write(self, _text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def fileno(self) -> int:
            raise ValueError("no descriptor")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["show"]) == 141
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("encoding", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C"}])
def test_a_non_utf8_terminal_gets_replacements_not_a_crash(capsys, data_dir, encoding):
    assert run(capsys, "log", "--date", "2026-01-01", "--note", "café ✓ 日本")[0] == 0
    result = cli(data_dir, "show", **encoding)
    assert result.returncode == 0, result.stderr
    assert "2026-01-01" in result.stdout and "Traceback" not in result.stderr


def test_chart_onto_an_unwritable_target_is_one_line_without_libpng(capsys, tmp_path):
    log_days(capsys)
    for target, reason in (
        ("/proc/version", "cannot write /proc/version"),
        (str(tmp_path / "missing" / "c.png"), "does not exist"),
    ):
        code, _, err = run(capsys, "chart", "-o", target)
        assert code == 2 and reason in one_line(err)
        assert "libpng" not in err


def test_wipe_from_a_pipe_deletes_nothing(capsys, data_dir):
    log_days(capsys)
    run(capsys, "backup", "now")
    before = sorted(data_dir.rglob("*"))
    result = cli(data_dir, "wipe", stdin="y\n" * 100)  # `yes | focusapp wipe`
    assert result.returncode == 2
    assert "not a terminal" in one_line(result.stderr) and "--yes" in result.stderr
    assert sorted(data_dir.rglob("*")) == before


def test_wipe_lists_and_counts_backups_honestly(capsys, data_dir):
    log_days(capsys)
    run(capsys, "backup", "now")
    backups = sorted((data_dir / "backups").iterdir())
    planned = [p for p in data_dir.rglob("*") if p.is_file()]
    code, out, _ = run(capsys, "wipe", "--yes")
    assert code == 0
    assert f"Deleted {len(backups)} backup file" in out
    assert f"Deleted {len(planned)} FocusApp files in all, {len(backups)} of them backups." in out
    assert f"Deleted {data_dir / 'focusapp.sqlite3'}" in out


def test_export_to_a_terminal_is_escaped_but_a_pipe_gets_the_data(capsys, monkeypatch):
    import io

    assert run(capsys, "log", "--date", "2026-01-01", "--note", HOSTILE_NOTE)[0] == 0
    code, piped, _ = run(capsys, "export", "--format", "csv")
    assert code == 0 and "\x1b]0;pwned\x07" in piped  # the file's data, byte for byte

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["export"]) == 0
    assert "\x1b" not in terminal.getvalue() and "\\x1b]0;pwned" in terminal.getvalue()


def test_a_huge_typed_value_is_quoted_short(capsys):
    for option in ("--coding", "--energy", "--sleep"):
        code, _, err = run(capsys, "log", option, "9" * 5000 + "x")
        assert code == 2 and len(one_line(err)) < 200


def test_warnings_quoting_a_settings_file_are_escaped(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.toml").write_text('[checkin]\nsnooze_minutes = "x\\u001b[2J"\n')
    result = cli(data_dir, "config", "list")
    assert result.returncode == 0
    assert "\x1b" not in result.stderr and "'x\\x1b[2J' is not a whole number" in result.stderr

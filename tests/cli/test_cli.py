"""The command-line contract, run in-process through ``main`` (and a few real processes)."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from focusapp.cli.main import main

HEADER = (
    "date,energy,coding_minutes,meeting_minutes,sleep_hours,stress,meeting_count,"
    "back_to_back_count,longest_free_block_minutes,note"
)


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def show_day(capsys, date):
    code, out, _ = run(capsys, "show", "--from", date, "--to", date, "--json")
    assert code == 0
    days = json.loads(out)["days"]
    return days[0] if days else None


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert "FocusApp 0." in capsys.readouterr().out


def test_log_creates_and_updates_keeping_other_fields(capsys):
    code, out, _ = run(
        capsys,
        "log",
        "--date",
        "2026-11-02",
        "--energy",
        "4",
        "--coding",
        "1h30",
        "--meetings",
        "2h",
        "--note",
        "first",
    )
    assert code == 0
    assert "2026-11-02" in out and "coding 1h30" in out
    assert run(capsys, "log", "--date", "2026-11-02", "--meetings", "45m")[0] == 0
    day = show_day(capsys, "2026-11-02")
    assert (day["energy"], day["coding_minutes"], day["meeting_minutes"], day["note"]) == (
        4,
        90,
        45,
        "first",
    )


def test_log_defaults_to_today(capsys):
    assert run(capsys, "log", "--energy", "3")[0] == 0
    code, out, _ = run(capsys, "show", "--json")
    assert len(json.loads(out)["days"]) == 1


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--energy", "6"], "energy"),
        (["--energy", "0"], "energy"),
        (["--energy", "x"], "energy"),
        (["--coding", "abc"], "coding"),
        (["--coding=-1h"], "coding"),
        (["--coding", "20h", "--meetings", "5h"], "24h"),
        (["--sleep", "25"], "sleep"),
        (["--sleep", "lots"], "sleep"),
        (["--stress", "9"], "stress"),
        (["--date", "2099-01-01", "--energy", "3"], "future"),
        (["--date", "02/11/2026", "--energy", "3"], "date"),
        (["--bogus"], "unrecognized"),
    ],
)
def test_bad_input_exit_2_one_line_and_nothing_changes(capsys, args, fragment):
    assert run(capsys, "log", "--date", "2026-11-02", "--energy", "3")[0] == 0
    before = run(capsys, "export", "--format", "json")[1]
    full = args if any(a.startswith("--date") for a in args) else ["--date", "2026-11-02", *args]
    with_exit = None
    try:
        code, out, err = run(capsys, "log", *full)
    except SystemExit as exit_:
        with_exit = exit_.code
        err = capsys.readouterr().err
        code = with_exit
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert fragment in lines[0]
    assert "Traceback" not in err
    assert run(capsys, "export", "--format", "json")[1] == before


def test_show_table_and_empty_message(capsys):
    code, out, _ = run(capsys, "show")
    assert code == 0 and "No check-ins" in out
    run(capsys, "log", "--date", "2026-11-01", "--energy", "2", "--coding", "3h")
    code, out, _ = run(capsys, "show", "--from", "2026-11-01")
    assert "Date" in out.splitlines()[0]
    assert "3h" in out


def test_show_rejects_reversed_range(capsys):
    code, _, err = run(capsys, "show", "--from", "2026-11-05", "--to", "2026-11-01")
    assert code == 2 and "after" in err


def test_export_csv_header_exact(capsys):
    run(capsys, "log", "--date", "2026-11-01", "--energy", "2", "--note", 'with "quotes", commas')
    code, out, _ = run(capsys, "export", "--format", "csv")
    assert out.splitlines()[0] == HEADER
    assert '"with ""quotes"", commas"' in out


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_import_round_trip(capsys, tmp_path, monkeypatch, fmt):
    for i, energy in enumerate([1, 3, 5]):
        run(
            capsys,
            "log",
            "--date",
            f"2026-10-{10 + i}",
            "--energy",
            str(energy),
            "--coding",
            "1h",
            "--meetings",
            "0",
            "--sleep",
            "6.5",
            "--stress",
            "2",
            "--note",
            f"n{i}",
        )
    before = json.loads(run(capsys, "export", "--format", "json")[1])
    target = tmp_path / f"all.{fmt}"
    assert run(capsys, "export", "--format", fmt, "-o", str(target))[0] == 0
    monkeypatch.setenv("FOCUSAPP_DATA_DIR", str(tmp_path / "other"))
    code, out, err = run(capsys, "import", str(target))
    assert code == 0, err
    assert json.loads(run(capsys, "export", "--format", "json")[1]) == before


def test_import_bad_csv_names_lines_and_writes_nothing(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,energy,coding_minutes,meeting_minutes\n2026-01-01,3,60,60\n2026-01-02,9,60,60\nnot-a-date,3,60,60\n"
    )
    code, _, err = run(capsys, "import", str(bad))
    assert code == 2
    assert "line 3" in err and "line 4" in err and "Traceback" not in err
    assert json.loads(run(capsys, "export", "--format", "json")[1])["days"] == []


@pytest.mark.parametrize(("name", "fragment"), [("missing.csv", "does not exist"), (".", "folder")])
def test_import_unreadable_file(capsys, tmp_path, name, fragment):
    code, _, err = run(capsys, "import", str(tmp_path / name))
    assert code == 2 and fragment in err


def test_import_merges_with_existing_day(capsys, tmp_path):
    run(capsys, "log", "--date", "2026-01-01", "--energy", "2", "--note", "keep me")
    partial = tmp_path / "p.csv"
    partial.write_text("date,energy,coding_minutes,meeting_minutes\n2026-01-01,4,30,0\n")
    assert run(capsys, "import", "--overwrite", str(partial))[0] == 0
    day = show_day(capsys, "2026-01-01")
    assert (day["energy"], day["note"]) == (4, "keep me")


def test_import_never_silently_replaces_a_newer_day(capsys, tmp_path, data_dir):
    """Issue 15 item 2: re-importing last week's export replaced today's edited day."""
    run(capsys, "log", "--date", "2026-01-01", "--energy", "2", "--note", "old")
    run(capsys, "log", "--date", "2026-01-02", "--energy", "3")
    export = tmp_path / "last-week.csv"
    run(capsys, "export", "-o", str(export))
    run(capsys, "log", "--date", "2026-01-02", "--energy", "5", "--note", "edited today")
    export.write_text(export.read_text() + "2026-01-03,4,60,30,,,,,,new day\n")

    code, out, err = run(capsys, "import", "--dry-run", str(export))
    assert code == 0 and "1 new, 1 the same, 1 different" in out
    code, out, err = run(capsys, "import", str(export))
    assert code == 2 and "1 days in the file differ" in err and "2026-01-02" in err
    assert "--overwrite" in err and "--keep" in err and len(err.strip().splitlines()) == 1
    assert show_day(capsys, "2026-01-03") is None
    assert show_day(capsys, "2026-01-02")["note"] == "edited today"

    code, out, _ = run(capsys, "import", "--keep", str(export))
    assert code == 0 and "Imported 1 days" in out and "1 kept as stored" in out
    assert show_day(capsys, "2026-01-02")["note"] == "edited today"
    assert show_day(capsys, "2026-01-03")["note"] == "new day"

    backups = data_dir / "backups"
    before = set(backups.glob("*.sqlite3")) if backups.exists() else set()
    code, out, _ = run(capsys, "import", "--overwrite", str(export))
    assert code == 0 and "1 replaced from the file" in out
    day = show_day(capsys, "2026-01-02")
    assert (day["energy"], day["note"]) == (3, None)
    assert set(backups.glob("*.sqlite3")) - before, "a backup is made before replacing days"


def test_import_of_identical_days_changes_nothing(capsys, tmp_path):
    run(capsys, "log", "--date", "2026-01-01", "--energy", "2")
    export = tmp_path / "same.json"
    run(capsys, "export", "--format", "json", "-o", str(export))
    code, out, _ = run(capsys, "import", str(export))
    assert code == 0 and "Imported 0 days" in out and "1 already the same" in out


def test_export_to_unwritable_place(capsys, tmp_path):
    code, _, err = run(capsys, "export", "-o", str(tmp_path / "no" / "such" / "dir" / "x.csv"))
    assert code == 2 and "cannot write" in err


def test_data_dir_is_private(capsys, data_dir):
    run(capsys, "log", "--energy", "3")
    assert (data_dir.stat().st_mode & 0o777) == 0o700
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert path.stat().st_mode & 0o077 == 0, path


def _python_env(data_dir: Path) -> dict[str, str]:
    return dict(os.environ, FOCUSAPP_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")


def test_cli_commands_never_import_qt(data_dir):
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "focusapp", "log", "--energy", "3"],
        capture_output=True,
        text=True,
        env=_python_env(data_dir),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "PySide6" not in result.stderr
    assert "pyqtgraph" not in result.stderr


def test_day_start_rule_from_the_command_line(capsys, monkeypatch):
    import focusapp.bootstrap as context_module
    from focusapp.domain.clock import FixedClock

    real = context_module.open_context
    clock = FixedClock(dt.datetime(2026, 11, 3, 0, 30, tzinfo=dt.UTC))  # 01:30 in Berlin
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setattr(context_module, "open_context", lambda d=None, **k: real(d, clock=clock))
    assert run(capsys, "log", "--energy", "2")[0] == 0
    assert show_day(capsys, "2026-11-02")["energy"] == 2


def test_building_the_parser_imports_nothing_heavy():
    """Every start (the GUI included) builds the parser; feature modules must import lazily."""
    script = (
        "import sys, focusapp.cli.main as c; c.build_parser();"
        "print(sorted(m for m in ('sqlalchemy', 'PySide6', 'alembic', 'icalendar', 'pyqtgraph',"
        " 'numpy') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "[]", result.stderr


def test_json_export_carries_the_plan_and_reflections_and_still_imports(capsys, tmp_path):
    run(capsys, "log", "--date", "2026-01-05", "--energy", "3")
    assert run(capsys, "review", "--week", "2026-01-05", "--reflect", "Too many syncs")[0] == 0
    code, out, _ = run(capsys, "export", "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["reflections"] == [
        {"week_start": "2026-01-05", "text": "Too many syncs"}
    ]
    assert document["plan"] == [] and len(document["days"]) == 1
    export = tmp_path / "all.json"
    export.write_text(out)
    code, out, _ = run(capsys, "import", str(export))
    assert code == 0 and "1 already the same" in out

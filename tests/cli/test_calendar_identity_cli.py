"""``calendar import`` without a known address says which address to confirm; ``--me`` keeps it."""

from __future__ import annotations

import sqlite3
import tomllib
from pathlib import Path

import pytest

from focusapp.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
DECLINED = str(DATA / "focusapp__declined_invitations.ics")
GOOGLE = str(DATA / "rie__benchmark_issue42.ics")


@pytest.fixture(autouse=True)
def _berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def settings(data_dir: Path) -> dict[str, dict[str, object]]:
    return tomllib.loads((data_dir / "settings.toml").read_text(encoding="utf-8"))


def test_without_me_the_import_happens_and_one_line_names_the_addresses(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, err = run(capsys, "calendar", "import", DECLINED, "--from", "2024-01-01")
    assert code == 0
    assert out.startswith("Imported ")
    assert err.splitlines() == [
        "Declined meetings cannot be recognised until you say which address is yours: "
        f"focusapp calendar import {DECLINED} --me me@example.org "
        "(seen: me@example.org in 5 events, boss@example.org in 1, me.alt@example.org in 1)"
    ]
    with sqlite3.connect(data_dir / "focusapp.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM calendar_sources").fetchone() == (1,)
    assert not (data_dir / "settings.toml").exists()  # nothing set silently
    # Unchanged on a second run: the file is not re-imported, but the hint still comes.
    code, out, err = run(capsys, "calendar", "import", DECLINED, "--from", "2024-01-01")
    assert code == 0 and out.startswith("Unchanged: ")
    assert "--me me@example.org (seen: me@example.org in 5 events" in err


def test_a_certain_owner_is_still_only_suggested(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, _, err = run(capsys, "calendar", "import", GOOGLE, "--from", "2024-01-01")
    assert code == 0
    (line,) = err.splitlines()
    assert line.startswith("This calendar seems to be gabi@gmail.com's (it is named so")
    assert line.endswith(f"focusapp calendar import {GOOGLE} --me gabi@gmail.com")
    assert not (data_dir / "settings.toml").exists()


def test_me_sets_the_setting_keeping_other_keys_and_silences_the_hint(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert run(capsys, "config", "set", "checkin.reminder_time", "08:15")[0] == 0
    code, out, err = run(
        capsys, "calendar", "import", DECLINED, "--from", "2024-01-01", "--me", "Me@Example.org"
    )
    assert code == 0 and err == ""
    assert "(2 declined)" in out
    stored = settings(data_dir)
    assert stored["calendar"]["my_addresses"] == "me@example.org"
    assert stored["checkin"]["reminder_time"] == "08:15"
    # Known now: another file without --me gives no hint and counts declines.
    code, out, err = run(capsys, "calendar", "import", GOOGLE, "--from", "2024-01-01")
    assert code == 0 and err == ""


def test_a_file_without_addresses_needs_no_hint(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "focusapp__not_meetings.ics")
    code, _, err = run(capsys, "calendar", "import", path, "--from", "2024-01-01")
    assert code == 0 and err == ""


def test_me_with_an_unwritable_settings_file_says_what_was_kept(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.toml").mkdir()  # a folder where the file should be
    code, out, err = run(
        capsys, "calendar", "import", DECLINED, "--from", "2024-01-01", "--me", "me@example.org"
    )
    assert code == 2
    assert "(2 declined)" in out  # imported with the address given for this file
    (line,) = err.strip().splitlines()
    assert "--me: the calendar was imported, but your address could not be saved" in line
    assert line.endswith("it is remembered for this file only.")


def test_me_with_a_file_that_is_not_a_calendar_changes_no_setting(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    bad = str(DATA / "icalendar__big_bad_calendar.ics")
    code, out, err = run(capsys, "calendar", "import", bad, "--me", "me@example.org")
    assert code == 2 and out == ""
    assert err.strip().endswith("Nothing was imported.")
    assert not (data_dir / "settings.toml").exists()

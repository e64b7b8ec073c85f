"""``calendar exclude|include`` and the audit's marks, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from focusapp.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
OVERLAPS = str(DATA / "focusapp__overlaps_same_day.ics")
DAY = "2024-05-07"


@pytest.fixture(autouse=True)
def _berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def minutes(capsys: pytest.CaptureFixture[str]) -> int:
    _, out, _ = run(capsys, "calendar", "show", DAY, "--json")
    return int(json.loads(out)["meeting_minutes"])


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(
        capsys, "calendar", "import", OVERLAPS, "--from", "2024-05-01", "--to", "2024-05-31"
    )
    assert code == 0


@pytest.mark.usefixtures("imported")
def test_show_marks_each_overlap_on_its_row(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "calendar", "show", DAY)
    planning = next(line for line in out.splitlines() if " Planning " in line)
    assert (
        "counted (overlaps 10:00-10:30 with Architecture, 10:15-10:30 with Quick sync; "
        "counted once)" in planning
    )
    _, out, _ = run(capsys, "calendar", "show", DAY, "--json")
    rows = {e["summary"]: e for e in json.loads(out)["events"]}
    assert [o["uid"] for o in rows["Planning"]["overlaps"]] == [
        "ovl-2@focusapp.test",
        "ovl-3@focusapp.test",
    ]


@pytest.mark.usefixtures("imported")
def test_exclude_survives_a_reimport_and_include_counts_it_again(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = minutes(capsys)
    code, out, err = run(capsys, "calendar", "exclude", DAY, "evening call")
    assert code == 0 and err == ""
    assert out.startswith("Excluded 'Evening call' on 2024-05-07")
    after = minutes(capsys)
    assert after < before
    _, out, _ = run(capsys, "calendar", "show", DAY)
    assert "left out: excluded by you" in next(
        line for line in out.splitlines() if "Evening call" in line
    )
    # A forced re-read of the file keeps it excluded.
    run(capsys, "calendar", "import", OVERLAPS, "--from", "2024-04-01", "--to", "2024-05-31")
    assert minutes(capsys) == after
    code, out, _ = run(capsys, "calendar", "exclude", DAY, "Evening call")
    assert code == 0 and "already excluded" in out
    code, out, _ = run(capsys, "calendar", "include", DAY, "Evening call")
    assert code == 0 and out.startswith("Counting 'Evening call' on 2024-05-07 again.")
    assert minutes(capsys) == before


@pytest.mark.usefixtures("imported")
@pytest.mark.parametrize(
    ("event", "message"),
    [
        ("Nope", "EVENT: no event 'Nope' on 2024-05-07; see focusapp calendar show 2024-05-07"),
    ],
)
def test_an_unknown_event_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], event: str, message: str
) -> None:
    code, out, err = run(capsys, "calendar", "exclude", DAY, event)
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert line.endswith(message)

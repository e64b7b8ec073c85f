"""The owner tally read from real calendar files: addresses and counts, nothing else."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.domain.calendar import CalendarRules
from focusapp.domain.identity import AddressSeen, rank_owners
from focusapp.formats.ics.read import read_calendar
from focusapp.formats.ics.report import CalendarFormatError

_DATA = Path(__file__).parents[2] / "data" / "ics"
_REAL = Path("/work/shared/data/ics/real-world")
_RULES = CalendarRules(zone=ZoneInfo("Europe/Berlin"))


def test_google_export_is_named_by_its_owner_and_that_is_certain() -> None:
    result = read_calendar(
        (_DATA / "rie__benchmark_issue42.ics").read_bytes(),
        first_day=dt.date(2000, 1, 1),
        last_day=dt.date(2030, 12, 31),
        rules=_RULES,
    )
    guess = rank_owners(result.identity)
    assert result.identity.calendar_address == "gabi@gmail.com"
    assert guess.certain
    assert guess.best is not None and guess.best.address == "gabi@gmail.com"
    assert guess.best.events > 300
    addresses = [c.address for c in guess.candidates]
    assert "unknownorganizer@calendar.google.com" not in addresses
    assert "chorleyfitness@hotmail.co.uk" in addresses


def test_declined_fixture_ranks_me_first_without_a_calendar_name() -> None:
    result = read_calendar(
        (_DATA / "focusapp__declined_invitations.ics").read_bytes(),
        first_day=dt.date(2024, 1, 1),
        last_day=dt.date(2024, 12, 31),
        rules=_RULES,
    )
    guess = rank_owners(result.identity)
    assert [c.address for c in guess.candidates][:2] == ["me@example.org", "boss@example.org"]
    assert not guess.certain
    assert result.identity.seen["boss@example.org"] == AddressSeen(events=1, organised=1)


def test_a_calendar_name_that_is_not_an_address_is_not_kept() -> None:
    result = read_calendar(
        (_DATA / "rie__Germany.ics").read_bytes(),
        first_day=dt.date(2000, 1, 1),
        last_day=dt.date(2030, 12, 31),
        rules=_RULES,
    )
    assert result.identity.calendar_address == ""
    assert rank_owners(result.identity).candidates == ()


def _files() -> list[Path]:
    found = sorted(_DATA.glob("*.ics"))
    if _REAL.is_dir():
        found += sorted(_REAL.glob("*.ics"))
    return found


@pytest.mark.parametrize("path", _files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_file_gives_a_tally_of_addresses_and_counts_only(path: Path) -> None:
    try:
        result = read_calendar(
            path.read_bytes(),
            first_day=dt.date(2000, 1, 1),
            last_day=dt.date(2030, 12, 31),
            rules=_RULES,
        )
    except CalendarFormatError:
        return  # not a calendar at all: nothing to tally
    tally = result.identity
    for address, seen in tally.seen.items():
        assert "@" in address and address == address.lower()
        assert address.count("@") == 1
        # Only numbers travel: no names, titles or times.
        assert {type(v) for v in dataclasses.astuple(seen)} == {int}
        assert 1 <= seen.events <= tally.events
        assert 0 <= seen.organised <= seen.events
    guess = rank_owners(tally)
    assert len({c.address for c in guess.candidates}) == len(guess.candidates)

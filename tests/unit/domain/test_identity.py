"""Ranking the addresses a calendar names as its likely owner."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.identity import (
    AddressSeen,
    IdentityTally,
    calendar_address_of,
    is_address,
    rank_owners,
    tally_event,
)

_ADDRESSES = st.sampled_from(
    ["anna@example.com", "team@example.com", "bob@example.org", "c@x.io", "d@y.io"]
)
_SEEN = st.builds(
    AddressSeen,
    events=st.integers(0, 50),
    organised=st.integers(0, 50),
    named_like_calendar=st.integers(0, 3),
)
_TALLIES = st.builds(
    IdentityTally,
    seen=st.dictionaries(_ADDRESSES, _SEEN, max_size=5),
    calendar_address=st.one_of(st.just(""), _ADDRESSES),
    events=st.integers(0, 100),
)


def test_the_address_in_most_events_comes_first() -> None:
    counts: dict[str, AddressSeen] = {}
    for _ in range(41):
        tally_event(counts, organizer=None, attendees=[("mailto:Anna@Example.com", "")])
    for _ in range(12):
        tally_event(counts, organizer="mailto:team@example.com", attendees=[])
    guess = rank_owners(IdentityTally(seen=counts, events=53))
    assert [(c.address, c.events) for c in guess.candidates] == [
        ("anna@example.com", 41),
        ("team@example.com", 12),
    ]
    assert not guess.certain


def test_calendar_named_by_the_top_address_is_certain() -> None:
    seen = {"gabi@gmail.com": AddressSeen(events=9), "x@y.com": AddressSeen(events=2)}
    guess = rank_owners(IdentityTally(seen=seen, calendar_address="gabi@gmail.com"))
    assert guess.best is not None and guess.best.address == "gabi@gmail.com"
    assert guess.best.names_calendar
    assert guess.certain


def test_calendar_name_wins_over_frequency_but_is_then_not_certain() -> None:
    seen = {"owner@x.com": AddressSeen(events=1), "busy@x.com": AddressSeen(events=30)}
    guess = rank_owners(IdentityTally(seen=seen, calendar_address="owner@x.com"))
    assert [c.address for c in guess.candidates] == ["owner@x.com", "busy@x.com"]
    assert not guess.certain


def test_a_calendar_without_invitations_still_names_its_owner() -> None:
    guess = rank_owners(IdentityTally(calendar_address="solo@x.com"))
    assert [(c.address, c.events) for c in guess.candidates] == [("solo@x.com", 0)]
    assert not guess.certain


def test_cn_matching_the_calendar_name_ranks_first() -> None:
    counts: dict[str, AddressSeen] = {}
    tally_event(
        counts,
        organizer=None,
        attendees=[("mailto:a@x.com", "Anna Smith"), ("mailto:b@x.com", "Bob")],
        calendar_name="anna smith",
    )
    tally_event(counts, organizer=None, attendees=[("mailto:b@x.com", "Bob")])
    guess = rank_owners(IdentityTally(seen=counts))
    assert [c.address for c in guess.candidates] == ["a@x.com", "b@x.com"]
    assert guess.candidates[0].named_like_calendar


def test_an_address_twice_in_one_event_counts_once_and_non_addresses_are_ignored() -> None:
    counts: dict[str, AddressSeen] = {}
    tally_event(
        counts,
        organizer="mailto:a@x.com",
        attendees=[("mailto:a@x.com", ""), ("A@X.COM", ""), ("urn:uuid:1234", ""), ("Bob", "")],
    )
    assert counts == {"a@x.com": AddressSeen(events=1, organised=1)}


def test_address_shapes() -> None:
    assert is_address("mailto:a@b.c") and is_address("a@b")
    assert not is_address("a b@c") and not is_address("@c") and not is_address("a@")
    assert not is_address("a@b@c") and not is_address("Holidays: Germany")
    assert calendar_address_of("Gabi@Gmail.com") == "gabi@gmail.com"
    assert calendar_address_of("Work") == ""


@given(_TALLIES)
def test_candidates_are_exactly_the_addresses_seen(tally: IdentityTally) -> None:
    addresses = [c.address for c in rank_owners(tally).candidates]
    expected = set(tally.seen) | ({tally.calendar_address} - {""})
    assert sorted(addresses) == sorted(expected)
    assert len(addresses) == len(set(addresses))


@given(_TALLIES)
def test_ranking_does_not_depend_on_input_order(tally: IdentityTally) -> None:
    reversed_seen = dict(reversed(list(tally.seen.items())))
    again = IdentityTally(reversed_seen, tally.calendar_address, tally.events)
    assert rank_owners(again) == rank_owners(tally)


@given(_TALLIES)
def test_calendar_address_first_and_frequency_orders_the_rest(tally: IdentityTally) -> None:
    guess = rank_owners(tally)
    if tally.calendar_address:
        assert guess.candidates[0].address == tally.calendar_address
    plain = [c for c in guess.candidates if not c.names_calendar and not c.named_like_calendar]
    assert [c.events for c in plain] == sorted((c.events for c in plain), reverse=True)
    if guess.certain:
        assert guess.candidates[0].events == max(c.events for c in guess.candidates) > 0


@given(_TALLIES, _ADDRESSES)
def test_one_more_event_never_lowers_an_address(tally: IdentityTally, address: str) -> None:
    before = [c.address for c in rank_owners(tally).candidates]
    counts = dict(tally.seen)
    tally_event(counts, organizer=None, attendees=[(address, "")])
    after = [
        c.address for c in rank_owners(IdentityTally(counts, tally.calendar_address)).candidates
    ]
    if address in before:
        assert after.index(address) <= before.index(address)


def test_rooms_shared_calendars_and_robots_are_never_candidates() -> None:
    counts: dict[str, AddressSeen] = {}
    tally_event(
        counts,
        organizer="mailto:unknownorganizer@calendar.google.com",
        attendees=[
            ("mailto:abc@group.calendar.google.com", ""),
            ("mailto:noreply@example.com", ""),
            ("mailto:me@example.com", ""),
        ],
    )
    assert list(counts) == ["me@example.com"]
    assert calendar_address_of("abc@group.calendar.google.com") == ""

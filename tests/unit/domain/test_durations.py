import pytest
from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90", 90),
        ("90m", 90),
        ("1h", 60),
        ("1h30", 90),
        ("1h30m", 90),
        ("1.5h", 90),
        ("1:30", 90),
        ("0", 0),
        (" 2H ", 120),
        ("0.25h", 15),
        ("1,5h", 90),
        (".5h", 30),
        ("1h 5m", 65),
        ("0:05", 5),
    ],
)
def test_accepted_forms(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text", ["", "abc", "-1h", "-5", "1h60", "1:60", "1.5", "h", "1h30h", "1d", "1e3", "∞", "1:5"]
)
def test_rejected_forms_list_the_accepted_ones(text):
    with pytest.raises(DurationError) as error:
        parse_duration(text)
    message = str(error.value)
    for form in ("90", "90m", "1h", "1h30", "1h30m", "1.5h", "1:30", "0"):
        assert form in message


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0m"), (45, "45m"), (60, "1h"), (90, "1h30"), (125, "2h05"), (600, "10h")],
)
def test_format(minutes, text):
    assert format_duration(minutes) == text


def test_format_rejects_negative():
    with pytest.raises(ValueError, match="negative"):
        format_duration(-1)


@given(st.integers(min_value=0, max_value=60 * 999))
def test_format_parse_round_trip(minutes):
    assert parse_duration(format_duration(minutes)) == minutes


@given(st.text(max_size=20))
def test_parse_never_raises_anything_but_duration_error(text):
    try:
        minutes = parse_duration(text)
    except DurationError:
        return
    assert minutes >= 0


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=59))
def test_all_written_forms_agree(hours, minutes):
    total = hours * 60 + minutes
    assert parse_duration(f"{hours}h{minutes}") == total
    assert parse_duration(f"{hours}h{minutes}m") == total
    assert parse_duration(f"{hours}:{minutes:02d}") == total

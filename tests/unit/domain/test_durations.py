import pytest
from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.durations import (
    ACCEPTED_FORMS,
    DurationError,
    format_duration,
    parse_duration,
    parse_hours,
)


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
        # as people type them (issue 12)
        ("45 minutes", 45),
        ("2hours", 120),
        ("2 h 30", 150),
        ("1 hr", 60),
        ("90 mins", 90),
        ("1 min", 1),
        ("1 minute", 1),
        ("3 hrs", 180),
        ("1 hour 30 minutes", 90),
        ("1 hour and 30 minutes", 90),
        ("1h 30min", 90),
        ("1.5 hours", 90),
        ("2 Hours", 120),
        ("0 minutes", 0),
    ],
)
def test_accepted_forms(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "-1h",
        "-5",
        "1h60",
        "1:60",
        "1.5",
        "h",
        "1h30h",
        "1d",
        "1e3",
        "∞",
        "1:5",
        "minutes",
        "2 hours 30 hours",
        "1.5 minutes",
        "an hour",
        "1 hourss",
        "30 minutes 1 hour",
    ],
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


def test_accepted_forms_are_honest():
    listed = ACCEPTED_FORMS.replace(" or ", ", ").split(", ")
    assert len(listed) >= 10
    for form in listed:
        parse_duration(form)  # raises if the message promises a form we refuse


_HOUR_WORDS = st.sampled_from(["h", "hr", "hrs", "hour", "hours", "H", "Hours"])
_MINUTE_WORDS = st.sampled_from(["", "m", "min", "mins", "minute", "minutes", "MIN"])
_SPACE = st.sampled_from(["", " ", "  "])


@given(
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=0, max_value=59),
    _HOUR_WORDS,
    _MINUTE_WORDS,
    _SPACE,
    _SPACE,
)
def test_hours_and_minutes_in_words(hours, minutes, hour_word, minute_word, gap, gap2):
    text = f"{hours}{gap}{hour_word}{gap2}{minutes}{gap}{minute_word}"
    assert parse_duration(text) == hours * 60 + minutes


@given(st.integers(min_value=0, max_value=99_999), _MINUTE_WORDS, _SPACE)
def test_minutes_in_words(minutes, word, gap):
    assert parse_duration(f"{minutes}{gap}{word}") == minutes


@given(
    st.text(
        alphabet=st.sampled_from("0123456789 hrsoumintea.,:-"),
        max_size=24,
    )
)
def test_near_miss_texts_only_raise_duration_error(text):
    try:
        minutes = parse_duration(text)
    except DurationError as error:
        message = str(error)
    else:
        assert 0 <= minutes <= 99_999
        return
    assert "use 90" in message


# --- hours (sleep): one parser for the window, the command line and import files -------------


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("7", 7.0),
        ("7.5", 7.5),
        ("7,5", 7.5),
        ("7.5h", 7.5),
        (" 8 hours ", 8.0),
        ("7h30", 7.5),
        ("7 h 30", 7.5),
        ("7:30", 7.5),
        ("6h45m", 6.75),
        ("0", 0.0),
    ],
)
def test_hours_as_people_type_them(text, hours):
    assert parse_hours(text) == pytest.approx(hours)


@pytest.mark.parametrize("text", ["", "abc", "7.5.5", "-1", "7h75", "nan", "inf", "1e3"])
def test_what_is_not_hours_is_refused_with_the_forms(text):
    with pytest.raises(DurationError, match=r"not a number of hours; use 7\.5"):
        parse_hours(text)


@given(st.decimals(min_value=0, max_value=24, places=2))
def test_a_decimal_number_is_hours_not_minutes(value):
    assert parse_hours(str(value)) == pytest.approx(float(value))

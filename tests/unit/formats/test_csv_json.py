import contextlib
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from focusapp.domain.models import CHECKIN_FIELDS, CheckIn
from focusapp.domain.phrases import English, say_in
from focusapp.formats.csv_json import ImportFormatError, read_days, write_csv, write_json

TODAY = dt.date(2026, 11, 3)
HEADER = ",".join(CHECKIN_FIELDS)


def test_csv_header_exact():
    assert write_csv([]).splitlines() == [HEADER]


def test_json_shape():
    doc = json.loads(write_json([CheckIn(dt.date(2026, 1, 2), energy=3)]))
    assert doc["schema"] == 1
    assert doc["days"] == [
        {
            "date": "2026-01-02",
            "energy": 3,
            "coding_minutes": None,
            "meeting_minutes": None,
            "sleep_hours": None,
            "stress": None,
            "meeting_count": None,
            "back_to_back_count": None,
            "longest_free_block_minutes": None,
            "note": None,
        }
    ]


days_strategy = st.lists(
    st.builds(
        CheckIn,
        date=st.dates(dt.date(2000, 1, 1), TODAY),
        energy=st.one_of(st.none(), st.integers(1, 5)),
        coding_minutes=st.one_of(st.none(), st.integers(0, 700)),
        meeting_minutes=st.one_of(st.none(), st.integers(0, 700)),
        sleep_hours=st.one_of(st.none(), st.floats(0, 24, allow_nan=False)),
        stress=st.one_of(st.none(), st.integers(1, 5)),
        meeting_count=st.one_of(st.none(), st.integers(0, 30)),
        back_to_back_count=st.one_of(st.none(), st.integers(0, 30)),
        longest_free_block_minutes=st.one_of(st.none(), st.integers(0, 1440)),
        note=st.one_of(
            st.none(), st.text(min_size=1, max_size=50).filter(lambda s: s.strip() == s and s)
        ),
    ),
    max_size=20,
    unique_by=lambda d: d.date,
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(days_strategy)
def test_csv_round_trip(days):
    parsed = read_days(write_csv(days).encode(), "x.csv", today=TODAY)
    assert [d.checkin for d in parsed] == days


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(days_strategy)
def test_json_round_trip(days):
    parsed = read_days(write_json(days).encode(), "x.json", today=TODAY)
    assert [d.checkin for d in parsed] == days


def test_optional_columns_any_order():
    data = b"meeting_minutes,date,coding_minutes,energy\n60,2026-01-01,1h30,4\n"
    [day] = read_days(data, "a.csv", today=TODAY)
    assert day.checkin == CheckIn(
        dt.date(2026, 1, 1), energy=4, coding_minutes=90, meeting_minutes=60
    )
    assert day.given == {"energy", "coding_minutes", "meeting_minutes"}


def test_bad_rows_named_by_line_and_field():
    data = (
        b"date,energy,coding_minutes,meeting_minutes\n"
        b"2026-01-01,3,60,60\n2026-01-02,9,60,60\nnot-a-date,3,60,60\n"
    )
    with pytest.raises(ImportFormatError) as error:
        read_days(data, "bad.csv", today=TODAY)
    assert error.value.problems == [
        "line 3: energy: 9 is outside 1-5",
        "line 4: date: 'not-a-date' is not a date; use YYYY-MM-DD",
    ]


def test_bad_json_named_by_index():
    data = json.dumps(
        {
            "schema": 1,
            "days": [{"date": "2026-01-01", "energy": 3}, {"date": "2026-01-02", "stress": "x"}, 5],
        }
    ).encode()
    with pytest.raises(ImportFormatError) as error:
        read_days(data, "bad.json", today=TODAY)
    assert error.value.problems[0].startswith("day 1: stress:")
    assert error.value.problems[1].startswith("day 2:")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b'"unterminated', "line 1"),
        (b"date,energy\n", "missing column"),
        (b"date,energy,coding_minutes,meeting_minutes,colour\n", "unknown column"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"{not json", "not valid JSON"),
        (b'{"schema": 2, "days": []}', "schema"),
        (b'{"days": 3}', "expected"),
        (b"date,energy,coding_minutes,meeting_minutes\n2026-01-01,3,1,1,extra\n", "more cells"),
        (
            b"date,energy,coding_minutes,meeting_minutes\n2026-01-01,3,1,1\n2026-01-01,4,1,1\n",
            "appears again",
        ),
        (b"date,energy,coding_minutes,meeting_minutes\n2099-01-01,3,1,1\n", "future"),
        (b'[{"date": "2026-01-01", "energy": true}]', "number"),
        (b'[{"date": "2026-01-01", "sleep_hours": "NaN"}]', "hours"),
    ],
)
def test_rejections(data, fragment):
    with pytest.raises(ImportFormatError) as error:
        read_days(data, "", today=TODAY)
    assert fragment in str(error.value)


def test_bom_is_accepted():
    data = "\ufeffdate,energy,coding_minutes,meeting_minutes\n2026-01-01,3,60,0\n".encode()
    assert len(read_days(data, "a.csv", today=TODAY)) == 1


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ImportFormatError):
        read_days(data, "", today=TODAY)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.one_of(st.text(max_size=8), st.integers(-5, 2000).map(str), st.just("")),
            min_size=1,
            max_size=6,
        ),
        max_size=6,
    )
)
def test_random_csv_rows_never_crash(rows):
    lines = ["date,energy,coding_minutes,meeting_minutes,note"] + [",".join(r) for r in rows]
    try:
        days = read_days("\n".join(lines).encode(), "r.csv", today=TODAY)
    except ImportFormatError:
        return
    for day in days:
        assert day.checkin.energy is None or 1 <= day.checkin.energy <= 5


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
        lambda kids: (
            st.lists(kids, max_size=4)
            | st.dictionaries(st.sampled_from((*CHECKIN_FIELDS, "x")), kids, max_size=5)
        ),
        max_leaves=20,
    )
)
def test_random_json_never_crashes(document):
    with contextlib.suppress(ImportFormatError):
        read_days(json.dumps(document).encode(), "r.json", today=TODAY)


# --- hostile input (issue 15, items 11 and 12) ---------------------------------------------------

CSV_HEAD = b"date,energy,coding_minutes,meeting_minutes,note\n"


def test_an_unterminated_quote_is_reported_on_the_line_it_starts():
    data = (
        CSV_HEAD + b'2026-01-01,3,60,60,"never closed\n2026-01-02,3,60,60,x\n2026-01-03,3,1,1,y\n'
    )
    with pytest.raises(ImportFormatError) as error:
        read_days(data, "q.csv", today=TODAY)
    assert error.value.problems == ['line 2: a quoted cell is never closed (a " is missing)']


def test_rows_after_blank_and_multi_line_rows_keep_their_own_line_numbers():
    data = CSV_HEAD + b'2026-01-01,3,60,60,"two\nlines"\n\n2026-01-02,9,60,60,\n'
    with pytest.raises(ImportFormatError) as error:
        read_days(data, "m.csv", today=TODAY)
    assert error.value.problems == ["line 5: energy: 9 is outside 1-5"]


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_a_day_outside_1900_2200_is_a_row_problem(day):
    data = CSV_HEAD + f"2026-01-01,3,1,1,\n{day},3,1,1,\n".encode()
    with pytest.raises(ImportFormatError) as error:
        read_days(data, "d.csv")  # even without today: the window is the format's rule
    assert error.value.problems == [f"line 3: date: {day} is outside 1900-01-01 to 2200-12-31"]
    rows = json.dumps([{"date": day, "energy": 3}]).encode()
    with pytest.raises(ImportFormatError, match=r"day 0: date: .* is outside"):
        read_days(rows, "d.json", today=TODAY)


@pytest.mark.parametrize("field", ["energy", "coding_minutes", "sleep_hours", "note", "date"])
def test_a_4300_digit_json_number_is_a_row_problem(field):
    number = "9" * 4300
    data = f'[{{"date": "2026-01-01", "energy": 3}}, {{"date": "2026-01-02", "{field}": {number}}}]'
    with pytest.raises(ImportFormatError) as error:
        read_days(data.encode(), "n.json", today=TODAY)
    (problem,) = error.value.problems
    assert problem.startswith(f"day 1: {field}:") and "4300-digit number" in problem
    assert len(problem) < 200


@pytest.mark.parametrize("cell", ["9" * 5000, "-" + "9" * 5000, "1" * 20])
def test_huge_csv_numbers_are_row_problems(cell):
    for column in ("energy", "coding_minutes", "meeting_minutes"):
        cells = {"energy": "3", "coding_minutes": "1", "meeting_minutes": "1"} | {column: cell}
        row = f"2026-01-01,{cells['energy']},{cells['coding_minutes']},{cells['meeting_minutes']},"
        with pytest.raises(ImportFormatError) as error:
            read_days(CSV_HEAD + row.encode() + b"\n", "h.csv", today=TODAY)
        (problem,) = error.value.problems
        assert problem.startswith(f"line 2: {column}:") and len(problem) < 200


def test_a_json_note_with_a_lone_surrogate_is_a_row_problem():
    data = b'[{"date": "2026-01-01", "energy": 3, "note": "bad \\udcff"}]'
    with pytest.raises(ImportFormatError) as error:
        read_days(data, "s.json", today=TODAY)
    assert error.value.problems[0].startswith("day 0: note:")


def test_json_export_escapes_what_terminals_and_encoders_trip_over():
    note = "csi \x9b31m del \x7f rtl \u202e sep \u2028 esc \x1b] end"
    text = write_json([CheckIn(dt.date(2026, 1, 2), energy=3, note=note)])
    assert json.loads(text)["days"][0]["note"] == note
    assert not any(ch in text for ch in "\x9b\x7f\u202e\u2028\x1b")
    text.encode("ascii", "strict") if text.isascii() else text.encode("utf-8")
    surrogate = write_json([CheckIn(dt.date(2026, 1, 2), note="\udcff")])
    assert "\\udcff" in surrogate
    surrogate.encode("utf-8")  # no UnicodeEncodeError


def test_sleep_in_an_import_file_is_read_as_the_window_reads_it():
    """Issue 13: "7.5h" worked in the window and the command line but not in a file."""
    head = b"date,energy,coding_minutes,meeting_minutes,sleep_hours\n"
    rows = b"2026-01-01,3,,,7.5h\n2026-01-02,3,,,7h30\n2026-01-03,3,,,6:45\n2026-01-04,3,,,8\n"
    days = read_days(head + rows, "a.csv", today=TODAY)
    assert [d.checkin.sleep_hours for d in days] == [7.5, 7.5, 6.75, 8.0]
    with pytest.raises(ImportFormatError, match="hours"):
        read_days(head + b"2026-01-01,3,,,lots\n", "a.csv", today=TODAY)


_GERMAN = {
    "line {line}": "Zeile {line}",
    "{value} is not a whole number": "{value} ist keine ganze Zahl",
    "{where}: header: {problems}": "{where}: Kopfzeile: {problems}",
    "missing column(s) {columns}": "fehlende Spalte(n) {columns}",
    "a column appears twice": "eine Spalte kommt doppelt vor",
    "{value} is outside {low}-{high}": "{value} liegt außerhalb von {low}-{high}",
}


class _German(English):
    def text(self, context, template):
        return _GERMAN.get(template, template)


@pytest.mark.parametrize(
    ("data", "english", "german"),
    [
        (
            b"date,energy,coding_minutes,meeting_minutes\n2026-01-01,x,1,1\n",
            "line 2: energy: 'x' is not a whole number",
            "Zeile 2: energy: 'x' ist keine ganze Zahl",
        ),
        (
            b"date,energy,energy\n",
            "line 1: header: missing column(s) coding_minutes, meeting_minutes;"
            " a column appears twice",
            "Zeile 1: Kopfzeile: fehlende Spalte(n) coding_minutes, meeting_minutes;"
            " eine Spalte kommt doppelt vor",
        ),
        (
            b"date,energy,coding_minutes,meeting_minutes\n2026-01-01,7,1,1\n",
            "line 2: energy: 7 is outside 1-5",
            "Zeile 2: energy: 7 liegt außerhalb von 1-5",
        ),
    ],
)
def test_problems_are_english_and_render_in_the_windows_language(data, english, german):
    with pytest.raises(ImportFormatError) as caught:
        read_days(data, today=TODAY)
    [line] = caught.value.problems
    assert line == english
    assert say_in(_German(), line) == german

"""Hostile files through ``focusapp import``: never a traceback, exit 0 or 2, never half an import.

Each example writes a generated file, runs ``main(["import", FILE])`` in-process and checks:
the exit status is 0 or 2; stderr has no traceback and every line names the command; on
status 2 the stored days are exactly what they were before. Each test counts its examples
and asserts the count, so a strategy that silently generates nothing fails.
"""

from __future__ import annotations

import datetime as dt
import gc
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from focusapp.cli.main import main
from focusapp.domain.models import CHECKIN_FIELDS
from tests.safety_support import table_dump

EXAMPLES = 250
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252")
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

cells = st.one_of(
    st.text(max_size=12),
    st.integers(-10, 2000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["", "1h30", "90m", "1:30", "NaN", "inf", "-0", "1e9", '"', "\r", "\x00"]),
    st.dates().map(lambda d: d.isoformat()),
    st.dates(max_value=dt.date(2026, 11, 1)).map(lambda d: d.isoformat()),
)
headers = st.one_of(
    st.just(list(CHECKIN_FIELDS)),
    st.lists(st.sampled_from([*CHECKIN_FIELDS, "x", "", "Date", "energy "]), max_size=12),
    st.permutations(list(CHECKIN_FIELDS)),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    header = draw(headers)
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=12), max_size=8))
    separator = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(separator.join(row) for row in [header, *rows])
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | cells,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from([*CHECKIN_FIELDS, "days", "schema", "x"]), inner, max_size=6
        )
    ),
    max_leaves=25,
)


@st.composite
def json_files(draw: st.DrawFn) -> bytes:
    days = st.lists(
        st.dictionaries(st.sampled_from(CHECKIN_FIELDS), json_values, max_size=len(CHECKIN_FIELDS)),
        max_size=6,
    )
    document = draw(
        st.one_of(
            json_values,
            st.fixed_dictionaries({"schema": st.sampled_from([1, 2, "1", None]), "days": days}),
            days,
        )
    )
    text = _dumps(document, allow_nan=draw(st.booleans()))
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]  # truncated file
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


def _dumps(document: object, *, allow_nan: bool) -> str:
    try:
        return json.dumps(document, allow_nan=allow_nan)
    except ValueError:  # NaN or infinity where JSON has none: an unfinished file instead
        return "{"


@st.composite
def nearly_valid_csv(draw: st.DrawFn) -> bytes:
    """A real export with one cell replaced: hits the all-or-nothing path most often."""
    n = draw(st.integers(1, 10))
    lines = [",".join(CHECKIN_FIELDS)]
    for i in range(n):
        lines.append(f"2026-10-{i + 1:02d},{i % 5 + 1},60,30,7.5,2,3,1,90,note {i}")
    row = draw(st.integers(1, n))
    column = draw(st.integers(0, len(CHECKIN_FIELDS) - 1))
    cells_of_row = lines[row].split(",")
    cells_of_row[column] = draw(cells).replace(",", "")
    lines[row] = ",".join(cells_of_row)
    return "\n".join(lines).encode("utf-8")


def _run_examples(capsys, data_dir, tmp_path, strategy, suffixes) -> dict[str, int]:
    counts = {"examples": 0, "imported": 0, "refused": 0}
    target = tmp_path / "fuzz"
    target.mkdir(exist_ok=True)

    @FUZZ
    @given(data=strategy, suffix=st.sampled_from(suffixes))
    def check(data: bytes, suffix: str) -> None:
        counts["examples"] += 1
        path = target / f"file{suffix}"
        path.write_bytes(data)
        if counts["examples"] % 25 == 0:
            gc.collect()  # close the connections earlier in-process commands left open
        before = table_dump(data_dir / "focusapp.sqlite3")
        code: object
        try:
            # --overwrite: a valid file must import whole even where it differs from what is
            # stored (without it every such file is, rightly, refused as a conflict).
            code = main(["import", "--overwrite", str(path)])
        except SystemExit as exit_:  # argparse never exits here, but if it did: still 2
            code = exit_.code
        out, err = capsys.readouterr()
        assert code in (0, 2), (code, err)
        assert "Traceback" not in err
        # Lines as a terminal shows them: str.splitlines() would also split at \x1c-\x1e,
        # which a cell may contain and a message may quote.
        lines = [line for line in err.split("\n") if line]
        assert all(line.startswith("focusapp import:") for line in lines), err
        if code == 0:
            counts["imported"] += 1
            assert out.startswith("Imported ")
        else:
            counts["refused"] += 1
            assert err.strip(), "exit 2 must say why"
            assert table_dump(data_dir / "focusapp.sqlite3") == before  # nothing partial

    main(["log", "--date", "2026-10-01", "--energy", "3", "--note", "before the fuzz"])
    capsys.readouterr()
    check()
    print(f"{strategy!r:.40}: {counts}")
    return counts


def test_random_bytes(capsys, data_dir, tmp_path):
    counts = _run_examples(
        capsys, data_dir, tmp_path, st.binary(max_size=3000), [".csv", ".json", ".txt", ""]
    )
    assert counts["examples"] == EXAMPLES


def test_random_csv_files_in_any_encoding(capsys, data_dir, tmp_path):
    counts = _run_examples(capsys, data_dir, tmp_path, csv_files(), [".csv", ".CSV", ".txt"])
    assert counts["examples"] == EXAMPLES


def test_random_json_files(capsys, data_dir, tmp_path):
    counts = _run_examples(capsys, data_dir, tmp_path, json_files(), [".json", ".JSON"])
    assert counts["examples"] == EXAMPLES


def test_nearly_valid_files_import_whole_or_not_at_all(capsys, data_dir, tmp_path):
    counts = _run_examples(capsys, data_dir, tmp_path, nearly_valid_csv(), [".csv"])
    assert counts["examples"] == EXAMPLES
    assert counts["imported"] > 0 and counts["refused"] > 0  # both paths were exercised

"""``focusapp chart``: a PNG of the requested size with real content, or a one-line error."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from focusapp.cli.main import main
from focusapp.domain.models import CheckIn

FIELDS = frozenset({"energy", "coding_minutes", "meeting_minutes"})


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def history(data_dir):
    """Three weeks of check-ins ending today (the CLI uses the real clock)."""
    from focusapp.bootstrap import open_context

    context = open_context(data_dir)
    today = context.checkins.today()
    days = [
        CheckIn(
            today - dt.timedelta(days=i),
            energy=1 + i % 5,
            coding_minutes=60 + 20 * i,
            meeting_minutes=30 * (i % 4),
        )
        for i in range(21)
    ]
    context.checkins.import_days((d, FIELDS) for d in days)
    context.close()
    return today


def variance(image):
    """Return the variance of the grey levels of every 4th pixel (0 for a blank image)."""
    values = [
        image.pixelColor(x, y).lightness()
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
    ]
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


@pytest.mark.gui
def test_chart_writes_a_png_of_the_requested_size_that_is_not_blank(capsys, tmp_path, history):
    target = tmp_path / "charts.png"
    first = (history - dt.timedelta(days=20)).isoformat()
    code, out, err = run(capsys, "chart", "--from", first, "--size", "800x640", "-o", str(target))
    assert code == 0, err
    assert f"Wrote {target} (800x640, {first} to {history}, 21 days with check-ins)" in out
    image = QImage(str(target))
    assert (image.width(), image.height()) == (800, 640)
    assert variance(image) > 100


@pytest.mark.gui
def test_chart_default_size_and_range(capsys, tmp_path, history):
    target = tmp_path / "default.png"
    code, out, _ = run(capsys, "chart", "-o", str(target))
    assert code == 0
    first = history - dt.timedelta(days=90)
    assert f"(1200x900, {first} to {history}, 21 days with check-ins)" in out
    assert QImage(str(target)).size().toTuple() == (1200, 900)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--size", "big"], "--size: 'big' is not a size; use WIDTHxHEIGHT, e.g. 1200x900"),
        (["--size", "100x100"], "--size: 100x100 is out of range"),
        (["--from", "2026-05-02", "--to", "2026-05-01"], "is after --to"),
        (["--from", "someday"], "--from: 'someday' is not a date"),
    ],
)
def test_chart_usage_errors_are_one_line(capsys, tmp_path, args, message):
    code, out, err = run(capsys, "chart", *args, "-o", str(tmp_path / "x.png"))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("focusapp chart: ") and message in err


def test_chart_output_must_be_writable(capsys, tmp_path):
    code, _, err = run(capsys, "chart", "-o", str(tmp_path / "missing" / "x.png"))
    assert code == 2 and "does not exist" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "chart", "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_chart_needs_an_output_file():
    with pytest.raises(SystemExit) as exit_:
        main(["chart"])
    assert exit_.value.code == 2


@pytest.mark.slow
def test_chart_works_without_a_display(tmp_path, history, data_dir):
    """A real process with no DISPLAY and no QT_QPA_PLATFORM picks the offscreen platform."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    target = tmp_path / "headless.png"
    result = subprocess.run(
        [sys.executable, "-m", "focusapp", "--data-dir", str(data_dir), "chart", "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stderr == ""
    assert QImage(str(target)).size().toTuple() == (1200, 900)


def test_other_commands_do_not_import_qt():
    script = (
        "import sys\n"
        "from focusapp.cli.main import build_parser\n"
        "build_parser()\n"
        "print(sorted(m for m in ('PySide6', 'pyqtgraph', 'numpy') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stdout.strip() == "[]"

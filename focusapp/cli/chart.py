"""``focusapp chart``: render the dashboard's charts to a PNG file, without showing a window.

Qt and pyqtgraph are imported inside the handler only: every command line builds the whole
parser, and no other command should pay for them.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Final

from focusapp.cli.files import output_target, write_file
from focusapp.cli.support import EXIT_OK, UserError, add_command, escape_text, open_context_for
from focusapp.cli.values import add_range, date_range

if TYPE_CHECKING:
    import argparse

DEFAULT_SIZE: Final = (1200, 900)
MIN_SIDE: Final = 320
MAX_SIDE: Final = 8000
_SIZE = re.compile(r"\s*(\d{1,5})\s*[xX\u00d7]\s*(\d{1,5})\s*")


def parse_size(text: str) -> tuple[int, int]:
    """Return ``(width, height)`` from ``WxH``; both sides must be 320-8000 pixels."""
    match = _SIZE.fullmatch(text)
    if match is None:
        raise UserError(f"--size: '{text}' is not a size; use WIDTHxHEIGHT, e.g. 1200x900")
    width, height = int(match[1]), int(match[2])
    for side in (width, height):
        if not MIN_SIDE <= side <= MAX_SIDE:
            raise UserError(
                f"--size: {width}x{height} is out of range; each side must be "
                f"{MIN_SIDE}-{MAX_SIDE} pixels"
            )
    return width, height


def _use_offscreen_without_display() -> None:
    """Render without a display server when there is none (ssh, cron, CI)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _run(args: argparse.Namespace) -> int:
    first, last = date_range(args)
    width, height = parse_size(args.size) if args.size else DEFAULT_SIZE
    from focusapp.system.paths import resolve_paths

    output = output_target(args.output, resolve_paths(args.data_dir))
    if not output.parent.is_dir():
        raise UserError(f"-o: the folder {output.parent} does not exist")
    context = open_context_for(args)
    try:
        data = context.stats.dashboard(first=first, last=last)
    finally:
        context.close()
    series = data.series

    _use_offscreen_without_display()
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QImageWriter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "focusapp"])
    from focusapp.ui.charts.panel import render_image
    from focusapp.ui.theme import dark_palette, light_palette
    from focusapp.wording.dates import charts_title

    palette = dark_palette() if context.settings.theme == "dark" else light_palette()
    title = charts_title(series.first, series.last)
    image = render_image(data, QSize(width, height), title=title, palette=palette)
    app.processEvents()  # runs the off-screen panel's deferred deletion
    # Encoded in memory, then written atomically: a failed write leaves the old file and
    # keeps libpng's own complaints about unwritable targets off stderr.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))  # PNG whatever the suffix
    if not writer.write(image):
        raise UserError(f"-o: cannot encode the chart: {writer.errorString()}")
    buffer.close()
    write_file(output, bytes(buffer.data().data()))
    days = series.checkin_count
    print(
        f"Wrote {escape_text(str(output))} ({width}x{height}, {series.first} to {series.last}, "
        f"{days} day{'s' if days != 1 else ''} with check-ins)"
    )
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``chart`` to the command line."""
    parser = add_command(
        commands,
        "chart",
        "save the dashboard's charts as a PNG image",
        "Render the dashboard's charts for a range of days to a PNG file, "
        "without opening a window. The range defaults to the 13 weeks ending today.",
        "focusapp chart -o charts.png",
        "focusapp chart --from 2026-09-01 --to 2026-11-30 --size 1600x1000 -o autumn.png",
        handler=_run,
    )
    add_range(parser)
    parser.add_argument(
        "--size",
        metavar="WxH",
        help=f"image size in pixels (default {DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]})",
    )
    parser.add_argument("-o", "--output", metavar="FILE.png", required=True, help="the PNG file")

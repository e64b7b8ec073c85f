"""Render FocusApp's SVG icons to the PNG sizes of the freedesktop hicolor theme.

The master artwork is ``resources/icons/focusapp.svg``; the 16 and 24 px PNGs come from
hand-hinted sources in ``resources/icons/src/`` so that they stay crisp on the pixel grid.
The output lands in ``resources/icons/hicolor/<N>x<N>/apps/`` and the master SVG is copied to
``hicolor/scalable/apps/``. Rendering runs on Qt's offscreen platform, so no display is needed.

Usage::

    .venv/bin/python packaging/render_icons.py
    .venv/bin/python packaging/render_icons.py --contact-sheet /tmp/focusapp-icons.png
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

if TYPE_CHECKING:
    from collections.abc import Sequence

logger = logging.getLogger("render_icons")

APP_ID = "io.github.focusapp.FocusApp"
ROOT = Path(__file__).resolve().parent.parent
ICONS_DIR = ROOT / "resources" / "icons"
MASTER_SVG = ICONS_DIR / "focusapp.svg"
HINTED_SVGS = {
    16: ICONS_DIR / "src" / "focusapp-16.svg",
    24: ICONS_DIR / "src" / "focusapp-24.svg",
}
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

#: Icons shown on the contact sheet besides the application icon, in display order.
SHEET_SVGS = (
    "tray-pending.svg",
    "tray-done-none.svg",
    "tray-done-low.svg",
    "tray-done-moderate.svg",
    "tray-done-high.svg",
    "tray-done-very_high.svg",
    "tray-focus.svg",
    "help.svg",
)
SHEET_SIZES = (16, 24, 32, 64)
SHEET_BACKGROUNDS = ("#f4f4f4", "#2b2b2b")
SHEET_PADDING = 8
SHEET_ZOOM = 4


def ensure_application() -> QGuiApplication:
    """Return the running Qt application, creating an offscreen one when there is none.

    Returns:
        The application instance; keep a reference while rendering.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(sys.argv[:1])


def render_svg(svg_path: Path, size: int) -> QImage:
    """Render an SVG file into a transparent square image.

    Args:
        svg_path: The SVG file to draw.
        size: Width and height of the image in pixels.

    Returns:
        The anti-aliased rendering in premultiplied ARGB32.

    Raises:
        ValueError: If Qt cannot parse the SVG.
    """
    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        msg = f"cannot parse SVG {svg_path}"
        raise ValueError(msg)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def source_for(size: int) -> Path:
    """Pick the SVG that the application icon of a given size is rendered from.

    Args:
        size: The icon size in pixels.

    Returns:
        The hand-hinted source for that size if there is one, else the master SVG.
    """
    return HINTED_SVGS.get(size, MASTER_SVG)


def png_path(hicolor_dir: Path, size: int) -> Path:
    """Return where the hicolor PNG of one size goes.

    Args:
        hicolor_dir: The ``hicolor`` theme directory.
        size: The icon size in pixels.

    Returns:
        ``<hicolor_dir>/<size>x<size>/apps/<APP_ID>.png``.
    """
    return hicolor_dir / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_hicolor(hicolor_dir: Path) -> list[Path]:
    """Write the application icon at every size and copy the scalable SVG.

    Args:
        hicolor_dir: The ``hicolor`` theme directory to fill.

    Returns:
        The files written.

    Raises:
        OSError: If a PNG cannot be saved.
    """
    written: list[Path] = []
    for size in SIZES:
        target = png_path(hicolor_dir, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render_svg(source_for(size), size).save(str(target)):
            msg = f"cannot write {target}"
            raise OSError(msg)
        written.append(target)
    scalable = hicolor_dir / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER_SVG, scalable)
    written.append(scalable)
    return written


def build_contact_sheet(target: Path) -> None:
    """Draw every icon at the common small sizes over a light and a dark panel colour.

    Each row is one icon (the application icon first, from the rendered PNGs), each column
    one size; the left half has a light background and the right half a dark one. The sheet
    is magnified with nearest-neighbour scaling so single pixels stay visible.

    Args:
        target: Where to save the PNG.

    Raises:
        OSError: If the sheet cannot be saved.
    """
    rows: list[list[QImage]] = [
        [render_svg(source_for(size), size) for size in SHEET_SIZES],
        *([render_svg(ICONS_DIR / name, size) for size in SHEET_SIZES] for name in SHEET_SVGS),
    ]
    half_width = sum(SHEET_SIZES) + SHEET_PADDING * (len(SHEET_SIZES) + 1)
    row_height = max(SHEET_SIZES) + SHEET_PADDING
    height = row_height * len(rows) + SHEET_PADDING
    sheet = QImage(half_width * len(SHEET_BACKGROUNDS), height, QImage.Format.Format_ARGB32)
    painter = QPainter(sheet)
    try:
        for half, background in enumerate(SHEET_BACKGROUNDS):
            left = half * half_width
            painter.fillRect(left, 0, half_width, height, QColor(background))
            for row, images in enumerate(rows):
                x = left + SHEET_PADDING
                top = SHEET_PADDING + row * row_height
                for image in images:
                    painter.drawImage(x, top + (max(SHEET_SIZES) - image.height()) // 2, image)
                    x += image.width() + SHEET_PADDING
    finally:
        painter.end()
    zoomed = sheet.scaled(
        sheet.width() * SHEET_ZOOM,
        sheet.height() * SHEET_ZOOM,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    if not zoomed.save(str(target)):
        msg = f"cannot write {target}"
        raise OSError(msg)


def main(argv: Sequence[str] | None = None) -> int:
    """Render the icons; optionally write a contact sheet for review.

    Args:
        argv: Command-line arguments without the program name; ``sys.argv[1:]`` if None.

    Returns:
        The process exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--hicolor-dir",
        type=Path,
        default=ICONS_DIR / "hicolor",
        help="hicolor theme directory to write (default: resources/icons/hicolor)",
    )
    parser.add_argument(
        "--contact-sheet",
        type=Path,
        metavar="PNG",
        help="also write a magnified sheet of all icons on light and dark backgrounds",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")

    _app = ensure_application()  # keep the QGuiApplication alive while rendering
    try:
        for path in render_hicolor(args.hicolor_dir):
            logger.info("wrote %s", path)
        if args.contact_sheet is not None:
            build_contact_sheet(args.contact_sheet)
            logger.info("wrote contact sheet %s", args.contact_sheet)
    except (OSError, ValueError):
        logger.exception("rendering failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

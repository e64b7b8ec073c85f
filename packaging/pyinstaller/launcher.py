"""Entry point of the PyInstaller bundle: the ``focusapp`` command, window and CLI alike.

With ``FOCUSAPP_BUNDLE_SELFTEST=1`` it instead loads what FocusApp only imports later (charts,
calendar import, migrations, icons), so that a module or plugin missing from the bundle fails
``make bundle-smoke`` rather than a user's first chart or calendar import.
"""

from __future__ import annotations

import os
import sys

SELFTEST_ENV = "FOCUSAPP_BUNDLE_SELFTEST"

#: Imported lazily by FocusApp or by the libraries it uses; each must be in the bundle.
LAZY_IMPORTS = (
    "alembic.command",
    "alembic.op",
    "alembic.runtime.migration",
    "alembic.script",
    "icalendar",
    "numpy",
    "pyqtgraph",
    "recurring_ical_events",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "tzdata",
    "x_wr_timezone",
)


def _say(message: str) -> None:
    sys.stdout.write(f"selftest: {message}\n")


def _import_focusapp() -> int:
    """Import every FocusApp module; return how many."""
    import importlib
    import pkgutil

    import focusapp

    names = [
        info.name
        for info in pkgutil.walk_packages(focusapp.__path__, "focusapp.")
        # __main__ would start FocusApp; the migrations are files that Alembic loads.
        if info.name != "focusapp.__main__"
        and not info.name.startswith("focusapp.storage.migrations")
    ]
    for name in names:
        importlib.import_module(name)
    for needed in ("focusapp.ui.main_window", "focusapp.cli.risk", "focusapp.assets"):
        if needed not in sys.modules:
            importlib.import_module(needed)
    return len(names)


def _check_data() -> None:
    import importlib
    from importlib import resources

    from focusapp.storage.migrate import HEAD_REVISION, MIGRATIONS_DIR, known_revisions

    for name in LAZY_IMPORTS:
        importlib.import_module(name)
    from sqlalchemy.util._has_cython import HAS_CYEXTENSION

    if not HAS_CYEXTENSION:
        raise RuntimeError("SQLAlchemy's compiled extensions did not load")
    berlin = resources.files("tzdata.zoneinfo") / "Europe" / "Berlin"
    if not berlin.is_file():
        raise RuntimeError("tzdata has no Europe/Berlin")
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    revisions = {revision.revision for revision in script.walk_revisions()}
    if script.get_heads() != [HEAD_REVISION] or revisions != known_revisions():
        raise RuntimeError(f"migrations: heads {script.get_heads()}, found {sorted(revisions)}")
    _say(f"alembic finds {len(revisions)} migrations, head {HEAD_REVISION}")


def _check_qt() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QFontDatabase, QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    from focusapp.system.resources import icon_path, resources_dir

    app = QApplication([sys.argv[0]])
    plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    bundle = getattr(sys, "_MEIPASS", "")
    if bundle and not plugins.startswith(bundle):
        raise RuntimeError(f"Qt plugins come from {plugins}, not from the bundle")
    if b"svg" not in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]:
        raise RuntimeError("no SVG image format plugin")
    icon = QIcon(str(icon_path("focusapp.svg")))
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise RuntimeError(f"cannot draw {icon_path('focusapp.svg')}")
    if not QFontDatabase.families():
        raise RuntimeError("no fonts found (fontconfig)")
    import numpy as np
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.plot(np.arange(7.0), np.array([2.0, 3, 4, 3, 5, 4, 3]))
    plot.resize(320, 200)
    if plot.grab().isNull():
        raise RuntimeError("pyqtgraph drew nothing")
    _say(f"Qt {app.platformName()} ok: svg icon, {len(QFontDatabase.families())} font families")
    _say(f"resources in {resources_dir()}; pyqtgraph {pg.__version__} plot drawn")


def selftest() -> int:
    """Load what FocusApp loads lazily; return 0 when all of it is in the bundle."""
    try:
        count = _import_focusapp()
        _say(f"imported {count} focusapp modules")
        _check_data()
        _check_qt()
    except Exception as error:  # report any failure as one line and a non-zero status
        _say(f"FAILED: {type(error).__name__}: {error}")
        return 1
    _say("ok")
    return 0


def main() -> None:
    """Run FocusApp (or the bundle self-test) and exit with its status."""
    if os.environ.get(SELFTEST_ENV) == "1":
        sys.exit(selftest())
    from focusapp.cli.main import run

    run()  # as the pip entry point: exits, without the last collection after a command


if __name__ == "__main__":
    main()

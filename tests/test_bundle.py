"""The PyInstaller bundle's include/exclude policy (packaging/pyinstaller/bundle_policy.py).

Building the bundle takes about a minute, so `make bundle-smoke` tests the bundle itself; these
tests check the policy in milliseconds: no GLib/GIO, no unused Qt, the plugins, resources and
migrations FocusApp needs, and that FocusApp uses no Qt module the bundle leaves out.
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYINSTALLER_DIR = ROOT / "packaging" / "pyinstaller"


def _load_policy():
    spec = importlib.util.spec_from_file_location(
        "bundle_policy", PYINSTALLER_DIR / "bundle_policy.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


policy = _load_policy()
PLUGINS = "PySide6/Qt/plugins/"
QT_LIB = "PySide6/Qt/lib/"
SITE = "/venv/lib/python3.11/site-packages/"
PREFIX = "/opt/python"


@pytest.mark.parametrize(
    "name",
    [
        "libglib-2.0.so.0",
        "libgio-2.0.so.0",
        "libgobject-2.0.so.0",
        "libgmodule-2.0.so.0",
        "libgthread-2.0.so.0",
        "libfontconfig.so.1",
        "libfreetype.so.6",
        "libgtk-3.so.0",
    ],
)
def test_glib_gio_and_font_config_are_left_to_the_desktop(name):
    assert policy.is_system_library(name)


@pytest.mark.parametrize(
    "name",
    ["libdbus-1.so.3", "libxcb-cursor.so.0", "libxkbcommon.so.0", "libz.so.1", "libffi.so.8"],
)
def test_what_qt_xcb_and_python_need_is_shipped(name):
    assert not policy.is_system_library(name)
    assert not policy.is_system_library(f"{QT_LIB}{name}")


@pytest.mark.parametrize(
    "plugin",
    [
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "platforms/libqwayland.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
    ],
)
def test_needed_qt_plugins_are_kept(plugin):
    assert not policy.is_unwanted_plugin(PLUGINS + plugin)


@pytest.mark.parametrize(
    "plugin",
    [
        "platformthemes/libqgtk3.so",  # would load the desktop's GTK and GIO into the app
        "networkinformation/libqglib.so",
        "tls/libqopensslbackend.so",
        "platforms/libqeglfs.so",
        "platforms/libqvnc.so",
        "imageformats/libqpdf.so",
        "platforminputcontexts/libqtvirtualkeyboardplugin.so",  # pulls in QtQuick
        "sqldrivers/libqsqlite.so",
    ],
)
def test_unused_qt_plugins_are_dropped(plugin):
    assert policy.is_unwanted_plugin(PLUGINS + plugin)


def test_filter_binaries_drops_glib_and_what_only_it_needed():
    binaries = [
        ("lib-dynload/_ctypes.so", f"{PREFIX}/lib/python3.11/lib-dynload/_ctypes.so", "EXTENSION"),
        ("PySide6/QtGui.abi3.so", f"{SITE}PySide6/QtGui.abi3.so", "EXTENSION"),
        (f"{QT_LIB}libQt6Gui.so.6", f"{SITE}{QT_LIB}libQt6Gui.so.6", "BINARY"),
        (f"{QT_LIB}libQt6Pdf.so.6", f"{SITE}{QT_LIB}libQt6Pdf.so.6", "BINARY"),
        (f"{PLUGINS}imageformats/libqpdf.so", f"{SITE}{PLUGINS}imageformats/libqpdf.so", "BINARY"),
        (f"{PLUGINS}platforms/libqxcb.so", f"{SITE}{PLUGINS}platforms/libqxcb.so", "BINARY"),
        ("libglib-2.0.so.0", "/lib/x86_64-linux-gnu/libglib-2.0.so.0", "BINARY"),
        ("libpcre2-8.so.0", "/lib/x86_64-linux-gnu/libpcre2-8.so.0", "BINARY"),
        ("libffi.so.8", "/lib/x86_64-linux-gnu/libffi.so.8", "BINARY"),
        ("libxcb-cursor.so.0", "/lib/x86_64-linux-gnu/libxcb-cursor.so.0", "BINARY"),
        ("numpy.libs/libopenblas.so", f"{SITE}numpy.libs/libopenblas.so", "BINARY"),
    ]
    links = {
        "_ctypes.so": ["libffi.so.8"],
        "QtGui.abi3.so": ["libQt6Gui.so.6"],
        "libQt6Gui.so.6": ["libglib-2.0.so.0", "libc.so.6"],
        "libqpdf.so": ["libQt6Pdf.so.6"],
        "libqxcb.so": ["libQt6Gui.so.6", "libxcb-cursor.so.0"],
        "libglib-2.0.so.0": ["libpcre2-8.so.0"],
    }

    kept, dropped = policy.filter_binaries(
        binaries, lambda src: links.get(Path(src).name, []), [PREFIX]
    )

    assert {dest for dest, _, _ in kept} == {
        "lib-dynload/_ctypes.so",
        "PySide6/QtGui.abi3.so",
        f"{QT_LIB}libQt6Gui.so.6",
        f"{PLUGINS}platforms/libqxcb.so",
        "libffi.so.8",
        "libxcb-cursor.so.0",
        "numpy.libs/libopenblas.so",  # a wheel's own library: never pruned
    }
    assert {dest for dest, _, _ in dropped} == {
        f"{QT_LIB}libQt6Pdf.so.6",  # only its dropped plugin linked to it
        f"{PLUGINS}imageformats/libqpdf.so",
        "libglib-2.0.so.0",
        "libpcre2-8.so.0",  # only GLib linked to it
    }


def test_filter_datas_keeps_only_qt_translations_of_our_languages_and_drops_dangling_links():
    datas = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_ja.qm", "/x/qtbase_ja.qm", "DATA"),
        ("PySide6/Qt/translations/designer_de.qm", "/x/designer_de.qm", "DATA"),
        ("libQt6Gui.so.6", f"{QT_LIB}libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Pdf.so.6", f"{QT_LIB}libQt6Pdf.so.6", "SYMLINK"),
        ("pyqtgraph/icons/auto.png", "/x/auto.png", "DATA"),
    ]
    binaries = [(f"{QT_LIB}libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY")]

    kept = policy.filter_datas(datas, binaries)

    assert [dest for dest, _, _ in kept] == [
        "PySide6/Qt/translations/qtbase_de.qm",
        "libQt6Gui.so.6",
        "pyqtgraph/icons/auto.png",
    ]


def _qt_modules_used_by(folder: Path) -> set[str]:
    used = set()
    for path in folder.rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return used


def test_focusapp_uses_no_qt_module_the_bundle_leaves_out():
    unknown = _qt_modules_used_by(ROOT / "focusapp") - policy.KEEP_QT_MODULES
    assert not unknown, (
        f"FocusApp imports {sorted(unknown)}: add them to KEEP_QT_MODULES in "
        "packaging/pyinstaller/bundle_policy.py (and their plugins to KEEP_QT_PLUGINS)"
    )


def test_pyqtgraph_needs_only_kept_qt_modules():
    # QtTest is optional in pyqtgraph (it falls back when the import fails).
    script = (
        "import sys, pyqtgraph\n"
        "print(' '.join(m.split('.')[1] for m in sys.modules if m.startswith('PySide6.Qt')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(result.stdout.split())
    assert loaded - policy.KEEP_QT_MODULES <= {"QtTest"}


def test_unused_qt_modules_are_excluded():
    import PySide6

    excluded = {
        name.removeprefix("PySide6.")
        for name in policy.qt_modules_to_exclude(Path(PySide6.__file__).parent)
    }
    assert not excluded & policy.KEEP_QT_MODULES
    assert {"QtQml", "QtQuick", "QtTest", "QtSql", "QtDesigner", "QtHelp"} <= excluded


def test_assets_ship_as_the_wheel_ships_them():
    datas = policy.asset_datas(ROOT)
    shipped = {Path(src).relative_to(ROOT / "resources").as_posix(): dest for src, dest in datas}

    assert shipped["icons/focusapp.svg"] == "focusapp/assets/icons"
    assert any(name.startswith("icons/hicolor/") for name in shipped)
    assert all(dest.startswith("focusapp/assets") for dest in shipped.values())
    assert "__init__.py" not in shipped  # the package itself is compiled in, by the spec
    assert not any(name.startswith("icons/src/") for name in shipped)


def test_every_migration_ships_as_a_file():
    source = ROOT / "focusapp" / "storage" / "migrations"
    shipped = {
        Path(src).relative_to(source).as_posix(): dest for src, dest in policy.migration_datas(ROOT)
    }

    revisions = {p.relative_to(source).as_posix() for p in source.glob("versions/0*_*.py")}
    assert revisions
    assert revisions <= set(shipped)
    assert {"env.py", "script.py.mako"} <= set(shipped)
    assert shipped["env.py"] == "focusapp/storage/migrations"
    assert not any("__pycache__" in name for name in shipped)


@pytest.mark.skipif(sys.platform != "linux", reason="ELF files")
def test_read_elf_lists_direct_links_only():
    import PySide6

    qtcore = next(Path(PySide6.__file__).parent.glob("QtCore.*so"))
    elf = policy.read_elf(str(qtcore))

    assert "libQt6Core.so.6" in elf.needed
    assert "libicudata.so.73" not in elf.needed  # linked by libQt6Core, not by the module
    assert policy.read_elf(str(ROOT / "pyproject.toml")) == policy.Elf()


def test_strip_leaves_non_elf_files_alone(tmp_path):
    entry = (
        "focusapp/assets/icons/focusapp.svg",
        str(ROOT / "resources/icons/focusapp.svg"),
        "DATA",
    )
    assert policy.strip_debug_info([entry], [PREFIX], tmp_path) == [entry]


def test_smoke_script_parses():
    subprocess.run(["bash", "-n", str(PYINSTALLER_DIR / "smoke.sh")], check=True)

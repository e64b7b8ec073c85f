"""What goes into the PyInstaller bundle and what stays out (used by focusapp.spec).

Plain functions over PyInstaller's ``(dest_name, src_path, typecode)`` entries, so that
tests/test_bundle.py can check the policy without running PyInstaller. docs/bundle.md explains
each choice.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import struct
import subprocess
import tomllib
from collections import deque
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

Entry = tuple[str, str, str]

#: PySide6 modules FocusApp uses. QtSvg renders the SVG icons (its plugins need libQt6Svg),
#: QtNetwork provides QLocalServer (single instance) and QtDBus carries the tray icon
#: (StatusNotifierItem) and notifications on Linux; libQt6Gui links it anyway. pyqtgraph 0.14
#: imports QtOpenGL and QtOpenGLWidgets when it loads, even when nothing draws with OpenGL.
KEEP_QT_MODULES: Final = frozenset(
    {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtSvg", "QtDBus", "QtOpenGL", "QtOpenGLWidgets"}
)

#: Qt plugins kept, by plugin folder; every other plugin (and folder) is left out.
KEEP_QT_PLUGINS: Final[dict[str, frozenset[str]]] = {
    # X11, Wayland, and offscreen for tests and smoke runs.
    "platforms": frozenset({"libqxcb.so", "libqwayland.so", "libqoffscreen.so"}),
    "xcbglintegrations": frozenset({"libqxcb-glx-integration.so", "libqxcb-egl-integration.so"}),
    "wayland-shell-integration": frozenset({"libxdg-shell.so"}),
    "wayland-decoration-client": frozenset({"libadwaita.so", "libbradient.so"}),
    "wayland-graphics-integration-client": frozenset({"libqt-plugin-wayland-egl.so"}),
    # Dead keys / compose sequences and IBus input methods in text fields.
    "platforminputcontexts": frozenset(
        {"libcomposeplatforminputcontextplugin.so", "libibusplatforminputcontextplugin.so"}
    ),
    # Portal file dialogs (Flatpak/Snap, or QT_QPA_PLATFORMTHEME=xdgdesktopportal). The gtk3
    # theme is left out: it would load the desktop's GTK, GLib and GIO into the process.
    "platformthemes": frozenset({"libqxdgdesktopportal.so"}),
    # SVG icons and images; PNG is built into QtGui.
    "iconengines": frozenset({"libqsvgicon.so"}),
    "imageformats": frozenset({"libqsvg.so"}),
}

#: Libraries the desktop must provide; never shipped (matched against the file name).
#: GLib/GIO load GIO modules, GSettings schemas and dconf from the running system and must
#: match them: an older bundled libgio broke ActivityWatch's tray on GNOME (aw-qt #92,
#: activitywatch #710). fontconfig reads the system's /etc/fonts and font caches, and freetype
#: must match the fontconfig that loads it. GTK and friends only come in through Qt's gtk3
#: platform theme, which is not shipped either.
SYSTEM_LIBRARY_PATTERNS: Final = (
    r"libglib-2\.0\.so.*",
    r"libgio-2\.0\.so.*",
    r"libgobject-2\.0\.so.*",
    r"libgmodule-2\.0\.so.*",
    r"libgthread-2\.0\.so.*",
    r"libfontconfig\.so.*",
    r"libfreetype\.so.*",
    r"libgtk-3\.so.*",
    r"libgdk-3\.so.*",
    r"libgdk_pixbuf-2\.0\.so.*",
    r"libpango(cairo|ft2)?-1\.0\.so.*",
    r"libcairo(-gobject)?\.so.*",
    r"libharfbuzz\.so.*",
    r"libatk(-bridge)?-[12]\.0\.so.*",
    r"libatspi\.so.*",
    r"libepoxy\.so.*",
)
_SYSTEM_LIBRARY_RE: Final = re.compile("|".join(f"(?:{p})" for p in SYSTEM_LIBRARY_PATTERNS))

#: Data left out: Qt's own translations (14 MB), except :data:`KEPT_QT_TRANSLATIONS`.
EXCLUDED_DATA_PREFIXES: Final = ("PySide6/Qt/translations/",)
#: Qt's catalogues kept: the standard buttons' words in each language FocusApp is translated
#: to (``resources/translations/focusapp_<lang>.ts``).
_OUR_TRANSLATIONS: Final = Path(__file__).resolve().parents[2] / "resources" / "translations"
KEPT_QT_TRANSLATIONS: Final = tuple(
    f"PySide6/Qt/translations/qtbase_{path.stem.removeprefix('focusapp_')}.qm"
    for path in sorted(_OUR_TRANSLATIONS.glob("*.ts"))
)

_QT_PLUGIN_DIR: Final = "PySide6/Qt/plugins/"
_QT_LIB_DIR: Final = "PySide6/Qt/lib/"


def qt_modules_to_exclude(pyside_dir: Path) -> list[str]:
    """Return ``PySide6.<Module>`` for every Qt binding module except :data:`KEEP_QT_MODULES`.

    Names come from the installed PySide6 (``*.abi3.so`` and ``*.pyi``), so modules from
    PySide6-Addons or a newer PySide6 are excluded too.
    """
    names = {p.name.split(".", 1)[0] for p in pyside_dir.glob("Qt*.abi3.so")}
    names |= {p.stem for p in pyside_dir.glob("Qt*.pyi")}
    return sorted(f"PySide6.{name}" for name in names - KEEP_QT_MODULES)


def is_system_library(dest: str) -> bool:
    """Tell whether a binary is one the desktop must provide (GLib, GIO, fontconfig...)."""
    return bool(_SYSTEM_LIBRARY_RE.fullmatch(PurePosixPath(dest).name))


def is_unwanted_plugin(dest: str) -> bool:
    """Tell whether ``dest`` is a Qt plugin outside :data:`KEEP_QT_PLUGINS`."""
    if not dest.startswith(_QT_PLUGIN_DIR):
        return False
    folder, _, name = dest[len(_QT_PLUGIN_DIR) :].rpartition("/")
    return name not in KEEP_QT_PLUGINS.get(folder, frozenset())


def _is_site_package(src: str) -> bool:
    return "/site-packages/" in src or "/dist-packages/" in src


def _is_python_side(src: str, python_prefixes: Iterable[str]) -> bool:
    return _is_site_package(src) or any(src.startswith(p) for p in python_prefixes)


def is_prunable(entry: Entry, python_prefixes: Iterable[str]) -> bool:
    """Tell whether a binary is only a dependency, kept only if something still links to it.

    That is a Qt library (PySide6/Qt/lib) or a library from the build machine's system
    folders. Extension modules, plugins and libraries of Python packages are always kept:
    they are loaded by name, not linked.
    """
    dest, src, typecode = entry
    if typecode != "BINARY" or dest.startswith(_QT_PLUGIN_DIR):
        return False
    return dest.startswith(_QT_LIB_DIR) or not _is_python_side(src, python_prefixes)


@dataclass(frozen=True)
class Elf:
    """What the bundle needs to know about a shared library or extension module."""

    #: DT_NEEDED: the libraries it links to directly (``ldd`` would list the whole tree).
    needed: tuple[str, ...] = ()
    #: Has DT_RPATH or DT_RUNPATH: set by the linker, or by patchelf (auditwheel).
    runpath: bool = False
    #: Carries ``.debug_*`` sections.
    debug: bool = False


def read_elf(path: str) -> Elf:
    """Read the dynamic section and section names of an ELF file (``Elf()`` if not ELF)."""
    with Path(path).open("rb") as file:
        data = file.read()
    if data[:4] != b"\x7fELF":
        return Elf()
    order = "<" if data[5] == 1 else ">"
    if data[4] == 2:  # ELFCLASS64
        (shoff,) = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from(order + "HHH", data, 0x3A)
        section, dyn_format = order + "IIQQQQIIQQ", order + "qQ"
    else:
        (shoff,) = struct.unpack_from(order + "I", data, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from(order + "HHH", data, 0x2E)
        section, dyn_format = order + "IIIIIIIIII", order + "iI"
    headers = [struct.unpack_from(section, data, shoff + i * shentsize) for i in range(shnum)]

    def text(table: int, at: int) -> str:
        start = headers[table][4] + at
        return data[start : data.index(b"\0", start)].decode(errors="replace")

    names = [text(shstrndx, h[0]) for h in headers] if shnum else []
    needed: list[str] = []
    runpath = False
    for header in headers:
        if header[1] != 6:  # SHT_DYNAMIC
            continue
        offset, size, link = header[4], header[5], header[6]
        for at in range(offset, offset + size, struct.calcsize(dyn_format)):
            tag, value = struct.unpack_from(dyn_format, data, at)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                needed.append(text(link, value))
            runpath = runpath or tag in (15, 29)  # DT_RPATH, DT_RUNPATH
    return Elf(tuple(needed), runpath, any(n.startswith(".debug") for n in names))


def elf_needed(path: str) -> tuple[str, ...]:
    """Return the libraries an ELF file links to directly (DT_NEEDED)."""
    return read_elf(path).needed


def filter_binaries(
    binaries: Iterable[Entry],
    needed: Callable[[str], Iterable[str]],
    python_prefixes: Iterable[str],
) -> tuple[list[Entry], list[Entry]]:
    """Drop unwanted plugins and system libraries, then the dependencies nothing links to.

    Args:
        binaries: ``Analysis.binaries``.
        needed: Returns the library names (sonames) a binary file links to.
        python_prefixes: Install prefixes of the Python interpreter (libpython, lib-dynload).

    Returns:
        ``(kept, dropped)``.
    """
    prefixes = tuple(python_prefixes)
    entries = list(binaries)
    dropped = [e for e in entries if is_unwanted_plugin(e[0]) or is_system_library(e[0])]
    gone = {e[0] for e in dropped}
    candidates = [e for e in entries if e[0] not in gone]
    by_name = {PurePosixPath(e[0]).name: e for e in candidates}
    roots = [e for e in candidates if not is_prunable(e, prefixes)]
    reached = {e[0] for e in roots}
    queue = deque(roots)
    while queue:
        _, src, _ = queue.popleft()
        for soname in needed(src):
            dep = by_name.get(PurePosixPath(soname).name)
            if dep is not None and dep[0] not in reached:
                reached.add(dep[0])
                queue.append(dep)
    kept = [e for e in candidates if e[0] in reached]
    dropped += [e for e in candidates if e[0] not in reached]
    return kept, dropped


def strip_debug_info(
    binaries: Iterable[Entry], python_prefixes: Iterable[str], cache_dir: Path
) -> list[Entry]:
    """Point binaries that carry debug information at copies without it (``strip -g``).

    A self-built Python (pyenv) keeps its debug information in libpython and lib-dynload, and
    so do some wheels (SQLAlchemy's compiled modules): about 35 MB of the bundle. Files with
    an RPATH/RUNPATH outside the Python installation are left alone: auditwheel rewrote them
    with patchelf, and stripping those breaks them (PyInstaller's global ``strip`` made numpy's
    OpenBLAS fail with "ELF load command address/offset not page-aligned"). Without a
    ``strip`` tool the entries come back unchanged.
    """
    prefixes = tuple(python_prefixes)
    tool = shutil.which("strip")
    result = []
    for dest, src, typecode in binaries:
        if tool is not None and typecode in ("BINARY", "EXTENSION"):
            elf = read_elf(src)
            python_own = src.startswith(prefixes) and not _is_site_package(src)
            if elf.debug and (python_own or not elf.runpath):
                copy = cache_dir / dest
                if not copy.exists() or copy.stat().st_mtime < Path(src).stat().st_mtime:
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    subprocess.run(
                        [tool, "--strip-debug", "-o", str(copy), src],
                        check=True,
                        capture_output=True,
                    )
                src = str(copy)
        result.append((dest, src, typecode))
    return result


def filter_datas(datas: Iterable[Entry], binaries: Iterable[Entry]) -> list[Entry]:
    """Return ``Analysis.datas`` without :data:`EXCLUDED_DATA_PREFIXES` and dead symlinks.

    Qt's catalogues for FocusApp's own languages (:data:`KEPT_QT_TRANSLATIONS`) stay.

    PyInstaller lists, among the datas, top-level symlinks to libraries in package folders
    (``libQt6Core.so.6 -> PySide6/Qt/lib/libQt6Core.so.6``); those whose library was
    dropped by :func:`filter_binaries` would dangle.
    """
    kept = {e[0] for e in binaries}
    return [
        e
        for e in datas
        if (e[0] in KEPT_QT_TRANSLATIONS or not e[0].startswith(EXCLUDED_DATA_PREFIXES))
        and (e[2] != "SYMLINK" or e[1] in kept)
    ]


def _package_data(root: Path, package: str) -> list[str]:
    with (root / "pyproject.toml").open("rb") as file:
        setuptools = tomllib.load(file)["tool"]["setuptools"]
    patterns: list[str] = setuptools["package-data"].get(package, [])
    return patterns


def _matches(relative: str, patterns: Iterable[str]) -> bool:
    # setuptools globs: "*" does not cross "/", so compare part by part.
    parts = relative.split("/")
    return any(
        len(p.split("/")) == len(parts)
        and all(fnmatch.fnmatchcase(a, b) for a, b in zip(parts, p.split("/"), strict=True))
        for p in patterns
    )


def asset_datas(root: Path) -> list[tuple[str, str]]:
    """Return ``(source file, bundle folder)`` for resources/, as the wheel ships it.

    The wheel installs resources/ as the package ``focusapp.assets`` with the
    ``package-data`` patterns of pyproject.toml; the bundle uses the same patterns.
    """
    source = root / "resources"
    patterns = _package_data(root, "focusapp.assets")
    found = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and _matches(relative, patterns):
            found.append((str(path), str(PurePosixPath("focusapp/assets", relative).parent)))
    return found


def migration_datas(root: Path) -> list[tuple[str, str]]:
    """Return ``(source file, bundle folder)`` for the Alembic migrations, as plain files.

    focusapp.storage.migrate finds revisions with a glob over versions/*.py and Alembic's
    ScriptDirectory loads env.py and each revision from its file, so the sources must be in
    the bundle, not only compiled into its archive.
    """
    source = root / "focusapp" / "storage" / "migrations"
    found = []
    for path in sorted(source.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".mako") and "__pycache__" not in path.parts:
            relative = path.relative_to(root).as_posix()
            found.append((str(path), str(PurePosixPath(relative).parent)))
    return found

"""Compile the translations into the wheel: ``resources/translations/*.ts`` to ``*.qm``.

Everything else about the build is in pyproject.toml. The ``.qm`` files are build output (not
in git); ``make translations`` makes them for a checkout, and this step makes them for a wheel
whenever PySide6's ``lrelease`` is at hand (a build without isolation, as ``make`` and the
tests do). Without it, ``.qm`` files already compiled are shipped as they are.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path(__file__).resolve().parent / "resources" / "translations"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.is_file():
        return str(beside)
    return shutil.which("pyside6-lrelease")


def compile_translations() -> None:
    """Compile each ``.ts`` that is newer than its ``.qm`` (or has none)."""
    lrelease = _lrelease()
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        if lrelease is None:
            print(f"setup.py: no pyside6-lrelease, {target.name} not compiled", file=sys.stderr)
            continue
        subprocess.run([lrelease, "-silent", str(source), "-qm", str(target)], check=True)


class BuildWithTranslations(build_py):
    """``build_py`` that compiles the translations before copying the package data."""

    def run(self) -> None:
        compile_translations()
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})

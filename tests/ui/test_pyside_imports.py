"""PySide6's per-import check gives the same answers without keeping every source in memory."""

from __future__ import annotations

import importlib
import linecache
import subprocess
import sys
import textwrap
import types

from focusapp.ui.pyside_imports import spare_source_reads, uses_pyside


def test_a_module_naming_pyside_is_told_apart_from_one_that_does_not(tmp_path):
    (tmp_path / "names_qt.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        assert uses_pyside(importlib.import_module("names_qt"))
        assert not uses_pyside(importlib.import_module("plain"))
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("names_qt", None)
        sys.modules.pop("plain", None)


def test_modules_without_a_readable_source_do_not_use_pyside(tmp_path):
    assert not uses_pyside(types.ModuleType("built_in_like"))
    compiled = types.ModuleType("compiled")
    compiled.__file__ = str(tmp_path / "compiled.so")
    assert not uses_pyside(compiled)
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # never written
    assert not uses_pyside(gone)


def test_after_the_window_package_imports_keep_no_source_and_are_still_classified(tmp_path):
    (tmp_path / "names_qt.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import linecache, sys
        sys.path.insert(0, {str(tmp_path)!r})
        import focusapp.ui
        import PySide6.support.feature as feature
        import names_qt, plain
        print(feature.pyside_feature_dict["names_qt"], feature.pyside_feature_dict["plain"])
        print(sum({str(tmp_path)!r} in name for name in linecache.cache))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    # PySide6's own marks: 0 "uses PySide, no feature", -1 "not a PySide module".
    assert out == ["0", "-1", "0"]


def test_the_replacement_is_in_place_in_this_process():
    assert spare_source_reads()
    import PySide6.support.feature as feature

    assert feature._mod_uses_pyside is uses_pyside
    assert not any("focusapp/ui/tray.py" in name for name in linecache.cache)

"""Every module of focusapp belongs to a layer of the import-linter contract.

import-linter checks only the modules a contract names, so a new top-level module or folder
left out of the list would escape every rule; this test makes leaving it out a failure.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "focusapp"


def _layers() -> set[str]:
    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    (layered,) = [c for c in contracts if c["type"] == "layers"]
    return {name for layer in layered["layers"] for name in layer.split("|")}


def _top_level_modules() -> set[str]:
    names = {f"focusapp.{p.stem}" for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    names |= {f"focusapp.{p.parent.name}" for p in PACKAGE.glob("*/__init__.py")}
    return names


def test_every_module_is_in_a_layer() -> None:
    assert _top_level_modules() - _layers() == set()


def test_every_layer_exists() -> None:
    assert _layers() - _top_level_modules() == set()

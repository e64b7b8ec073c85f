"""Find the shipped resources (icons, styles) from a wheel, an editable install or a checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def resources_dir() -> Path:
    """Return the folder holding ``icons/`` and friends.

    In a wheel the top-level ``resources/`` folder is installed as ``focusapp.assets``; in a
    checkout without an install it sits beside the package.
    """
    try:
        root = Path(str(resources.files("focusapp.assets")))
        if (root / "icons").is_dir():
            return root
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def icon_path(name: str) -> Path:
    """Return the path of ``resources/icons/<name>``."""
    return resources_dir() / "icons" / name

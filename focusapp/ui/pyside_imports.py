"""Spare each import the source read PySide6 adds to it, and the memory that read keeps.

Importing PySide6 replaces ``__import__``. After every module's import it asks whether the
module uses PySide, to know which ``from __feature__ import ...`` options (snake_case,
true_property) apply to its code, and it answers by reading the module's whole source with
``inspect.getsource``. That keeps every source file, split into lines, in ``linecache`` for
the life of the process (reported as napari#8584). In the always-on tray it was 4 MB of
the resident memory, and tens of milliseconds of every start.

The check here gives the same answer, whether the source names ``PySide6``, from the file's
bytes, and keeps nothing. A module that turns a feature on still registers itself through
its ``from __feature__`` import, as before.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from types import ModuleType

logger = logging.getLogger(__name__)

#: PySide6's private module and function this replaces; absent in other versions.
_FEATURE_MODULE: Final = "PySide6.support.feature"
_CHECK_NAME: Final = "_mod_uses_pyside"


def uses_pyside(module: ModuleType) -> bool:
    """Return whether ``module``'s source file names PySide6 (False without a source)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def spare_source_reads() -> bool:
    """Put :func:`uses_pyside` in place of PySide6's check; return whether it was there."""
    try:
        feature = importlib.import_module(_FEATURE_MODULE)
    except ImportError:
        return False
    if not callable(getattr(feature, _CHECK_NAME, None)):
        logger.debug("PySide6 has no %s.%s: imports left as they are", _FEATURE_MODULE, _CHECK_NAME)
        return False
    setattr(feature, _CHECK_NAME, uses_pyside)
    return True

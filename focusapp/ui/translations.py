"""Show the window in the user's language: FocusApp's and Qt's translators, from the locale.

The compiled catalogues (``focusapp_<lang>.qm``, built from ``resources/translations/*.ts``
by ``make translations`` or the wheel build) ship in ``focusapp.assets/translations``. The
English one holds only the plural forms ("1 day", "2 days"): the English source text says
``%n days``. Qt's own catalogue (``qtbase_<lang>.qm``, shipped with PySide6) names the
standard buttons (OK, Cancel). The command line never calls this, so it stays English.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from focusapp.system.resources import resources_dir
from focusapp.wording import numbers
from focusapp.wording import translate as wording

if TYPE_CHECKING:
    from pathlib import Path

logger = logging.getLogger(__name__)

#: The catalogue holding English plural forms, loaded under every other language too.
ENGLISH: Final = "focusapp_en.qm"


def translations_dir() -> Path:
    """Return the folder of FocusApp's compiled ``.qm`` catalogues."""
    return resources_dir() / "translations"


def _qt_translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the translators for ``locale`` (the system's by default) on ``app``.

    Qt asks the translator installed last first, so the English plural forms go in first and
    the user's language overrides them. Text built outside Qt widgets (wording modules) is
    routed to the same translators, and writes its numbers with the locale's decimal sign.
    Returns the translators (parented to ``app``).
    """
    locale = QLocale.system() if locale is None else locale
    QLocale.setDefault(locale)
    folder = translations_dir()
    installed: list[QTranslator] = []
    english = QTranslator(app)
    if english.load(str(folder / ENGLISH)):
        installed.append(english)
    if locale.language() not in (QLocale.Language.English, QLocale.Language.C):
        qt_base = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(locale, "qtbase", "_", qt_folder):
            installed.append(qt_base)
        ours = QTranslator(app)
        if ours.load(locale, "focusapp", "_", str(folder)):
            installed.append(ours)
        else:
            logger.info("no FocusApp translation for %s", locale.name())
    for translator in installed:
        app.installTranslator(translator)
    wording.install(_qt_translate)
    numbers.install(locale.decimalPoint())
    return installed

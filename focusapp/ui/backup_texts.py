"""What the backup dialogs say about a backup: when it was made, its days, what a restore did.

The texts keep the ``BackupDialog`` translation context of the dialog they were written for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QObject

from focusapp.ui.locale_text import day_text, moment_text

if TYPE_CHECKING:
    import datetime as dt

    from focusapp.services.backups import BackupInfo, RestoreResult


def describe_created(info: BackupInfo) -> str:
    """Return when a backup was made, in local time, e.g. ``Sat 28 Nov 2026 19:30``."""
    return moment_text(
        info.created.astimezone(),
        QCoreApplication.translate("BackupDialog", "ddd dd MMM yyyy HH:mm"),
    )


def describe_range(first: dt.date, last: dt.date) -> str:
    """Return a date range the way people write it: ``19 Oct to 30 Nov 2026``.

    What the two ends share is said once: ``1 to 14 Oct 2026``, ``30 Nov 2026``, and the
    year twice only when it changes (``19 Dec 2025 to 3 Jan 2026``).
    """
    full = QCoreApplication.translate("BackupDialog", "d MMM yyyy")
    if first == last:
        return day_text(last, full)
    if (first.year, first.month) == (last.year, last.month):
        start = day_text(first, QCoreApplication.translate("BackupDialog", "d"))
    elif first.year == last.year:
        start = day_text(first, QCoreApplication.translate("BackupDialog", "d MMM"))
    else:
        start = day_text(first, full)
    return QCoreApplication.translate("BackupDialog", "{first} to {last}").format(
        first=start, last=day_text(last, full)
    )


def describe_days(info: BackupInfo) -> str:
    """Return the date range a backup covers, or why it cannot be read."""
    if info.problem is not None:
        return QCoreApplication.translate("BackupDialog", "unreadable: {problem}").format(
            problem=info.problem
        )
    if info.first_day is None or info.last_day is None:
        return QCoreApplication.translate("BackupDialog", "no check-ins")
    return describe_range(info.first_day, info.last_day)


def describe_contents(info: BackupInfo) -> str:
    """Return e.g. ``42 days (19 Oct to 30 Nov 2026)``, ``no check-ins`` or why unreadable."""
    if info.problem is not None or info.first_day is None or info.last_day is None:
        return describe_days(info)
    return _WORDS.days(info.days, describe_days(info))


class _Words(QObject):
    """Plural sentences of this module's functions (lupdate reads plurals only from tr())."""

    def days(self, count: int, range_text: str) -> str:
        return self.tr("%n days ({range})", "", count).format(range=range_text)


_WORDS: Final = _Words()


def backed_up_text(info: BackupInfo) -> str:
    """Return the sentence that confirms "Back up now"."""
    return QCoreApplication.translate(
        "BackupDialog", "Backed up {contents} to {name}. Earlier backups are kept."
    ).format(contents=describe_contents(info), name=info.name)


def restored_text(result: RestoreResult) -> str:
    """Return the sentence that confirms a restore."""
    info = result.restored
    text = QCoreApplication.translate(
        "BackupDialog", "Restored the backup of {created}: {contents}."
    ).format(created=describe_created(info), contents=describe_contents(info))
    if result.safety_backup is not None:
        text += " " + QCoreApplication.translate(
            "BackupDialog", "The data it replaced was backed up as {name}; restore that to undo."
        ).format(name=result.safety_backup.name)
    return text

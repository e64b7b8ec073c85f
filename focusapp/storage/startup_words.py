"""The sentences a start tells the person about their data (:class:`~.safety.StartupReport`).

Each is a template of :class:`~focusapp.domain.phrases.Phrase`: the command line prints it in
English, the window and the light tray say it in the user's language. The details filled
in (SQLite's own words, a file name) stay as they are.
"""

from __future__ import annotations

from typing import Final

from focusapp.domain.phrases import QT_TRANSLATE_NOOP

CONTEXT: Final = "StartupReport"
LOST_WAL: Final = QT_TRANSLATE_NOOP(
    "StartupReport",
    "FocusApp's database had lost its write-ahead log (the -wal file beside it was deleted "
    "while the database was open). Changes made in the moments before may be missing; if a "
    "day looks wrong, restore a backup with File > Restore from backup.",
)
DAMAGED: Final = QT_TRANSLATE_NOOP(
    "StartupReport",
    "FocusApp's database was damaged ({damage}). It was kept as {name} in {folder}, and "
    "FocusApp started with a new, empty database.",
)
SET_ASIDE: Final = QT_TRANSLATE_NOOP(
    "StartupReport",
    "{why}. It was left untouched and set aside as {name} in {folder} (install the newer "
    "FocusApp and move it back to use it again), and FocusApp started with a new, empty "
    "database.",
)
NO_DAILY_BACKUP: Final = QT_TRANSLATE_NOOP(
    "StartupReport", "Today's automatic backup could not be made: {error}."
)
NO_BACKUP: Final = QT_TRANSLATE_NOOP("StartupReport", "There is no backup to restore from.")
NEWEST_BACKUP: Final = QT_TRANSLATE_NOOP(
    "StartupReport", "Your newest good backup is from {made} ({what}); you can restore it."
)
# How a backup is described in them (the command line's backup commands say it too), in the
# words and translation context of the window's backup dialog, which describes backups too.
BACKUP_CONTEXT: Final = "BackupDialog"
BACKUP_UNREADABLE: Final = QT_TRANSLATE_NOOP("BackupDialog", "unreadable: {problem}")
BACKUP_EMPTY: Final = QT_TRANSLATE_NOOP("BackupDialog", "no check-ins")
BACKUP_ONE_DAY: Final = QT_TRANSLATE_NOOP("BackupDialog", "1 day, {first}")
BACKUP_DAYS: Final = QT_TRANSLATE_NOOP("BackupDialog", "{days} days, {first} to {last}")

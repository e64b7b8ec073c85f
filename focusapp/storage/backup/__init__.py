"""Backups of the database file with SQLite's online backup API: write, verify, list, rotate.

Why the backup API rather than copying the file: a copy taken while another FocusApp (the
window, a ``focusapp log``) writes can mix two states of the database, and a WAL database is
two files anyway. ``sqlite3.Connection.backup`` copies one consistent snapshot inside a read
transaction, and restoring through it writes the live database in one transaction, so every
other connection sees either the old data or the restored data, never a mixture.

A backup is a standalone SQLite file (rollback journal, not WAL) named
``focusapp-YYYYMMDD-HHMMSSZ-KIND.sqlite3`` (UTC, so names sort by time; :mod:`.names`), mode
0600, in the ``backups`` folder beside the database. It is written under a temporary name,
checked with a full ``PRAGMA integrity_check`` (:mod:`.integrity`) and only then given its
final name (:mod:`.write`), so a listed backup is always complete; :mod:`.contents` says what
one holds. Rotation is in :mod:`.retention`, putting one back in :mod:`.restore`.

Only files whose names match the pattern above are ever deleted; anything else in the folder
is left alone.
"""

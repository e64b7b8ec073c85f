"""Errors every layer may name without importing the layer that raises them."""

from __future__ import annotations


class StorageError(RuntimeError):
    """The database could not be read or written; nothing was partially written.

    Defined here rather than in storage so the UI can catch it without importing SQL code.
    """


class DatabaseTooNewError(RuntimeError):
    """The database was written by a newer FocusApp; it is left untouched."""

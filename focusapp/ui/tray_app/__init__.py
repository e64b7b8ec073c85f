"""The light tray process: icon, reminders and notices without the database stack.

With a tray host, FocusApp's always-on part is this process alone: Qt Widgets, the settings,
the tray, the reminders and plain ``sqlite3`` reads of today (about 1.4x a bare Qt tray
instead of 2.7x). The window runs in a process of its own, started on demand and ended when
it closes, and every write is a ``focusapp`` command run as a child, so SQLAlchemy, numpy and
pyqtgraph never load here. ``tests/test_layers.py`` and the import contracts keep it so.
"""

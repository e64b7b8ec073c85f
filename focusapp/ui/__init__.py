"""Qt widgets, dialogs, tray and charts; thin views over the services."""

from focusapp.ui.pyside_imports import spare_source_reads

# Before any other window module is imported (each is a module PySide6 would read).
spare_source_reads()

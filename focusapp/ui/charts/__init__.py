"""The dashboard's charts (pyqtgraph): risk signal, energy, maker vs manager time, workload.

Importing its modules imports pyqtgraph, which costs a few hundred milliseconds; only the
dashboard (created after the window's first paint) and ``focusapp chart`` import it.

Every chart keeps its plot items for its whole life and refreshes them with ``setData`` /
``setOpts``, so an update after a check-in never rebuilds widgets. The x axis is in
"calendar seconds": ``epoch_day * 86400``, drawn by a ``DateAxisItem`` with a UTC offset of
0, so a day's label is exactly its calendar date whatever the machine's time zone. A daily
value sits on its date's tick (its slot spans half a day either side), so the label under a
dot or a bar is its date.
"""

import os

# Set before any module of the package imports pyqtgraph, which reads it on import.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

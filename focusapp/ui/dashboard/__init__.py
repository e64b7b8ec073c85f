"""The dashboard: today's header, the range selector, the linked charts and the day panel.

This module does not import pyqtgraph: the header, the day panel and the data request come
first, and the charts (``focusapp.ui.charts``) are imported on the next turn of the event
loop, while the worker thread reads the database. Each refresh computes one
:class:`~focusapp.services.stats.DashboardData` on the worker and then only feeds the
existing chart items (``setData``), so nothing is rebuilt after a check-in.

The chosen range is kept in the window's QSettings file (``dashboard/range``) beside the
window geometry: it is a view preference of this window, like the splitter positions, not
a setting the user edits or the CLI reads.
"""

"""Calendar use cases: import .ics files, keep per-day meeting numbers and explain any day.

What an import does, in the words the command line and the window use:

* **Local files only.** A path is resolved to an absolute path (symbolic links followed),
  which names the file's *source*; ``http(s)://`` and ``webcal://`` are refused, because
  FocusApp has no network code and must not grow any (:mod:`.local_files`).
* **Range.** Events are read for a range of local days. Without ``--from``/``--to`` it is
  :data:`~.importer.DEFAULT_DAYS_BACK` days back to :data:`~.importer.DEFAULT_DAYS_AHEAD`
  days ahead of today; a re-import of a known file without a range widens that to cover the
  earlier import too, so a rolling re-import never drops history. The range is the span of
  days the file speaks for: a day inside it without meetings has zero meetings, a day
  outside has none (:mod:`.importer`).
* **Replacement.** An import replaces everything stored for its source, in one transaction
  together with the day numbers it changes. A re-import of the same bytes under the same
  settings and range writes nothing at all (:mod:`.store`).
* **Several files.** Per-day numbers come from the union of every source's counted events.
  Copies of one event (same UID and RECURRENCE-ID) in several files count once: the copy
  with the highest SEQUENCE wins, then the file whose events changed most recently; the
  others are listed as duplicates. Different events overlapping in time are merged as
  intervals anyway (see :mod:`focusapp.domain.intervals`).
* **Day numbers** are cached in a table and rewritten for the days an import touches, so
  reading years of history never re-summarises events.
* **The day audit** (:mod:`.audit`) lists every event touching a day, counted or left out,
  with the reason in words.
* **Whose calendar** (:mod:`.identity`): the user's address is suggested from the file and
  kept only when confirmed.

:class:`~.service.CalendarService` ties these together for the command line and the window.
"""

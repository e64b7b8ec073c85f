"""Calendar sources other programs keep on this computer: add, list, re-read and remove them.

A source is an ``.ics`` file, a vdir folder (vdirsyncer, khal), an Evolution Data Server
cache (``cache.db``) or local calendar (``calendar.ics``), or a Thunderbird calendar file.
Each is read-only to FocusApp. Its events are stored like an imported file's (tagged with
the source's path in ``calendar_sources``, see :mod:`focusapp.services.calendar.store`), so
the day numbers, duplicates across sources and the day audit work the same for all of
them, and removing a source removes its meetings and nothing typed.

Re-reading is cheap when nothing changed: a vdir is listed and its items' stamps compared
(a :class:`~focusapp.formats.vdir.VdirReader` is kept per source for the life of the
process, so the window re-parses only the items that changed; a fresh process, such as
``focusapp calendar sync``, parses the vdir once and stores nothing if the stamps are as
stored); an Evolution cache is re-read only when its file (or its ``-wal``) changed.

Thunderbird files are added and counted but their events are not read: see
:mod:`focusapp.formats.thunderbird` for why.

:class:`~.service.SourcesService` adds, lists, re-reads and removes sources; :mod:`.listing`
describes them for the user and :mod:`.change_detection` tells when one changed.
"""

"""Finding the calendars other programs already keep on this computer, for one-click setup.

:func:`~.discover.discover_sources` looks, read-only and without running anything, at:

* vdir folders (vdirsyncer, khal) in the usual places and in the folders named by a
  vdirsyncer config (``[storage NAME]`` with ``type = "filesystem"``) or a khal config
  (``[calendars]`` / ``[[name]]`` / ``path = ...``, ``type = discover`` globs);
* Evolution Data Server's caches (``~/.cache/evolution/calendar/*/cache.db``) and local
  calendars (``~/.local/share/evolution/calendar/*/calendar.ics``), named from
  ``~/.config/evolution/sources/<uid>.source``;
* Thunderbird profiles (``calendar-data/local.sqlite`` and ``cache.sqlite``), named from
  the profile's ``prefs.js`` (read as text, never executed).

The home folder and the environment are arguments, so tests (and a sandboxed app) decide
where "home" is; nothing here reads ``os.environ`` or ``Path.home()`` itself. A config that
cannot be read or parsed is skipped: discovery offers what it finds, it never fails.

The vdir configs and folders are in :mod:`.vdirs`, Evolution and Thunderbird in
:mod:`.mail_apps`, what is found and where it is looked for in :mod:`.places`.
"""

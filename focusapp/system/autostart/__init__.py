"""Start FocusApp at login: an XDG autostart entry, a Windows Run value or a macOS LaunchAgent.

One small interface, :class:`~.common.Autostart`, hides three very different mechanisms (in
:mod:`.xdg`, :mod:`.windows` and :mod:`.macos`; :func:`~.choose.for_platform` picks one) so the
settings (``app.start_at_login``) can be applied the same way from the command line and the
GUI. Everything that touches the operating system (the registry, ``launchctl``) is injected,
so each backend is tested on any platform with fakes and temporary folders.

Decisions worth knowing:

- The entry starts the *running* FocusApp: a frozen bundle's executable, else the console
  script this process was started from, else ``focusapp`` on the ``PATH``, else
  ``python -m focusapp`` with this interpreter. It always passes ``--autostart`` (start hidden
  in the tray) and ``--data-dir`` when a non-default data folder is in use, because the
  environment variable ``$FOCUSAPP_DATA_DIR`` of a shell is not there at login.
- Linux waits for the tray host with ``X-GNOME-Autostart-Delay`` (GNOME) and
  ``X-KDE-autostart-phase=2`` (Plasma: after the panel). There is deliberately no
  ``sh -c "sleep 10; exec ..."`` wrapper: it needs a second layer of quoting for paths with
  spaces, hides the real command from autostart editors and still guesses a number. Other
  desktops start the app at once, and the app itself waits for the system tray when started
  with ``--autostart``.
- macOS never runs ``launchctl load``/``bootstrap``: with ``RunAtLoad`` that would start a
  second copy right now, and ``bootout`` would stop the running one. The file alone is read at
  the next login; the optional runner only clears a "disabled" mark (``launchctl enable``) a
  user may have set in System Settings > Login Items.
"""

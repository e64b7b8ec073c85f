"""The settings dialog: every user setting in grouped sections, validated as it is typed.

Each field produces the same text a person would give ``focusapp config set``, and every
value goes through :func:`focusapp.settings.specs.with_value`, so the dialog and the command line
can never disagree on what is valid. The dialog only returns a new :class:`Settings`; the
caller saves it (and applies ``start_at_login``).
"""

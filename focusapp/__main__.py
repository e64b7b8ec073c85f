"""``python -m focusapp``: the same as the ``focusapp`` command."""

from focusapp.cli.main import run

run()

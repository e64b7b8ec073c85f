"""``python -m focusapp``: the same as the ``focusapp`` command."""

import sys

from focusapp.cli import main

sys.exit(main())

"""``python -m focusapp``: the same as the ``focusapp`` command."""

import sys

from focusapp.cli.main import main

sys.exit(main())

"""PySide6 6.12.0 on CPython 3.11 aborted after ~570 Python-side emits (bool_dealloc).

pyproject.toml pins around it; this test fails loudly (the interpreter aborts) if the pin is
ever dropped while the bug remains.
"""

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.gui

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        fired = Signal(bool)

    app = QCoreApplication([])
    emitter = Emitter()
    seen = []
    emitter.fired.connect(seen.append)
    for i in range(10_000):
        emitter.fired.emit(True)
    assert len(seen) == 10_000
    print("ok", len(seen))
    """
)


def test_ten_thousand_emits_do_not_abort_the_interpreter():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok 10000"

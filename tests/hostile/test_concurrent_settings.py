"""Two `focusapp config set` loops on different keys never lose each other's value."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

WRITER = textwrap.dedent(
    """
    import sys
    from focusapp.cli.main import main
    key, values = sys.argv[1], sys.argv[2].split(",")
    for value in values:
        assert main(["config", "set", key, value]) == 0
    """
)


def test_concurrent_config_set_keeps_both_keys(tmp_path):
    env = dict(os.environ, FOCUSAPP_DATA_DIR=str(tmp_path / "d"))
    snoozes = ",".join(str(n) for n in range(10, 70))
    lengths = ",".join(str(n) for n in range(20, 80))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, key, values],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for key, values in (("checkin.snooze_minutes", snoozes), ("focus.length_minutes", lengths))
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
    for key, last in (("checkin.snooze_minutes", "69"), ("focus.length_minutes", "79")):
        shown = subprocess.run(
            [sys.executable, "-m", "focusapp", "config", "get", key],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert shown.stdout.strip() == last, key

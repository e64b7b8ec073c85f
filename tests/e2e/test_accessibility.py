"""The running window as a screen reader sees it, walked over AT-SPI (issue 12 item 12).

A real X server, the accessibility bus (at-spi2-core) and FocusApp; the tree is read with
Debian's pyatspi. Every control a user can reach must be named by its label, with the role
it has for the user: the energy choice one group of five radio buttons, the day field
present, and a combo box labelled by its label (Qt on Linux names a combo box by its
current value, by design, and gives the label as the labelled-by relation).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.x11, pytest.mark.gui]
HERE = Path(__file__).parent / "a11y"
NEEDED = ("Xvfb", "xdpyinfo", "dbus-run-session", "/usr/libexec/at-spi-bus-launcher")
missing = [tool for tool in NEEDED if shutil.which(tool) is None]
has_pyatspi = (
    subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True).returncode
    == 0
    if Path("/usr/bin/python3").exists()
    else False
)
if missing or not has_pyatspi:
    pytest.skip(
        f"needs {', '.join(missing) or 'python3-pyatspi'} (installed by .ci/run)",
        allow_module_level=True,
    )

#: Roles a user reaches with the keyboard or the mouse; each must carry a name.
CONTROLS = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "text",
    "spin button",
    "combo box",
    "table",
    "slider",
    "page tab",
    "menu item",
}


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    folder = tmp_path_factory.mktemp("a11y")
    out = folder / "tree.jsonl"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [
            "dbus-run-session",
            str(HERE / "session.sh"),
            str(folder / "data"),
            sys.executable,
            str(HERE / "walk_tree.py"),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and rows[0]["role"] == "application"
    return rows


def shown(rows, role):
    return [row for row in rows if row["role"] == role and row["showing"]]


def test_every_shown_control_is_named(tree):
    unnamed = [
        row
        for row in tree
        if row["showing"]
        and row["role"] in CONTROLS
        and not (row["name"].strip() or row["labelled_by"])
    ]
    assert unnamed == []


def test_the_energy_choice_is_one_group_of_five_radio_buttons(tree):
    radios = shown(tree, "radio button")
    assert [row["name"].split(":")[0] for row in radios] == [f"Energy {n}" for n in range(1, 6)]
    depth = radios[0]["depth"]
    assert {row["depth"] for row in radios} == {depth}  # siblings, in one container
    parent = next(
        row for row in reversed(tree[: tree.index(radios[0])]) if row["depth"] == depth - 1
    )
    assert parent["name"] == "Energy" and parent["labelled_by"] == ["Energy"]


def test_each_field_is_labelled_by_its_own_label(tree):
    labelled = {row["labelled_by"][0]: row for row in tree if row["showing"] and row["labelled_by"]}
    assert labelled["Day"]["role"] == "spin button"  # the day field is in the tree
    for label, role in (
        ("Coding", "text"),
        ("Meetings", "text"),
        ("Sleep", "text"),
        ("Stress", "combo box"),
        ("Note", "text"),
    ):
        assert labelled[label]["role"] == role, label


def test_the_menus_are_all_there(tree):
    menus = [row["name"] for row in tree if row["role"] == "menu item" and row["depth"] == 3]
    assert menus == ["File", "Day", "Weeks", "Help"]

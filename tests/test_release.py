"""One source for the version: the changelog and the AppStream release notes agree with it."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import focusapp

ROOT = Path(__file__).resolve().parent.parent


def test_changelog_top_entry_is_this_version():
    text = (ROOT / "CHANGELOG.md").read_text()
    first = re.search(r"^## (\S+) - (\d{4}-\d{2}-\d{2})$", text, re.MULTILINE)
    assert first is not None
    assert first.group(1) == focusapp.__version__


def test_appstream_newest_release_is_this_version():
    tree = ET.parse(ROOT / "packaging" / "linux" / "io.github.focusapp.FocusApp.metainfo.xml")
    releases = tree.getroot().find("releases")
    assert releases is not None
    newest = releases.find("release")
    assert newest is not None
    assert newest.get("version") == focusapp.__version__
    assert newest.find("description") is not None

import pytest

from focusapp.ui.data_watcher import DataWatcher

pytestmark = pytest.mark.gui


def test_database_and_settings_changes_are_noticed(qtbot, tmp_path):
    db = tmp_path / "focusapp.sqlite3"
    db.write_bytes(b"x")
    settings = tmp_path / "settings.toml"
    watcher = DataWatcher(db, settings)
    with qtbot.waitSignal(watcher.data_changed, timeout=3000):
        (tmp_path / "focusapp.sqlite3-wal").write_bytes(b"wal")
    with qtbot.waitSignal(watcher.settings_changed, timeout=3000):
        settings.write_text("[day]\nstart_hour = 5\n")


def test_other_files_beside_the_database_are_ignored(qtbot, tmp_path):
    db = tmp_path / "focusapp.sqlite3"
    db.write_bytes(b"x")
    watcher = DataWatcher(db, tmp_path / "settings.toml")
    with qtbot.assertNotEmitted(watcher.data_changed, wait=800):
        (tmp_path / "state.json").write_text("{}")
        (tmp_path / "state2.json").write_text("{}")

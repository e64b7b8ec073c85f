import pytest

from focusapp.ui.single_instance import SingleInstance, activate_running, server_name

pytestmark = pytest.mark.gui


def test_second_launch_reaches_the_first(qtbot, tmp_path):
    name = server_name(tmp_path)
    assert not activate_running(name)
    first = SingleInstance(name)
    assert first.listening
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert activate_running(name)
    first.close()


def test_names_differ_per_data_folder(tmp_path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")

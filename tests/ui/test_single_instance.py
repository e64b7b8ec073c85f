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


def test_the_window_process_says_hello_and_keeps_a_two_way_line(qtbot, tmp_path):
    from PySide6.QtNetwork import QLocalSocket

    from focusapp.ui.line_channel import LineChannel, Message
    from focusapp.ui.single_instance import WINDOW_HELLO

    name = server_name(tmp_path)
    tray = SingleInstance(name)
    window_side = QLocalSocket()
    window_side.connectToServer(name)
    assert window_side.waitForConnected(3000)
    with qtbot.waitSignal(tray.window_attached, timeout=3000) as attached:
        window_side.write(WINDOW_HELLO)
        window_side.flush()
    tray_channel = LineChannel(attached.args[0])
    window_channel = LineChannel(window_side)
    with qtbot.waitSignal(window_channel.received, timeout=3000) as heard:
        tray_channel.send(Message.SHOW_REVIEW, "2026-11-30")
    assert heard.args == ["review", "2026-11-30"]
    with qtbot.waitSignal(tray_channel.received, timeout=3000) as heard:
        window_channel.send(Message.CLOSED)
    assert heard.args == ["closed", ""]
    with qtbot.waitSignal(tray_channel.ended, timeout=3000):
        window_side.disconnectFromServer()
    tray_channel.send(Message.QUIT)  # the other side is gone: nothing happens
    tray.close()

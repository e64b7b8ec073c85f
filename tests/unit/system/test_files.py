"""Reading user-named files never hangs and never reads past its cap."""

import os
import threading

import pytest

from focusapp.system.files import FileRefusedError, is_regular_file, read_regular_file


def test_reads_a_regular_file(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"date\n")
    assert read_regular_file(path, 100) == b"date\n"
    assert is_regular_file(path)


def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = threading.Event()
    outcome: list[BaseException] = []

    def attempt():
        try:
            read_regular_file(fifo, 100)
        except FileRefusedError as error:
            outcome.append(error)
        done.set()

    threading.Thread(target=attempt, daemon=True).start()
    assert done.wait(5), "reading a FIFO blocked"
    assert "not a regular file" in str(outcome[0])
    assert not is_regular_file(fifo)


def test_a_device_is_refused():
    with pytest.raises(FileRefusedError, match="not a regular file"):
        read_regular_file(__import__("pathlib").Path("/dev/zero"), 100)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(FileRefusedError, match="is a folder"):
        read_regular_file(tmp_path, 100)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(FileRefusedError, match="does not exist"):
        read_regular_file(tmp_path / "nope", 100)


def test_a_symlink_loop_is_refused(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(FileRefusedError, match="loop"):
        read_regular_file(tmp_path / "a", 100)


def test_a_file_over_the_cap_is_refused_before_reading(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileRefusedError, match="larger than"):
        read_regular_file(path, 100)
    assert read_regular_file(path, 101) == b"x" * 101


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "secret"
    path.write_bytes(b"x")
    path.chmod(0)
    with pytest.raises(FileRefusedError, match="permission denied"):
        read_regular_file(path, 100)

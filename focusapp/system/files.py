"""Read a file a user named without ever hanging on it or reading it past a size cap.

A path typed by a person (an import, a calendar, the settings file) can name a FIFO, which
blocks ``open()`` until a writer appears, a device such as ``/dev/zero``, which never ends,
or a folder. Every such input goes through :func:`read_regular_file`: the file is opened
non-blocking, checked to be a regular file, and read only up to a limit decided before the
first byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pathlib import Path

_CHUNK = 1 << 20
#: Every file and folder FocusApp creates is the user's alone (declared once, used by all).
PRIVATE_FILE_MODE: Final = 0o600
PRIVATE_DIR_MODE: Final = 0o700


class FileRefusedError(OSError):
    """A file that cannot be read as asked; the message is a phrase for people.

    Attributes:
        reason: What is wrong, without the path ("is a folder, not a file").
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} {reason}")
        self.path = path
        self.reason = reason


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """Return the bytes of the regular file ``path``, at most ``max_bytes`` of them.

    Raises:
        FileRefusedError: For a missing file, a folder, a FIFO, socket or device, a file
            larger than ``max_bytes`` (also one that grows past it while being read), or
            any other reason the operating system gives.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefusedError(path, "does not exist") from None
    except IsADirectoryError:
        raise FileRefusedError(path, "is a folder, not a file") from None
    except PermissionError:
        raise FileRefusedError(path, "cannot be read (permission denied)") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileRefusedError(path, "is a loop of symbolic links") from None
        raise FileRefusedError(path, f"cannot be read ({error.strerror or error})") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefusedError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefusedError(path, "is not a regular file (a pipe, socket or device)")
        if info.st_size > max_bytes:
            raise FileRefusedError(path, f"is larger than {_megabytes(max_bytes)}")
        return _read_capped(descriptor, path, max_bytes)
    except FileRefusedError:
        raise
    except OSError as error:
        raise FileRefusedError(path, f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(descriptor)


def _read_capped(descriptor: int, path: Path, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(descriptor, min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise FileRefusedError(path, f"is larger than {_megabytes(max_bytes)}")
        chunks.append(chunk)


def is_regular_file(path: Path) -> bool:
    """Tell whether ``path`` is a regular file (following links), without opening it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False

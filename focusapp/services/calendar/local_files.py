"""Which calendar files an import may read: local regular files only, never a web address.

FocusApp has no network code and must not grow any, so a URL the user pastes is refused with
a message saying what to do instead, and ``file://`` URLs (which file managers copy) are
turned into paths without naming a networking library.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from focusapp.formats.ics.read import MAX_ICS_BYTES
from focusapp.system.files import FileRefusedError, read_regular_file

_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://")
_REMOTE_SCHEMES: Final = frozenset({"http", "https", "webcal", "webcals", "ftp", "ftps"})


class CalendarImportError(ValueError):
    """A calendar file cannot be imported; nothing was written. The message is for people."""


def resolve_local_path(text: str) -> Path:
    """Return the absolute path a user typed, refusing anything that is not a local file.

    ``file://`` URLs are accepted (file managers copy them); every other URL is refused
    with a message saying what to do instead.

    Raises:
        CalendarImportError: For a URL or an empty path.
    """
    stripped = text.strip()
    if not stripped:
        raise CalendarImportError("No calendar file was given.")
    match = _URL.match(stripped)
    if match is not None:
        scheme = match["scheme"].lower()
        if scheme == "file":
            stripped = _file_url_path(stripped)
        elif scheme in _REMOTE_SCHEMES:
            raise CalendarImportError(
                f"{stripped} is a web address. FocusApp reads only calendar files on this "
                "computer and never downloads anything: save the calendar as an .ics file "
                "(your calendar's export, or open the link in a browser) and import that file."
            )
        else:
            raise CalendarImportError(f"{stripped} is not a file on this computer.")
    try:
        return Path(stripped).expanduser().resolve()
    except RuntimeError:  # Python 3.11 reports a loop of symbolic links this way
        raise CalendarImportError(f"{stripped} is a loop of symbolic links.") from None
    except OSError as error:
        raise CalendarImportError(
            f"{stripped} cannot be read ({error.strerror or error})."
        ) from None


def read_calendar_bytes(path: Path) -> bytes:
    """Return the file's bytes; a folder, FIFO, device or oversized file is refused unread.

    The size cap is decided before the first byte is read and a FIFO is never waited on,
    so a path typed by mistake (or a hostile watch list) can neither hang nor fill memory.

    Raises:
        CalendarImportError: If the file is refused or cannot be read.
    """
    try:
        return read_regular_file(path, MAX_ICS_BYTES)
    except FileRefusedError as error:
        raise CalendarImportError(f"{error}.") from None


def _file_url_path(url: str) -> str:
    """Return the local path of a ``file://`` URL (``file:///a%20b`` is ``/a b``).

    Written out rather than taken from urllib, so no module of FocusApp even names a
    networking library; a file URL's host can only be empty or ``localhost``.
    """
    rest = url.split(":", 1)[1]
    if rest.startswith("//"):
        host, _, path = rest[2:].partition("/")
        rest = "/" + path if host.lower() in ("", "localhost") else rest
    raw = re.sub(rb"%([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), rest.encode())
    return raw.decode("utf-8", errors="replace")

"""The user's IANA time zone, read from the system (``TZ``, ``/etc/localtime``)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_ZONEINFO_MARKER = "zoneinfo/"


def _valid(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name.strip().lstrip(":"))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def detect_zone() -> ZoneInfo:
    """Return the system's IANA zone, falling back to UTC when it cannot be named.

    An IANA name (not just an offset) is needed so that DST changes move day boundaries
    and reminders correctly.
    """
    candidates: list[str | None] = [os.environ.get("TZ")]
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
        if _ZONEINFO_MARKER in target:
            candidates.append(target.split(_ZONEINFO_MARKER, 1)[1])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        zone = _valid(name)
        if zone is not None:
            return zone
    return ZoneInfo("UTC")

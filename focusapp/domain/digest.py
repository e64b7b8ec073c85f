"""SHA-256 without OpenSSL: the two short digests the always-on tray needs.

``hashlib`` loads OpenSSL's libcrypto on import, about 3.7 MB of resident memory, which the
light tray would carry all day for a socket name and a forecast series id. CPython's own
SHA-256 gives the same digest; ``hashlib`` stays the fallback where that module is missing.
"""

from __future__ import annotations

from typing import Protocol


class _Hash(Protocol):
    def hexdigest(self) -> str: ...


def _sha256(data: bytes) -> _Hash:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # CPython 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found]  # CPython 3.12+
        except ImportError:
            from hashlib import sha256
    digest: _Hash = sha256(data)
    return digest


def sha256_hex(data: bytes) -> str:
    """Return the SHA-256 of ``data`` in hexadecimal, as ``hashlib.sha256`` would."""
    return _sha256(data).hexdigest()

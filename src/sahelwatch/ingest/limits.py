"""Size and time limits, and the words users see when one is hit.

Every reader goes through ``read_capped`` so that no input, however it
lies about its size, makes sahelwatch hold more than ``max_bytes + 1``
bytes of it.
"""

from __future__ import annotations

from typing import BinaryIO, Final

_UNITS: Final = ("KB", "MB", "GB", "TB")
_CHUNK: Final = 64 * 1024


def human_size(size: int) -> str:
    """``5583457484`` → ``"5.2 GB"``: binary multiples, at most one decimal."""
    if size < 1024:
        return "1 byte" if size == 1 else f"{size} bytes"
    value = float(size)
    for unit in _UNITS:  # noqa: B007 - the unit the loop stops at is the answer
        value /= 1024
        if value < 1024:
            break
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def too_large_reason(size: int | None, limit: int, what: str) -> str:
    """``"5.2 GB exceeds the 10 MB size limit"``, or ``"<what> exceeds ..."``.

    The size is left out when unknown, or when it rounds to the limit itself,
    where "10 MB exceeds the 10 MB size limit" would read as a contradiction.
    """
    cap = human_size(limit)
    if size is None or human_size(size) == cap:
        return f"{what} exceeds the {cap} size limit"
    return f"{human_size(size)} exceeds the {cap} size limit"


def human_seconds(seconds: float) -> str:
    """``15.0`` → ``"15 s"``, ``0.5`` → ``"0.5 s"``."""
    return f"{seconds:g} s"


def read_capped(stream: BinaryIO, limit: int) -> bytes:
    """Read to the end or to ``limit + 1`` bytes, whichever comes first.

    One byte past the limit is how a caller tells "exactly at the limit" from
    "over it" without reading the rest.
    """
    parts: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = stream.read(min(_CHUNK, remaining))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)

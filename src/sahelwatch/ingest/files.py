"""Read one file's bytes, refusing what is empty, too large or not a file.

The size is judged from ``fstat`` on the opened descriptor, so a 5 GB file
is refused without reading a byte of it, and the file checked is the file
read (no gap in which it could be swapped).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sahelwatch.errors import EmptyInput, InputError, TooLarge, UnreadableInput, UnsupportedInput

from .limits import read_capped, too_large_reason
from .options import Source

# Opening a FIFO for reading blocks until a writer appears; non-blocking open
# returns at once so fstat can refuse it. It changes nothing for regular files.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_file_bytes(source: Source, max_bytes: int) -> bytes:
    """All of the file, or an ``InputError`` saying why not."""
    try:
        descriptor = os.open(source.location, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableInput(source.name, os_reason(error)) from error
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableInput(source.name, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise UnsupportedInput(source.name, "not a regular file")
        if info.st_size > max_bytes:
            raise TooLarge(source.name, too_large_reason(info.st_size, max_bytes, "file"))
    except InputError:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as stream:
        try:
            data = read_capped(stream, max_bytes)
        except OSError as error:
            raise UnreadableInput(source.name, os_reason(error)) from error
    if len(data) > max_bytes:  # the file grew after fstat
        raise TooLarge(source.name, too_large_reason(None, max_bytes, "file"))
    if not data:
        raise EmptyInput(source.name, "file is empty")
    return data


def file_uri(location: str) -> str:
    """The ``file://`` URI a document from ``location`` is known by.

    Symlinks are resolved so one file reached by two paths has one URI.
    """
    return Path(location).resolve().as_uri()


def os_reason(error: OSError) -> str:
    """The OS's own short words ("permission denied"), without errno or path."""
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return (error.strerror or type(error).__name__).lower()

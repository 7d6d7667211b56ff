"""Turn what the user typed (paths, directories, globs, URLs) into a list of sources.

Expansion is separate from reading so that a caller can count the work
before doing it (a progress bar needs a total) and so that a mistyped path
is reported once, up front, instead of surfacing halfway through a batch.
Listings are sorted so two runs over the same tree read it in the same order.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from sahelwatch.errors import FetchError, InputError, UnreadableInput, UnsupportedInput

from .files import os_reason
from .formats import SUPPORTED_SUFFIXES, format_for_name
from .options import Source

_SCHEME = re.compile(r"\A([a-zA-Z][a-zA-Z0-9+.-]*)://")
_GLOB_MAGIC = re.compile(r"[*?[]")

_Found = Source | InputError


def expand_targets(targets: Sequence[str]) -> tuple[list[Source], list[InputError]]:
    """Sources in the order given (each directory sorted), and one error per bad target.

    A file reached twice (named and inside a named directory, or by two
    globs) is listed once, where it first appeared, so it is not ingested
    twice in one batch.
    """
    sources: list[Source] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for target in targets:
        for found in _expand_one(target):
            if isinstance(found, InputError):
                errors.append(found)
            elif found.location not in seen:
                seen.add(found.location)
                sources.append(found)
    return sources, errors


def _expand_one(target: str) -> Iterator[_Found]:
    if not target.strip():
        yield UnreadableInput(repr(target), "empty path")
        return
    scheme = _SCHEME.match(target)
    if scheme is not None:
        yield _url_source(target, scheme.group(1).lower())
        return
    path = Path(target).expanduser()
    if path.is_symlink() or path.exists():
        yield from _expand_path(target, path, named=True)
    elif _GLOB_MAGIC.search(target):
        yield from _expand_glob(target, str(path))
    else:
        yield UnreadableInput(target, "no such file or directory")


def _url_source(target: str, scheme: str) -> _Found:
    if scheme == "file":
        # file:// URIs are what RawDocument.uri holds, so re-reading one must work.
        path = Path(url2pathname(urlsplit(target).path))
        if not (path.is_symlink() or path.exists()):
            return UnreadableInput(target, "no such file or directory")
        found = list(_expand_path(target, path, named=True))
        return found[0] if len(found) == 1 else UnsupportedInput(target, "not a single file")
    if scheme not in ("http", "https"):
        return UnsupportedInput(target, f"unsupported URL scheme '{scheme}' (use http or https)")
    try:
        host = urlsplit(target).hostname
    except ValueError as error:
        return FetchError(target, f"not a valid URL: {error}")
    if not host:
        return FetchError(target, "URL has no host")
    return Source(name=target, location=target, kind="url")


def _expand_glob(target: str, pattern: str) -> Iterator[_Found]:
    # pathlib's glob takes only relative patterns; users type absolute ones too.
    matches = sorted(glob.glob(pattern, recursive=True))  # noqa: PTH207
    if not matches:
        yield UnreadableInput(target, "no file matches this pattern")
        return
    found_any = False
    for match in matches:
        for found in _expand_path(match, Path(match), named=False):
            found_any = True
            yield found
    if not found_any:
        yield UnsupportedInput(
            target,
            f"none of the {len(matches)} matching files is of a supported type "
            f"({', '.join(SUPPORTED_SUFFIXES)})",
        )


def _expand_path(name: str, path: Path, *, named: bool) -> Iterator[_Found]:
    """Expand one existing path; ``named`` files were asked for by name, so an
    unsupported type is an error rather than something to skip."""
    try:
        info = path.stat()
    except OSError as error:
        yield UnreadableInput(name, _stat_reason(path, error))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(name, path, {(info.st_dev, info.st_ino)})
    elif not stat.S_ISREG(info.st_mode):
        if named:
            yield UnsupportedInput(name, "not a regular file")
    elif format_for_name(path.name) is None:
        if named:
            yield UnsupportedInput(name, _unsupported_reason(path))
    else:
        yield _file_source(name, path)


def _walk(name: str, path: Path, ancestors: set[tuple[int, int]]) -> Iterator[_Found]:
    """Depth-first, entries sorted by name; hidden entries and unsupported files skipped.

    ``ancestors`` holds the directories on the current branch so a symlink
    back up the tree is not followed forever.
    """
    try:
        with os.scandir(path) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield UnreadableInput(name, os_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = os.path.normpath(Path(name) / entry.name)
        try:
            info = entry.stat()
        except OSError as error:
            yield UnreadableInput(child, _stat_reason(Path(entry.path), error))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key not in ancestors:
                yield from _walk(child, Path(entry.path), ancestors | {key})
        elif stat.S_ISREG(info.st_mode) and format_for_name(entry.name) is not None:
            yield _file_source(child, Path(entry.path))


def _file_source(name: str, path: Path) -> _Found:
    # os.access is the only check that sees ACLs and read-only mounts the way
    # open() will; reporting it here keeps the error in the up-front list.
    if not os.access(path, os.R_OK):
        return UnreadableInput(name, "permission denied")
    return Source(name=name, location=os.path.normpath(path.absolute()), kind="file")


def _unsupported_reason(path: Path) -> str:
    suffix = path.suffix
    what = f"'{suffix}'" if suffix else "without a suffix"
    return f"unsupported file type {what} (sahelwatch reads {', '.join(SUPPORTED_SUFFIXES)})"


def _stat_reason(path: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError) and path.is_symlink():
        return f"broken symbolic link to {path.readlink()}"
    return os_reason(error)

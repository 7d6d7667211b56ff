"""What a caller tells ingest: which inputs to read and how cautiously.

Both classes are frozen so one ``IngestOptions`` can be shared by worker
threads and used as a cache key, and a ``Source`` can travel to another
process unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from typing import Literal

from sahelwatch.errors import ConfigError

SourceKind = Literal["file", "url"]


def _package_version() -> str:
    # A source checkout that was never installed has no metadata; the user agent
    # must still be well-formed, so it says version 0 rather than failing.
    try:
        return metadata.version("sahelwatch")
    except metadata.PackageNotFoundError:
        return "0"


#: Names the tool and how to reach its authors, as polite crawlers do, so a site
#: operator who sees it in a log knows who fetched what and why.
DEFAULT_USER_AGENT = (
    f"sahelwatch/{_package_version()} (+https://github.com/sahelwatch/sahelwatch; news research)"
)


@dataclass(frozen=True)
class IngestOptions:
    """Limits that keep one hostile or broken input from hurting the batch.

    ``max_bytes`` caps every file and every HTTP body: nothing larger is read
    into memory. ``allow_private`` lets URLs reach loopback and private
    networks (a local test server, an intranet mirror); link-local, multicast
    and unspecified addresses stay refused regardless, because cloud metadata
    endpoints live there.
    """

    max_bytes: int = 10 * 1024 * 1024
    allow_private: bool = False
    timeout: float = 15.0
    user_agent: str = DEFAULT_USER_AGENT
    respect_robots: bool = True

    def __post_init__(self) -> None:
        # A zero limit would refuse every input with a misleading "too large".
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive, not {self.max_bytes}")
        if not self.timeout > 0:
            raise ConfigError(f"timeout must be a positive number of seconds, not {self.timeout}")


@dataclass(frozen=True)
class Source:
    """One input as the user named it, and where it actually is.

    ``name`` is what messages print (the path as typed, a path inside a
    directory the user gave, or the URL), so a user recognises their own
    words; ``location`` is an absolute path or the URL, so reading does not
    depend on the working directory.
    """

    name: str
    location: str
    kind: SourceKind

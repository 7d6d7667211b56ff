"""robots.txt rules, as RFC 9309 says to read them, cached per origin.

A batch often holds many articles from one site; the rules are fetched
once per origin and kept for a few minutes, shared by all threads. The
fetching itself is done by ``web`` through the same guarded client as the
pages, so a robots.txt cannot be used to reach a private address either.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Final
from urllib.robotparser import RobotFileParser

#: RFC 9309 asks crawlers to read at least 500 KiB and allows ignoring the rest.
MAX_ROBOTS_BYTES: Final = 512 * 1024
_TTL_SECONDS: Final = 600.0
_MAX_ORIGINS: Final = 512


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt allows; ``parser is None`` means a blanket verdict."""

    parser: RobotFileParser | None
    allow_all: bool
    why: str = ""

    def allows(self, user_agent: str, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(user_agent, url)


def rules_from_response(status: int, body: bytes) -> RobotsRules:
    """The rules a robots.txt response means (RFC 9309 section 2.3.1).

    4xx means there are no rules (allow all); 5xx means the site is in
    trouble and crawlers must stay away; only 2xx has rules to parse.
    """
    if 200 <= status < 300:
        parser = RobotFileParser()
        parser.parse(body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
        return RobotsRules(parser=parser, allow_all=False)
    if 400 <= status < 500:
        return RobotsRules(parser=None, allow_all=True)
    return RobotsRules(parser=None, allow_all=False, why=f"robots.txt answered HTTP {status}")


def unreachable(why: str) -> RobotsRules:
    """Rules for a robots.txt that could not be fetched at all: stay away (RFC 9309 2.3.1.4)."""
    return RobotsRules(parser=None, allow_all=False, why=why)


class _Cache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, RobotsRules]] = {}

    def get(self, origin: str) -> RobotsRules | None:
        with self._lock:
            entry = self._entries.get(origin)
            if entry is None or time.monotonic() - entry[0] > _TTL_SECONDS:
                return None
            return entry[1]

    def put(self, origin: str, rules: RobotsRules) -> None:
        with self._lock:
            if len(self._entries) >= _MAX_ORIGINS:
                oldest = min(self._entries, key=lambda key: self._entries[key][0])
                del self._entries[oldest]
            self._entries[origin] = (time.monotonic(), rules)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_cache = _Cache()
cached_rules = _cache.get
remember_rules = _cache.put
#: Forget every origin's rules (tests; a long-running server after a site changes them).
clear_cache = _cache.clear

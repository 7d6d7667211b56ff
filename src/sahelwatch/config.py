"""Where sahelwatch keeps its data, and the limits it applies, from the environment.

Resolution order for the database: an explicit URL (``--db``), then
``SAHELWATCH_DB``, then a SQLite file in ``SAHELWATCH_HOME`` (default
``./data``), so a newcomer needs no configuration at all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sahelwatch.errors import ConfigError

DEFAULT_HOME = "data"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r}: not a whole number") from exc
    if value <= 0:
        raise ConfigError(f"{name}={raw!r}: must be positive")
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    database_url: str
    max_bytes: int

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        home = Path(os.environ.get("SAHELWATCH_HOME") or DEFAULT_HOME)
        url = database_url or os.environ.get("SAHELWATCH_DB")
        if not url:
            url = f"sqlite:///{(home / 'sahelwatch.db').resolve()}"
        return cls(
            home=home,
            database_url=url,
            max_bytes=_int_env("SAHELWATCH_MAX_BYTES", DEFAULT_MAX_BYTES),
        )

"""The one error a domain pack raises, shaped like a compiler diagnostic.

A pack is edited by hand, so a mistake must point at the exact line to fix:
the message is always ``file:line: reason`` on one line, which editors and
terminals turn into a clickable location and the CLI prints as is.
"""

from __future__ import annotations

from sahelwatch.errors import ConfigError


class PackError(ConfigError):
    """A domain pack cannot be loaded: bad YAML, a bad field, a dangling id, ..."""

    def __init__(self, file: str, line: int | None, reason: str) -> None:
        where = f"{file}:{line}" if line is not None else file
        # A reason quoting YAML or user text could carry a newline; the contract is one line.
        one_line = " ".join(reason.split())
        super().__init__(f"{where}: {one_line}")
        self.file = file
        self.line = line
        self.reason = one_line

"""Every error sahelwatch raises on purpose derives from one root.

    SahelwatchError
    ├── ConfigError            a setting or option that cannot work (bad database URL, ...)
    ├── StoreError             the database refused or is in an unexpected state
    ├── ExportError            an export could not be produced or fails its own schema
    ├── NotFoundError          an id or name the user asked for is not in the store
    ├── UsageError             options that cannot work together or an unknown choice
    └── InputError             one input (file, record, URL) cannot be used; carries the input
        ├── EmptyInput
        ├── TooLarge
        ├── UnreadableInput    permissions, I/O, a directory entry that vanished
        ├── BinaryInput        bytes that are not text in any encoding we can detect
        ├── MalformedInput     broken JSON, a feed that is not XML, a truncated archive, ...
        ├── UnsupportedInput   a file type we do not read
        └── FetchError         an http(s) URL that could not be fetched
            └── BlockedAddress a URL that resolves to a private or loopback address

The CLI prints ``str(error)`` as the one line a user sees: every ``InputError``
names its input first, then the reason, so a batch log reads like a list of
``input: reason`` lines. Subclasses exist so tests and callers can tell reasons
apart without parsing text; ``kind`` is the stable short code stored with an
ingest failure.
"""

from __future__ import annotations


class SahelwatchError(Exception):
    """Root of every error raised on purpose by sahelwatch."""


class ConfigError(SahelwatchError):
    """A setting cannot work as given."""


class StoreError(SahelwatchError):
    """The database refused an operation or holds something unexpected."""


class ExportError(SahelwatchError):
    """An export cannot be written, or does not satisfy its published schema."""


class InputError(SahelwatchError):
    """One input cannot be ingested; the rest of a batch goes on."""

    kind = "invalid"

    def __init__(self, input_name: str, reason: str) -> None:
        super().__init__(f"{input_name}: {reason}")
        self.input_name = input_name
        self.reason = reason


class EmptyInput(InputError):
    kind = "empty"


class TooLarge(InputError):
    kind = "too_large"


class UnreadableInput(InputError):
    kind = "unreadable"


class BinaryInput(InputError):
    kind = "binary"


class MalformedInput(InputError):
    kind = "malformed"


class UnsupportedInput(InputError):
    kind = "unsupported"


class FetchError(InputError):
    kind = "fetch"


class BlockedAddress(FetchError):
    kind = "blocked_address"


class NotFoundError(SahelwatchError):
    """Something the user asked for by name or id is not in the store."""


class UsageError(SahelwatchError):
    """A command was given options it cannot honour (an unknown format, ...)."""

"""JSON and JSON Lines files: one article per record.

These are what scrapers and news APIs export. A record names its content
``text`` (already plain) or ``html`` (a page to clean); everything else it
prints beside the content (title, URL, date, ...) becomes hints, because a
scraper's metadata is often better than what can be read back from the text.
A bad record costs only itself: the file's other records still count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Final

from sahelwatch import model
from sahelwatch.errors import EmptyInput, InputError, MalformedInput

from .outcomes import Outcome, failure

#: Hint name → record keys that may carry it, first match wins.
_HINT_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "title": ("title",),
    "url": ("url", "link"),
    "date": ("date", "published"),
    "author": ("author", "byline"),
    "site_name": ("site_name",),
    "lang": ("lang", "language"),
}
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
#: Keys under which an object may wrap its list of records.
_LIST_KEYS: Final = ("records", "articles", "items", "documents")
#: Content keys in order of preference: a scraper's ``text`` is what it judged
#: to be the story, so it wins over the page it came from.
_CONTENT_KEYS: Final = (("text", model.TEXT), ("html", model.HTML))


def read_json(name: str, uri: str, data: bytes, fetched_at: datetime) -> Iterator[Outcome]:
    """A ``.json`` file: one record object, or a list of them (bare or wrapped)."""
    parsed = _parse(name, data)
    if isinstance(parsed, dict):
        records = _wrapped_list(parsed)
        if records is None:
            # The file is the record: its failure is the file's failure.
            yield record_document(parsed, name=name, uri=uri, fetched_at=fetched_at)
            return
    elif isinstance(parsed, list):
        records = parsed
    else:
        raise MalformedInput(
            name, f"expected a JSON object or a list of records, found {_json_type(parsed)}"
        )
    if not records:
        raise EmptyInput(name, "the JSON list holds no records")
    for number, record in enumerate(records, start=1):
        try:
            document = record_document(
                record,
                name=f"{name}:record {number}",
                uri=f"{uri}#record={number}",
                fetched_at=fetched_at,
            )
        except InputError as error:
            yield failure(error, fetched_at)
        else:
            yield document


def read_jsonl(name: str, uri: str, data: bytes, fetched_at: datetime) -> Iterator[Outcome]:
    """A ``.jsonl`` file: one record per line, blank lines skipped.

    When no line at all is JSON (a pretty-printed ``.json`` saved as
    ``.jsonl``, a binary file) the file fails once, instead of once per line.
    """
    outcomes: list[Outcome] = []
    first_error: MalformedInput | None = None
    parsed_any = False
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        line_name = f"{name}:{number}"
        try:
            record = _parse(line_name, line, one_line=True)
        except MalformedInput as error:
            first_error = first_error or error
            outcomes.append(failure(error, fetched_at))
            continue
        parsed_any = True
        try:
            outcomes.append(
                record_document(
                    record, name=line_name, uri=f"{uri}#line={number}", fetched_at=fetched_at
                )
            )
        except InputError as error:
            outcomes.append(failure(error, fetched_at))
    if not outcomes:
        raise EmptyInput(name, "no records (only blank lines)")
    if not parsed_any and first_error is not None:
        where = first_error.input_name.rpartition(":")[2]
        detail = first_error.reason.removeprefix("not valid JSON: ")
        raise MalformedInput(name, f"no line is valid JSON (line {where}: {detail})")
    yield from outcomes


def record_document(
    record: object, *, name: str, uri: str, fetched_at: datetime
) -> model.RawDocument:
    """The document one record holds, or an ``InputError`` named ``name``."""
    if not isinstance(record, dict):
        raise MalformedInput(name, f"record is {_json_type(record)}, not an object")
    content: str | None = None
    media_type = model.TEXT
    blank_key: str | None = None
    for key, media in _CONTENT_KEYS:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise MalformedInput(name, f"'{key}' is {_json_type(value)}, not a string")
        if value.strip():
            content, media_type = value, media
            break
        blank_key = blank_key or key
    if content is None:
        if blank_key is not None:
            raise EmptyInput(name, f"the record's '{blank_key}' is empty")
        raise MalformedInput(name, "record has neither 'text' nor 'html'")
    # The bytes are ours, encoded here, so the charset is a fact, not a guess.
    hints = {"charset": "utf-8", **_hints(record)}
    return model.RawDocument(
        uri=uri,
        content=_utf8(content),
        media_type=media_type,
        fetched_at=fetched_at,
        hints=hints,
    )


def _parse(name: str, data: bytes, *, one_line: bool = False) -> object:
    try:
        return json.loads(data)
    except json.JSONDecodeError as error:
        # Inside a JSONL line the line number is already in ``name``.
        where = f"column {error.colno}" if one_line else f"line {error.lineno} column {error.colno}"
        raise MalformedInput(name, f"not valid JSON: {error.msg} at {where}") from error
    except UnicodeDecodeError as error:
        raise MalformedInput(
            name, f"not valid JSON: bytes are not UTF-8 ({error.reason} at byte {error.start})"
        ) from error
    except RecursionError as error:
        raise MalformedInput(name, "not valid JSON: nested too deeply") from error


def _wrapped_list(record: Mapping[str, object]) -> list[object] | None:
    if any(key in record for key, _ in _CONTENT_KEYS):
        return None
    for key in _LIST_KEYS:
        value = record.get(key)
        if isinstance(value, list):
            return value
    return None


def _hints(record: Mapping[str, object]) -> dict[str, str]:
    hints: dict[str, str] = {}
    for hint, keys in _HINT_KEYS.items():
        for key in keys:
            value = record.get(key)
            if isinstance(value, str) and value.strip():
                hints[hint] = value.strip()
                break
            if isinstance(value, int | float) and not isinstance(value, bool):
                hints[hint] = str(value)  # an epoch date, a numeric id: clean decides
                break
    return hints


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # JSON can spell an unpaired surrogate ("\ud800"), which UTF-8 cannot;
        # it carries no text, so it becomes the replacement character.
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"

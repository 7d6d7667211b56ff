"""Bytes to text, for inputs whose encoding nobody can be trusted about.

News copied off the web arrives as UTF-8, as Windows-1252 saved by an old
editor, as Latin-1 with a header claiming UTF-8, or as a PDF someone named
``.txt``. The order below trusts the strongest evidence first (a BOM), then
the container's word, but lets the bytes contradict a declaration that cannot
be right; statistical guessing comes last because it is slow and, on short
Western text, often picks an exotic code page.
"""

# Pages print typographic quotes and dashes; RUF001 would confuse them with ASCII.

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from sahelwatch.errors import BinaryInput

#: Binary detection only looks at this many leading bytes, so big inputs stay cheap.
SNIFF_BYTES = 8192
_CONTROL_SHARE = 0.05
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"\x7fELF")
# Bytes that never occur in text: C0 controls other than tab, LF, VT, FF, CR, ESC.
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x1B), 0x1C, 0x1D, 0x1E, 0x1F, 0x7F])
# Browsers read Latin-1 labels as Windows-1252; so does most of the web's text.
_SINGLE_BYTE_ALIASES = {"latin1": "cp1252", "iso88591": "cp1252", "ascii": "cp1252"}
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_WESTERN_SAMPLE = 65536
_WESTERN_PUNCT = frozenset("’‘“”«»–—…•·°€£©®™§¶¿¡ ×÷±½¼¾ºª")


def decode_text(content: bytes, *, declared: str | None, input_name: str) -> str:
    """Decode ``content``, or raise ``BinaryInput`` when it is not text.

    Order: byte-order mark; the declared charset (unless the bytes are valid
    UTF-8 and the declaration is a single-byte code page, the classic
    mis-declaration); strict UTF-8; Windows-1252 when the result reads as
    Western text; charset-normalizer.
    """
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            try:
                return _checked(content[len(bom) :].decode(encoding), input_name)
            except UnicodeDecodeError:
                raise BinaryInput(
                    input_name, f"invalid {encoding} after its byte-order mark"
                ) from None
    _sniff_binary(content, input_name)
    codec = _codec_name(declared)
    if codec is not None:
        text = _try_declared(content, codec)
        if text is not None:
            return _checked(text, input_name)
    try:
        return _checked(content.decode("utf-8"), input_name)
    except UnicodeDecodeError:
        pass
    western = _western(content)
    if western is not None:
        return _checked(western, input_name)
    best = from_bytes(content).best()
    if best is None:
        raise BinaryInput(input_name, "no text encoding fits these bytes")
    return _checked(str(best), input_name)


def _sniff_binary(content: bytes, input_name: str) -> None:
    head = content[:SNIFF_BYTES]
    if head.startswith(_MAGIC):
        raise BinaryInput(input_name, "binary file signature")
    if b"\x00" in head:
        raise BinaryInput(input_name, "NUL bytes in what should be text")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > _CONTROL_SHARE:
        raise BinaryInput(input_name, "too many control bytes for text")


def _checked(text: str, input_name: str) -> str:
    """Reject text whose decoding 'worked' but produced control characters."""
    head = text[:SNIFF_BYTES]
    if "\x00" in head:
        raise BinaryInput(input_name, "NUL characters in decoded text")
    if head and len(_CONTROL_CHARS.findall(head)) / len(head) > _CONTROL_SHARE:
        raise BinaryInput(input_name, "too many control characters for text")
    return text


def _codec_name(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name
    except LookupError:
        return None
    return _SINGLE_BYTE_ALIASES.get(name.replace("-", "").replace("_", ""), name)


def _try_declared(content: bytes, codec: str) -> str | None:
    if codec != "utf-8" and _is_single_byte(codec):
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if not text.isascii():
                return text  # valid multi-byte UTF-8 is almost never a single-byte text
    try:
        return content.decode(codec)
    except UnicodeDecodeError:
        return None


def _is_single_byte(codec: str) -> bool:
    return codec.startswith(("cp", "iso8859", "latin", "mac", "windows", "koi8"))


def _western(content: bytes) -> str | None:
    """Windows-1252 (Latin-1 superset) when the result looks like a Western language.

    Accented letters and typographic punctuation are few among mostly ASCII
    letters in English, French, Spanish or German; other code pages read as
    1252 give either undefined bytes or a soup of accented capitals.
    """
    try:
        text = content.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = non_ascii = 0
    for c in text[:_WESTERN_SAMPLE]:
        if c.isalpha():
            letters += 1
        if c > "\x7f":
            non_ascii += 1
            if not (c.isalpha() or c in _WESTERN_PUNCT):
                return None
    if letters == 0 or non_ascii / letters > 0.25:
        return None
    return text

"""decode_text: the right characters out of whatever bytes arrive, or BinaryInput."""

# Typographic quotes, dashes and guillemets are the point of these samples.

from __future__ import annotations

import time

import pytest

from sahelwatch.clean import decode_text
from sahelwatch.errors import BinaryInput

FRENCH = "Le ministre a précisé que l’armée resterait déployée à Gao jusqu’en décembre."
ENGLISH = "The minister’s “new course” – announced on Monday – was welcomed by the envoy."


def decode(content: bytes, declared: str | None = None) -> str:
    return decode_text(content, declared=declared, input_name="sample.txt")


def test_clean_decode_utf8() -> None:
    assert decode(FRENCH.encode("utf-8")) == FRENCH


def test_clean_decode_utf8_with_bom_drops_the_bom() -> None:
    assert decode(b"\xef\xbb\xbf" + FRENCH.encode("utf-8")) == FRENCH


def test_clean_decode_utf16_with_bom() -> None:
    assert decode(FRENCH.encode("utf-16")) == FRENCH


def test_clean_decode_latin1_without_declaration() -> None:
    text = "Le comité a rejeté la décision prise à Niamey après la réunion."
    assert decode(text.encode("latin-1")) == text


def test_clean_decode_cp1252_typographic_quotes() -> None:
    assert decode(ENGLISH.encode("cp1252")) == ENGLISH


def test_clean_decode_declared_charset_is_used() -> None:
    assert decode(FRENCH.encode("cp1252"), declared="windows-1252") == FRENCH


def test_clean_decode_latin1_label_reads_as_cp1252() -> None:
    assert decode(ENGLISH.encode("cp1252"), declared="ISO-8859-1") == ENGLISH


def test_clean_decode_utf8_declared_as_latin1_comes_out_right() -> None:
    assert decode(FRENCH.encode("utf-8"), declared="iso-8859-1") == FRENCH


def test_clean_decode_cp1252_declared_as_utf8_comes_out_right() -> None:
    assert decode(FRENCH.encode("cp1252"), declared="utf-8") == FRENCH


def test_clean_decode_unknown_declared_charset_is_ignored() -> None:
    assert decode(FRENCH.encode("utf-8"), declared="x-no-such-charset") == FRENCH


def test_clean_decode_rejects_nul_bytes() -> None:
    with pytest.raises(BinaryInput) as caught:
        decode(b"\x00\x01\x02\x03binary\x00\xff" * 20)
    assert caught.value.input_name == "sample.txt"


def test_clean_decode_rejects_pdf_named_as_text() -> None:
    with pytest.raises(BinaryInput):
        decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


def test_clean_decode_rejects_control_byte_soup() -> None:
    blob = bytes((i * 7) % 32 for i in range(1, 2000) if (i * 7) % 32 not in (0, 9, 10, 13))
    with pytest.raises(BinaryInput):
        decode(blob)


def test_clean_decode_big_input_stays_fast() -> None:
    content = (ENGLISH + "\n").encode("utf-8") * 60_000  # about 5 MB
    started = time.perf_counter()
    assert decode(content).startswith(ENGLISH)
    assert time.perf_counter() - started < 2.0

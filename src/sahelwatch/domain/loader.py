"""Find a pack, read its files, validate it whole, hand back a ``DomainPack``.

A bare name ("sahel") means a pack shipped inside sahelwatch, found through
``importlib.resources`` so it works from a wheel as well as from a source
tree; anything else is a directory on disk. Every file a pack may hold is
known, so a misspelled file name is an error rather than a silently missing
part of the pack.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType

from sahelwatch.domain import nodes
from sahelwatch.domain.errors import PackError
from sahelwatch.domain.model import DomainPack, Lexicon
from sahelwatch.domain.read import (
    EntityDraft,
    TitleDraft,
    read_entities,
    read_lexicon,
    read_meta,
    read_titles,
)
from sahelwatch.domain.schema import (
    ENTITY_FILES,
    KNOWN_FILES,
    LEXICON_DIR,
    PACK_FILE,
    TITLES_FILE,
)
from sahelwatch.domain.validate import check_entities, check_titles

DEFAULT_PACK = "sahel"
_BUNDLED = "packs"
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_YAML_SUFFIXES = (".yaml", ".yml")


def load_pack(path_or_name: str | Path) -> DomainPack:
    """Load and validate a pack; ``PackError`` names the file and line of the first problem."""
    root, label = _locate(path_or_name)
    return _load(root, label)


@cache
def default_pack() -> DomainPack:
    """The bundled Sahel pack, loaded once per process (it never changes at run time)."""
    return load_pack(DEFAULT_PACK)


def bundled_packs() -> tuple[str, ...]:
    """Names of the packs shipped with sahelwatch."""
    packs = resources.files("sahelwatch.domain") / _BUNDLED
    return tuple(
        sorted(p.name for p in packs.iterdir() if p.is_dir() and (p / PACK_FILE).is_file())
    )


def _locate(path_or_name: str | Path) -> tuple[Traversable, str]:
    """The pack's folder, and how error messages should name it."""
    if isinstance(path_or_name, str) and _NAME.fullmatch(path_or_name):
        bundled = resources.files("sahelwatch.domain") / _BUNDLED / path_or_name
        if (bundled / PACK_FILE).is_file():
            return bundled, f"{_BUNDLED}/{path_or_name}"
        if not Path(path_or_name).is_dir():
            known = ", ".join(bundled_packs()) or "none"
            raise PackError(
                path_or_name, None, f"no such pack (bundled packs: {known}; or give a folder)"
            )
    path = Path(path_or_name)
    if not path.is_dir():
        raise PackError(str(path), None, "a domain pack is a folder holding pack.yaml")
    if not (path / PACK_FILE).is_file():
        raise PackError(str(path / PACK_FILE), None, "missing: every pack needs a pack.yaml")
    return path, str(path)


def _load(root: Traversable, label: str) -> DomainPack:
    _check_file_names(root, label)
    meta_file = f"{label}/{PACK_FILE}"
    meta = read_meta(nodes.parse(_read(root / PACK_FILE, meta_file), meta_file), meta_file)

    entities: list[EntityDraft] = []
    for spec in ENTITY_FILES:
        source = root / spec.file
        if source.is_file():
            file = f"{label}/{spec.file}"
            tree = nodes.parse(_read(source, file), file)
            entities += read_entities(tree, file, spec, meta.languages)
    check_entities(entities, meta.languages)

    titles: list[TitleDraft] = []
    if (root / TITLES_FILE).is_file():
        file = f"{label}/{TITLES_FILE}"
        titles = read_titles(
            nodes.parse(_read(root / TITLES_FILE, file), file), file, meta.languages
        )
    check_titles(titles, meta.languages)

    return DomainPack(
        id=meta.id,
        name=meta.name,
        description=meta.description,
        version=meta.version,
        languages=meta.languages,
        entities=tuple(d.entity for d in entities),
        titles=tuple(d.title for d in titles),
        lexicons=MappingProxyType(_lexicons(root, label, meta.languages)),
        source=label,
    )


def _lexicons(root: Traversable, label: str, languages: tuple[str, ...]) -> dict[str, Lexicon]:
    folder = root / LEXICON_DIR
    if not folder.is_dir():
        return {}
    lexicons: dict[str, Lexicon] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(_YAML_SUFFIXES):
            continue
        file = f"{label}/{LEXICON_DIR}/{entry.name}"
        lang = entry.name.rsplit(".", 1)[0]
        if lang not in languages:
            raise PackError(
                file,
                None,
                f"lexicon for a language the pack does not declare"
                f" (pack.yaml languages: {', '.join(languages)})",
            )
        lexicons[lang] = read_lexicon(nodes.parse(_read(entry, file), file), file, lang)
    return lexicons


def _check_file_names(root: Traversable, label: str) -> None:
    for entry in root.iterdir():
        if entry.name.endswith(_YAML_SUFFIXES) and entry.name not in KNOWN_FILES:
            raise PackError(
                f"{label}/{entry.name}",
                None,
                f"not a pack file (expected one of: {', '.join(KNOWN_FILES)},"
                f" {LEXICON_DIR}/<lang>.yaml)",
            )


def _read(source: Traversable, file: str) -> str:
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise PackError(file, None, f"cannot be read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise PackError(file, line, f"not UTF-8 text ({exc.reason})") from None

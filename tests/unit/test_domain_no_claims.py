"""The Sahel pack holds actors and places, never events, dates or claims.

The loader already refuses unknown fields; this scan also catches a claim
smuggled into a value ("founded 2023") or a field added to the format later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

FORBIDDEN_KEYS = re.compile(
    r"date|founded|founding|established|created|event|claim|role|office|position|since|until"
    r"|year|term|elected|appointed|leader|head|president|chair|commander|status|dissolved|left"
)
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def pack_files() -> Iterator[Traversable]:
    root = resources.files("sahelwatch.domain") / "packs" / "sahel"
    folders = [root]
    while folders:
        folder = folders.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                folders.append(entry)
            elif entry.name.endswith(".yaml"):
                yield entry


def walk(node: Node, path: str) -> Iterator[tuple[str, Node, bool]]:
    """Every (path, node, is_key) in a YAML tree."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield path, key, True
            yield from walk(value, f"{path}.{key.value}")
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield from walk(item, f"{path}[{index}]")
    else:
        yield path, node, False


def test_domain_sahel_pack_has_no_events_dates_or_claims() -> None:
    problems: list[str] = []
    files = list(pack_files())
    assert {f.name for f in files} >= {"pack.yaml", "states.yaml", "people.yaml", "titles.yaml"}
    for source in files:
        root = yaml.compose(source.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        if root is None:
            continue
        in_lexicon = source.name in {"en.yaml", "fr.yaml"}
        for path, node, is_key in walk(root, source.name):
            assert isinstance(node, ScalarNode)
            where = f"{source.name}:{node.start_mark.line + 1} ({path})"
            # Lexicon keys are event types and cue kinds: what to look for, not what happened.
            if is_key and not in_lexicon and FORBIDDEN_KEYS.search(str(node.value).lower()):
                problems.append(f"{where}: key {node.value!r}")
            if not is_key and YEAR.search(str(node.value)):
                problems.append(f"{where}: value {node.value!r} looks like a date")
    assert problems == []

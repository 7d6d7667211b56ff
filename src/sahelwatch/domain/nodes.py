"""Pack YAML read as nodes, so every value can be traced back to its line.

``yaml.safe_load`` returns plain dicts and forgets where things were; a pack
author who mistypes a field in a 600-line file needs the line. Composing
nodes keeps the marks, and converting them here by hand also lets us refuse
duplicate keys, which PyYAML silently drops.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Final

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sahelwatch.domain.errors import PackError
from sahelwatch.domain.text import clean_form

# libyaml's loader is several times faster; fall back quietly where it was not built.
_LOADER: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL: Final = "tag:yaml.org,2002:null"
_INT: Final = "tag:yaml.org,2002:int"
_FLOAT: Final = "tag:yaml.org,2002:float"


def parse(text: str, file: str) -> Node | None:
    """The file's single YAML document as a node tree (``None`` for an empty file)."""
    try:
        node: Node | None = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "cannot be parsed"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        raise PackError(file, mark.line + 1 if mark else None, f"invalid YAML: {problem}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        raise PackError(file, line, f"invalid YAML: {exc.reason}") from None
    except yaml.YAMLError as exc:
        raise PackError(file, None, f"invalid YAML: {exc}") from None
    return node


def line(node: Node) -> int:
    """1-based line where a node starts."""
    return int(node.start_mark.line) + 1


def describe(node: Node) -> str:
    """How a node reads in an error message: what was found instead."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if is_null(node):
        return "nothing"
    return repr(node.value)


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL


def mapping(node: Node, file: str, what: str) -> dict[str, tuple[Node, Node]]:
    """Key text to (key node, value node); keys must be unique text."""
    if not isinstance(node, MappingNode):
        raise PackError(file, line(node), f"{what} must be a mapping, not {describe(node)}")
    items: dict[str, tuple[Node, Node]] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or is_null(key_node):
            raise PackError(file, line(key_node), f"{what} has a key that is not text")
        key = str(key_node.value)
        if key in items:
            raise PackError(file, line(key_node), f"duplicate field {key!r} in {what}")
        items[key] = (key_node, value_node)
    return items


def check_fields(
    items: Mapping[str, tuple[Node, Node]],
    owner: Node,
    file: str,
    what: str,
    *,
    allowed: Collection[str],
    required: Collection[str] = (),
) -> None:
    """Refuse unknown fields (a typo must not be silently ignored) and missing ones."""
    for key, (key_node, _) in items.items():
        if key not in allowed:
            expected = ", ".join(sorted(allowed))
            raise PackError(
                file,
                line(key_node),
                f"unknown field {key!r} in {what} (expected one of: {expected})",
            )
    for key in required:
        if key not in items or is_null(items[key][1]):
            raise PackError(file, line(owner), f"missing required field {key!r} in {what}")


def text(node: Node, file: str, label: str) -> str:
    """A non-empty text value, taken as written.

    Any plain scalar counts as text: YAML 1.1 reads ``NO``, ``ON`` or ``1.0``
    as booleans and numbers, and an author listing an acronym or a version
    should not have to know that.
    """
    if not isinstance(node, ScalarNode) or is_null(node):
        raise PackError(file, line(node), f"{label} must be text, not {describe(node)}")
    value = clean_form(str(node.value))
    if not value:
        raise PackError(file, line(node), f"{label} must not be empty")
    return value


def optional_text(node: Node | None, file: str, label: str) -> str | None:
    return None if node is None or is_null(node) else text(node, file, label)


def number(node: Node, file: str, label: str) -> float:
    """A finite number; text that merely looks like one ("12.6") is refused."""
    if isinstance(node, ScalarNode) and node.tag in (_INT, _FLOAT):
        try:
            value = float(str(node.value).replace("_", ""))
        except ValueError:
            value = math.nan
        if math.isfinite(value):
            return value
    raise PackError(file, line(node), f"{label} must be a number, not {describe(node)}")


def optional_number(node: Node | None, file: str, label: str) -> float | None:
    return None if node is None or is_null(node) else number(node, file, label)


def text_list(node: Node, file: str, label: str) -> list[tuple[str, int]]:
    """A list of texts, each with its line (for errors found later, like clashes)."""
    if not isinstance(node, SequenceNode):
        raise PackError(file, line(node), f"{label} must be a list, not {describe(node)}")
    return [(text(item, file, f"an item of {label}"), line(item)) for item in node.value]


def optional_text_list(node: Node | None, file: str, label: str) -> list[tuple[str, int]]:
    return [] if node is None or is_null(node) else text_list(node, file, label)


def lang_lists(
    node: Node | None,
    file: str,
    label: str,
    languages: Collection[str],
) -> dict[str, list[tuple[str, int]]]:
    """``{lang: [text, ...]}`` where every key is one of ``languages``."""
    if node is None or is_null(node):
        return {}
    result: dict[str, list[tuple[str, int]]] = {}
    for lang, (key_node, value_node) in mapping(node, file, label).items():
        if lang not in languages:
            expected = ", ".join(sorted(languages))
            raise PackError(
                file,
                line(key_node),
                f"unknown language {lang!r} in {label} (expected one of: {expected})",
            )
        result[lang] = text_list(value_node, file, f"{label} [{lang}]")
    return result


def sequence(node: Node | None, file: str, what: str) -> list[Node]:
    """The items of a top-level list (an empty file is an empty list)."""
    if node is None or is_null(node):
        return []
    if not isinstance(node, SequenceNode):
        raise PackError(file, line(node), f"{what} must be a list, not {describe(node)}")
    return list(node.value)

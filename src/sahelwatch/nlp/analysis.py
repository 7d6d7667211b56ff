"""``analyze``: the pure function from a cleaned article to what it says.

No database and no state beyond the loaded models, so the same function runs
in a loop, in worker processes, or on a Dask cluster. Articles are grouped by
language so each spaCy pipeline sees its own batch through ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc

from sahelwatch.domain import DomainPack, default_pack
from sahelwatch.model import Article, ArticleAnalysis
from sahelwatch.nlp.claims import extract_claims
from sahelwatch.nlp.events import extract_events
from sahelwatch.nlp.mentions import extract_mentions
from sahelwatch.nlp.pipeline import load_pipeline, model_lang
from sahelwatch.nlp.quotes import extract_quotes
from sahelwatch.nlp.timex import find_time_expressions

#: Bump when analysis output changes, so stored rows say which code made them.
ANALYSIS_VERSION = "analyze-7"


def analyze(article: Article, *, pack: DomainPack | None = None) -> ArticleAnalysis:
    """What one article says: sentences, entity mentions, nationality relations."""
    return next(analyze_many([article], pack=pack))


def analyze_many(
    articles: Iterable[Article], *, pack: DomainPack | None = None, batch_size: int = 32
) -> Iterator[ArticleAnalysis]:
    """``analyze`` over many articles, in their order, batching per language."""
    pack = pack or default_pack()
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        by_lang: dict[str, list[int]] = {}
        for position, article in enumerate(batch):
            by_lang.setdefault(model_lang(article.lang), []).append(position)
        results: dict[int, ArticleAnalysis] = {}
        for lang, positions in by_lang.items():
            nlp = load_pipeline(lang, pack)
            texts = [batch[p].body for p in positions]
            for position, doc in zip(
                positions, nlp.pipe(texts, batch_size=batch_size), strict=True
            ):
                results[position] = _read(doc, batch[position], lang, pack)
        yield from (results[p] for p in range(len(batch)))


def _read(doc: Doc, article: Article, lang: str, pack: DomainPack) -> ArticleAnalysis:
    nlp = load_pipeline(lang, pack)
    mentions, nationalities = extract_mentions(doc, nlp, pack, lang)
    timexes = find_time_expressions(
        article.body, lang=article.lang, publication_date=article.publication_date
    )
    quotes = extract_quotes(doc, mentions, nationalities, lang, pack.states)
    events = extract_events(doc, nlp, article, mentions, nationalities, timexes, pack, lang, quotes)
    claims = extract_claims(doc, events, mentions, pack, timexes)
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    return ArticleAnalysis(
        article_id=article.id,
        lang=article.lang,
        pipeline_version=ANALYSIS_VERSION,
        sentences=sentences,
        mentions=tuple(mentions),
        nationalities=tuple(nationalities),
        timexes=tuple(timexes),
        events=tuple(events),
        claims=tuple(claims),
        quotes=tuple(quotes),
    )

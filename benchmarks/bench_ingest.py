"""Throughput and peak memory of sahelwatch on a generated corpus.

The corpus is made by recombining paragraphs of the demo corpus
(``examples/corpus``): each generated article takes a headline from one demo
article and a random run of paragraphs from others, with numbers and words
shuffled, then keeps some of the demo corpus' boilerplate. The result reads
like news copy, has the same noise, and is not a pile of near-duplicates.

Three stages are timed separately: ingest + clean + store; the analysis
itself (``analyze_many``: spaCy with the pack ruler, mention repair, time
expressions, events, quotes, claims: the pure function that scales out); and
the whole analysis step of an ingest (analysis + entity resolution + storage
+ event clustering). The analysis is compared with the baseline a user would
otherwise run: the same spaCy model's ``nlp.pipe`` over the same cleaned
texts, with nothing else.

This is a benchmark that prints figures, not a test: run it with ``make bench``.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from sahelwatch.config import Settings
from sahelwatch.nlp.analysis import analyze_many
from sahelwatch.nlp.pipeline import load_pipeline, load_raw_model
from sahelwatch.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
TAG = re.compile(r"<[^>]+>")


def demo_paragraphs(corpus: Path) -> tuple[list[str], list[str]]:
    """Headline-like lines and paragraphs found in the demo corpus, markup stripped."""
    headlines: list[str] = []
    paragraphs: list[str] = []
    for path in sorted(corpus.iterdir()):
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix in {".html", ".htm", ".rss", ".xml", ".jsonl"}:
            text = html.unescape(TAG.sub("\n", text.replace("\\n", "\n")))
        for block in re.split(r"\n\s*\n|\n", text):
            block = " ".join(block.split())
            words = block.split()
            if 4 <= len(words) <= 16 and not block.endswith("."):
                headlines.append(block)
            elif len(words) > 20:
                paragraphs.append(block)
    if not paragraphs:
        sys.exit(f"no paragraphs found in {corpus}: is the demo corpus there?")
    return headlines or ["Sahel news"], paragraphs


def perturb(paragraph: str, rng: random.Random) -> str:
    """Change numbers and swap a few words so no two generated texts share a hash."""
    paragraph = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), paragraph)
    words = paragraph.split()
    for _ in range(max(1, len(words) // 15)):
        i, j = rng.randrange(len(words)), rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    return " ".join(words)


NOISE = [
    "Related Articles\n\nAnother story about the region ...\n\nMore news from the capital ...",
    "Leave a Comment\n\nYour email address will not be published.",
    "0 Comment(s)",
    "References\nOutlet A. (2025, May 2). A report. https://example.org/a\n"
    "Outlet B. (2025, June 3). Another report. https://example.org/b",
]


def write_corpus(target: Path, count: int, seed: int) -> int:
    rng = random.Random(seed)
    headlines, paragraphs = demo_paragraphs(REPO / "examples" / "corpus")
    total_bytes = 0
    for n in range(count):
        title = perturb(rng.choice(headlines), rng).rstrip(".")
        k = min(len(paragraphs), rng.randint(4, 9))
        body = [perturb(p, rng) for p in rng.sample(paragraphs, k=k)]
        noise = rng.choice(NOISE) if rng.random() < 0.6 else ""
        if rng.random() < 0.3:
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in body)
            content = (
                f"<html><head><title>{html.escape(title)}</title></head><body>"
                f"<nav><a href='/'>Home</a> <a href='/sahel'>Sahel</a></nav>"
                f"<article><h1>{html.escape(title)}</h1>{paras}</article>"
                f"<footer>{html.escape(noise)}</footer></body></html>"
            )
            path = target / f"{n:05d}.html"
        else:
            content = "\n\n".join([title, *body, noise]).strip() + "\n"
            path = target / f"{n:05d}.txt"
        path.write_text(content, encoding="utf-8")
        total_bytes += len(content.encode())
    return total_bytes


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=2000, help="articles to generate")
    parser.add_argument("--seed", type=int, default=13, help="random seed of the generator")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sahelwatch-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = write_corpus(corpus, args.articles, args.seed)
        settings = Settings(
            home=Path(tmp), database_url=f"sqlite:///{tmp}/bench.db", max_bytes=10 * 1024 * 1024
        )
        with Workspace(settings=settings) as ws:
            start = time.perf_counter()
            report = ws.ingest([str(corpus)], analyze=False)
            ingest_s = time.perf_counter() - start
            ingest_peak = peak_mib()
            articles = [stored.article for stored in ws.store.iter_articles()]
            by_lang: dict[str, list[str]] = {}
            for article in articles:
                by_lang.setdefault(article.lang, []).append(article.body)
            for lang in by_lang:
                load_pipeline(lang, ws.pack)  # model loading is not throughput
            start = time.perf_counter()
            for _ in analyze_many(articles, pack=ws.pack):
                pass
            ours_s = time.perf_counter() - start
            start = time.perf_counter()
            analyzed = ws.analyze_pending()
            full_s = time.perf_counter() - start
        words = sum(len(a.body.split()) for a in articles)
        raw_s = 0.0
        for lang, texts in by_lang.items():
            raw = load_raw_model(lang)
            start = time.perf_counter()
            for _ in raw.pipe(texts, batch_size=32):
                pass
            raw_s += time.perf_counter() - start
    n = len(articles)
    print(
        f"corpus             {args.articles} generated articles, {size / 1e6:.1f} MB, "
        f"{words:,} words after cleaning, languages {', '.join(sorted(by_lang))}"
    )
    print(f"ingest result      {report.summary()}")
    print(
        f"ingest + clean     {ingest_s:.1f} s, {args.articles / ingest_s:.1f} articles/s, "
        f"peak RSS {ingest_peak:.0f} MiB"
    )
    print(
        f"raw nlp.pipe       {raw_s:.1f} s, {n / raw_s:.1f} articles/s, "
        f"{words / raw_s:,.0f} words/s"
    )
    print(
        f"analysis (ours)    {ours_s:.1f} s, {n / ours_s:.1f} articles/s, "
        f"{words / ours_s:,.0f} words/s, ratio ours/raw {raw_s / ours_s:.2f}"
    )
    print(
        f"+ resolve, store   {full_s:.1f} s for {analyzed} articles, {n / full_s:.1f} articles/s, "
        f"ratio to raw {raw_s / full_s:.2f} (entities, clusters, SQLite writes)"
    )
    print(f"peak RSS           {peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()

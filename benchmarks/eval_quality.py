"""Score sahelwatch on a gold corpus, beside plain spaCy NER, with the shared scorer.

The baseline is what a user would otherwise run: the same spaCy model with no
domain pack and no mention repair, each distinct (text, label) its own
entity. Both exports share sahelwatch's cleaned articles, so the comparison
is about reading the text, not about cleaning it.

Usage: python benchmarks/eval_quality.py [--corpus DIR] [--gold FILE]
(``make eval`` runs it on ../shared/seeds).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from sahelwatch.config import Settings
from sahelwatch.nlp.pipeline import load_raw_model
from sahelwatch.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BASELINE_TYPES = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "FAC",
    "NORP": "OTHER",
    "MISC": "OTHER",
}
SHOWN = [
    "articles_matched",
    "entity_p",
    "entity_r",
    "entity_f1",
    "alias_resolution",
    "event_f1",
    "event_date_acc",
    "cluster_p",
    "cluster_r",
    "cluster_f1",
    "conflict_recall",
    "quote_r",
    "quote_speaker_acc",
    "title_acc",
    "pubdate_acc",
    "boilerplate",
]


def baseline_export(ours: dict[str, Any]) -> dict[str, Any]:
    entities: dict[tuple[str, str], str] = {}
    mentions = []
    models: dict[str, Any] = {}
    for article in ours["articles"]:
        lang = article["lang"] if article["lang"] in ("en", "fr") else "en"
        nlp = models.setdefault(lang, load_raw_model(lang))
        for ent in nlp(article["body"]).ents:
            label = BASELINE_TYPES.get(ent.label_)
            if label is None:
                continue
            eid = entities.setdefault((ent.text, label), f"e{len(entities)}")
            mentions.append(
                {
                    "article": article["id"],
                    "entity": eid,
                    "start": ent.start_char,
                    "end": ent.end_char,
                    "text": ent.text,
                }
            )
    return {
        **ours,
        "entities": [
            {"id": i, "name": t, "type": label, "aliases": [t], "kb_id": None}
            for (t, label), i in entities.items()
        ],
        "mentions": mentions,
        "events": [],
        "quotes": [],
        "claims": [],
        "conflicts": [],
    }


def load_scorer(path: Path) -> ModuleType:
    """score.py as a module, to reuse its own matching rather than copy it."""
    spec = importlib.util.spec_from_file_location("sahel_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_languages(
    gold: dict[str, Any], export: dict[str, Any], scorer: ModuleType
) -> dict[str, str]:
    """Gold article id -> the language the export read that article in."""
    return {
        _gold_id(ga): ea["lang"]
        for ga in gold["articles"]
        for ea in export["articles"]
        if scorer.file_matches(ea["source_uri"], ga["file"])
    }


def gold_subset(gold: dict[str, Any], languages: dict[str, str], lang: str) -> dict[str, Any]:
    """The gold restricted to the articles read as ``lang``.

    Clusters keep only members in those articles, so ``cluster_r`` then counts
    pairs within the language; conflicts span languages and are left out.
    """
    kept = {gid for gid, found in languages.items() if found == lang}
    articles = [ga for ga in gold["articles"] if _gold_id(ga) in kept]
    clusters = [
        {**c, "members": [m for m in c.get("members") or [] if str(m[0]) in kept]}
        for c in gold.get("event_clusters") or []
    ]
    return {**gold, "articles": articles, "event_clusters": clusters, "conflicts": []}


def cross_language_pairs(
    gold: dict[str, Any], export: dict[str, Any], languages: dict[str, str], scorer: ModuleType
) -> tuple[int, int]:
    """Cross-language recall of cluster pairs, as score.py counts ``cluster_r``.

    Among gold events the scorer matched, the pairs that gold puts in one
    cluster and whose articles differ in language: (found, total), where found
    pairs share an export cluster.
    """
    run = scorer.Scorer(export, gold)
    run.run()
    cluster_of = {
        (str(m[0]), int(m[1])): ci
        for ci, c in enumerate(gold.get("event_clusters") or [])
        for m in c.get("members") or []
    }
    matched = dict(run.matched_events)
    total = found = 0
    for first, second in itertools.combinations(sorted(cluster_of), 2):
        same_language = languages.get(first[0]) == languages.get(second[0])
        if cluster_of[first] != cluster_of[second] or same_language:
            continue
        a, b = matched.get(first), matched.get(second)
        if a is None or b is None:
            continue
        total += 1
        found += a["cluster"] is not None and a["cluster"] == b["cluster"]
    return found, total


def _gold_id(article: dict[str, Any]) -> str:
    """The scorer's article id: the gold's ``id``, else the file name's prefix."""
    return str(article.get("id") or article["file"].split("_")[0])


def score(export: dict[str, Any], gold: Path, scorer: Path, tmp: Path, name: str) -> dict[str, Any]:
    path = tmp / f"{name}.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(scorer), "--export", str(path), "--gold", str(gold), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1):
        sys.exit(f"score.py failed on {name}: {result.stdout}{result.stderr}")
    metrics: dict[str, Any] = json.loads(result.stdout.splitlines()[0])
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "seeds")
    parser.add_argument("--gold", type=Path, default=SHARED / "eval" / "seeds.gold.json")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    args = parser.parse_args()
    for needed in (args.corpus, args.gold, args.scorer):
        if not needed.exists():
            sys.exit(f"{needed}: not found (the evaluation needs ../shared beside the repository)")
    with tempfile.TemporaryDirectory(prefix="sahelwatch-eval-") as name:
        tmp = Path(name)
        settings = Settings(home=tmp, database_url=f"sqlite:///{tmp}/eval.db", max_bytes=10 << 20)
        with Workspace(settings=settings) as ws:
            report = ws.ingest([str(args.corpus)])
            ours = ws.export()
        if not report.ok:
            print(f"warning: {len(report.failures)} input(s) failed to ingest", file=sys.stderr)
        baseline = baseline_export(ours)
        gold = json.loads(args.gold.read_text(encoding="utf-8"))
        columns = {"sahelwatch": score(ours, args.gold, args.scorer, tmp, "sahelwatch")}
        columns["plain spaCy"] = score(baseline, args.gold, args.scorer, tmp, "spacy")
        scorer = load_scorer(args.scorer)
        languages = gold_languages(gold, ours, scorer)
        langs = sorted({a["lang"] for a in ours["articles"]})
        if len(langs) > 1:
            for lang in langs:
                sub = tmp / f"gold-{lang}.json"
                sub.write_text(json.dumps(gold_subset(gold, languages, lang)), encoding="utf-8")
                columns[f"ours {lang}"] = score(ours, sub, args.scorer, tmp, f"ours-{lang}")
                columns[f"spaCy {lang}"] = score(baseline, sub, args.scorer, tmp, f"spacy-{lang}")
        found, total = cross_language_pairs(gold, ours, languages, scorer)
    print(f"{args.corpus} against {args.gold.name}\n")
    print(f"{'metric':<20}" + "".join(f"{name:>13}" for name in columns))
    for metric in SHOWN:
        cells = (columns[name].get(metric) for name in columns)
        print(f"{metric:<20}" + "".join(f"{'—' if v is None else f'{v:.3f}':>13}" for v in cells))
    if total:
        print(f"\ncross-language cluster_r: {found / total:.3f} ({found}/{total} pairs)")


if __name__ == "__main__":
    main()

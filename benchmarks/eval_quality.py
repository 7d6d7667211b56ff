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
import json
import subprocess
import sys
import tempfile
from pathlib import Path
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
    "entity_p",
    "entity_r",
    "entity_f1",
    "alias_resolution",
    "event_f1",
    "event_date_acc",
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
        ours_metrics = score(ours, args.gold, args.scorer, tmp, "sahelwatch")
        base_metrics = score(baseline_export(ours), args.gold, args.scorer, tmp, "spacy")
    print(f"{args.corpus} against {args.gold.name}\n")
    print(f"{'metric':<20}{'sahelwatch':>12}{'plain spaCy':>13}")
    for metric in SHOWN:
        ours_v, base_v = ours_metrics.get(metric), base_metrics.get(metric)
        fmt = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
        print(f"{metric:<20}{fmt(ours_v):>12}{fmt(base_v):>13}")


if __name__ == "__main__":
    main()

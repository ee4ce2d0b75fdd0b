"""Event typing in context: the trigger occurrences of a hand-labelled set, typed by the analysis.

Run: python bench/event_typing.py [GOLD.jsonl] [--texts DIR] [--corpus NAME ...] [--details]

GOLD.jsonl (default ``tests/gold/other_topics/event_types_gold.jsonl``) holds trigger occurrences in
sentences of corpora on other topics, each labelled with its event type or ``none`` by a labeller who
never saw the code (see ``EVENT_TYPES.md`` there). For each occurrence, the analysis's type is the type
of its trigger match overlapping the labelled occurrence (``analysis.extract.events.trigger_matches``),
or none. When the labelled article is found under DIR/<corpus>/<file> (default: the folder above
the project), its whole text gives the document-wide senses (``document_context``), as in the
pipeline; otherwise the sentence is typed alone. Reported:
  precision   of the occurrences the analysis types, the share typed as labelled (target >= 0.85)
  recall      of the occurrences labelled with a type, the share the analysis types as labelled
  reporting   share of the analysis's typed occurrences that are "said"-type statements
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.extract.events import DocumentContext, document_context, trigger_matches  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "other_topics" / "event_types_gold.jsonl"
NONE = "none"


def occurrence_span(sentence: str, trigger: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the n-th raw substring occurrence of ``trigger`` (the gold's convention)."""
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.find(trigger, start + 1)
        if start < 0:
            raise ValueError(f"occurrence {occurrence} of {trigger!r} not in {sentence!r}")
    return start, start + len(trigger)


def predicted_type(sentence: str, start: int, end: int, document: DocumentContext | None = None) -> str:
    """The type of the analysis's trigger overlapping [start, end), or none."""
    return next((kind for kind, s, e in trigger_matches(sentence, document=document) if s < end and start < e), NONE)


def article_senses(texts: Path | None, item: dict) -> DocumentContext | None:
    """What the item's whole article says (its document-wide senses), or None when its text is not at hand."""
    path = texts / item["corpus"] / item["file"] if texts else None
    return document_context(path.read_text(encoding="utf-8", errors="replace")) if path and path.is_file() else None


def score(items: list[dict], texts: Path | None = None) -> dict[str, float | int]:
    """Precision, recall and the confusion counts of the analysis's types against the gold."""
    pairs, with_article = [], 0
    for item in items:
        start, end = occurrence_span(item["sentence"], item["trigger"], item["occurrence"])
        document = article_senses(texts, item)
        with_article += document is not None
        pairs.append((item["event_type"], predicted_type(item["sentence"], start, end, document)))
    typed = [(g, p) for g, p in pairs if p != NONE]
    labelled = [(g, p) for g, p in pairs if g != NONE]
    return {
        "occurrences": len(pairs),
        "with_article": with_article,
        "typed": len(typed),
        "precision": sum(g == p for g, p in typed) / len(typed) if typed else 0.0,
        "recall": sum(g == p for g, p in labelled) / len(labelled) if labelled else 0.0,
        "reporting": sum(p == "political_statement" for _, p in typed) / len(typed) if typed else 0.0,
        "confusion": Counter(f"{g} -> {p}" for g, p in pairs if g != p),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--texts", type=Path, default=ROOT.parent, help="folder holding <corpus>/<file> of the labelled articles")
    parser.add_argument("--corpus", nargs="*", help="only these corpora of the gold set (e.g. bbc/politics, the development part)")
    parser.add_argument("--details", action="store_true", help="print the commonest confusions")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [item for item in items if not args.corpus or item["corpus"] in args.corpus]
    result = score(items, args.texts)
    print(f"{result['occurrences']} occurrences ({result['with_article']} with their article's text), {result['typed']} typed by the analysis")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  'said'-type share of typed {result['reporting']:.3f}")
    if args.details:
        for confusion, n in result["confusion"].most_common(15):
            print(f"  {n:4d}  {confusion}")


if __name__ == "__main__":
    main()

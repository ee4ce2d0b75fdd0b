"""Precision and recall of the motive finder on the hand-labelled set tests/gold/motives_gold.jsonl.

Run: python bench/evaluate_motives.py [--errors]
Each line is analysed as its own one-sentence corpus; a line counts as found when the finder
returns a motive sentence for its actor.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze, corpus_from_texts  # noqa: E402
from analysis.extract.motives import motive_sentences  # noqa: E402
from analysis.query.explore import sentence_table  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "motives_gold.jsonl"


def predictions() -> list[tuple[dict, bool]]:
    """Each gold line with whether the finder says its actor wants something there."""
    results = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        analysis = analyze(corpus_from_texts([item["text"]]))
        found = motive_sentences(sentence_table(analysis), analysis.mentions, item["actor"])
        results.append((item, not found.empty))
    return results


def scores(results: list[tuple[dict, bool]]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class, with the counts."""
    tp = sum(1 for item, found in results if found and item["wants"])
    fp = sum(1 for item, found in results if found and not item["wants"])
    fn = sum(1 for item, found in results if not found and item["wants"])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"lines": len(results), "tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the lines the finder gets wrong")
    args = parser.parse_args()
    results = predictions()
    s = scores(results)
    print(f"motive finder on {s['lines']} hand-labelled lines: precision {s['precision']:.2f}, recall {s['recall']:.2f}, F1 {s['f1']:.2f} "
          f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
    if args.errors:
        for item, found in results:
            if found != item["wants"]:
                print(f"  {'FP' if found else 'FN'} [{item['actor']}] {item['text'][:150]}")


if __name__ == "__main__":
    main()

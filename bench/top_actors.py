"""How many of a reader's top-25 actors the analysis finds, on corpora of other topics.

Run: python bench/top_actors.py GOLD.toml CORPUS [GOLD.toml CORPUS ...] [--top N] [--details]

GOLD.toml is a reader's list written before the tool was run (``tests/gold/other_topics/``,
made by a labeller who never saw the code); CORPUS the folder or file it was written for
(BBC News 2004-05, read from a public copy, not committed: see that folder's README).

For each gold actor, the analysis's actor is the one that most of the gold aliases' mentions
went to (a mention counts when its surface, possessive dropped, is one of the gold aliases).
Reported per corpus:
  found      gold actors that have such an actor at all
  in top N   gold actors whose actor ranks in the analysis's top N (default 25) by mentions
  split      gold actors whose mentions went to two or more actors with at least 10% each
             (a name the analysis failed to merge, e.g. "Blair" apart from "Tony Blair")
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze, load_corpus  # noqa: E402

_POSSESSIVE = re.compile(r"['’]s?$")


def score(gold_path: Path, corpus_path: Path, *, top: int = 25, details: bool = False) -> dict[str, int]:
    """Found / in top N / split counts of the gold list's actors in the analysis of the corpus."""
    gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))["actor"]
    analysis = analyze(load_corpus(corpus_path))
    ranks = {actor: rank for rank, actor in enumerate(analysis.actor_counts["actor"], 1)}
    surfaces = analysis.mentions.assign(surface=analysis.mentions["surface"].str.replace(_POSSESSIVE, "", regex=True))
    found = in_top = split = 0
    for entry in gold:
        hits = surfaces[surfaces["surface"].isin(entry["aliases"])]["actor"].value_counts()
        if hits.empty:
            if details:
                print(f"  MISSING  {entry['rank']:>2} {entry['name']}")
            continue
        found += 1
        actor = hits.index[0]
        in_top += ranks.get(actor, 10**6) <= top
        shares = hits / hits.sum()
        split += int((shares >= 0.1).sum() >= 2)
        if details:
            parts = ", ".join(f"{a} {n}" for a, n in hits.head(3).items())
            print(f"  {entry['rank']:>2} {entry['name']:<32} -> rank {ranks.get(actor, '-'):>4} ({parts})")
    if details:
        print("  analysis top:", ", ".join(analysis.actor_counts["actor"].head(top)))
    return {"gold": len(gold), "found": found, "in_top": in_top, "split": split}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+", help="GOLD.toml CORPUS, repeated")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give GOLD.toml CORPUS pairs")
    for gold, corpus in zip(args.pairs[::2], args.pairs[1::2]):
        print(f"{gold} on {corpus}:")
        figures = score(Path(gold), Path(corpus), top=args.top, details=args.details)
        print(f"  found {figures['found']}/{figures['gold']}, in top {args.top} {figures['in_top']}/{figures['gold']}, split {figures['split']}")


if __name__ == "__main__":
    main()

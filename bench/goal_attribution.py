"""Who wants what: goal attribution on a hand-labelled set of sentences from corpora on other topics.

Run: python bench/goal_attribution.py [--texts DIR] [--corpus NAME ...] [--errors]

The gold (``tests/gold/other_topics/goals_gold.jsonl``, see ``GOALS.md`` there) labels each sentence
with its wanters: the actor wanting, the words naming it (``surface``), or ``UNRESOLVED`` where the
sentence does not name it. It was written by a labeller who never saw the code or ran the tool.

Each corpus (DIR/<corpus>, default: the folder above the project) is analysed whole, as a user would
(the on-disk cache makes a rerun quick). A gold sentence is found in its article's text; the analysis's
sentences overlapping it are the ones scored. The analysis attributes a goal to an actor when
``motive_sentences`` returns one of those sentences for it. Such an attribution is right when one of
the actor's mentions there overlaps the surface of a gold wanter. Reported:
  precision  right attributions / attributions                         (target >= 0.90)
  recall     gold wanters named in the sentence that are found / all   (target >= 0.75)
  and, as a diagnosis, the recall of the gold wanters some actor mention covers (the others,
  "the government", "the home secretary", are the actor layer's to find, not the goal finder's).
Development set: bbc/politics (the rules were written on it); held out: bbc/business, bbc/tech.

It then prints, per corpus, how many goal sentences of its most mentioned actors (those with at least
5 goal sentences, of the first 15) land in "Other stated goals" once grouped into themes, as the
What-does-it-want page groups them (target: at most a quarter of an actor's).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import load_corpus  # noqa: E402
from analysis.extract.goal_themes import OTHER_SHARE, background_sample  # noqa: E402
from analysis.extract.motives import OTHER_THEME, motive_sentences, motive_themes, themes_for  # noqa: E402
from analysis.query.explore import sentence_table  # noqa: E402
from analysis.storage.cache import cached_analyze  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "other_topics" / "goals_gold.jsonl"
UNRESOLVED = "UNRESOLVED"


@dataclass
class Tally:
    """Attributions counted for one corpus."""

    predicted: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0
    unnamed: int = 0  # gold wanters no actor mention covers ("the government", "the firm"): out of the finder's reach
    errors: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        precision = self.right / self.predicted if self.predicted else 0.0
        recall = self.found / self.gold if self.gold else 0.0
        named = self.gold - self.unnamed
        reach = self.found / named if named else 0.0
        return (
            f"{name:<16} precision {precision:.3f} ({self.right}/{self.predicted})   recall {recall:.3f} ({self.found}/{self.gold})"
            f"   recall of wanters an actor mention names {reach:.3f} ({self.found}/{named})"
        )

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.right += other.right
        self.gold += other.gold
        self.found += other.found
        self.unnamed += other.unnamed
        self.errors += other.errors


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def kept_copy(item: dict, texts: dict[str, str], table: pd.DataFrame) -> tuple[str, int]:
    """The document and offset of the gold sentence where the analysis kept it.

    A passage repeated across articles (the BBC set has duplicate stories) is kept once, at its first
    occurrence; a gold sentence labelled in a later copy is scored where the analysis kept it.
    """
    doc_id = Path(item["file"]).stem
    start = texts[doc_id].find(item["sentence"])
    if start < 0:
        raise ValueError(f"{item['id']}: sentence not in {item['file']}")
    here = table[(table["doc_id"] == doc_id) & (table["start"] < start + len(item["sentence"])) & (table["end"] > start)]
    if not here.empty:
        return doc_id, start
    for other, text in texts.items():
        at = text.find(item["sentence"])
        kept = table[(table["doc_id"] == other) & (table["start"] <= at) & (table["end"] > at)] if at >= 0 else table.iloc[:0]
        if not kept.empty:
            return other, at
    return doc_id, start


def score_corpus(folder: Path, items: list[dict]) -> Tally:
    """Analyse the corpus in ``folder`` and score the gold items of its articles."""
    analysis = cached_analyze(load_corpus([folder]))
    table = sentence_table(analysis)
    texts = {doc.doc_id: doc.text for doc in load_corpus([folder]).documents}
    tally = Tally()
    for item in items:
        doc_id, start = kept_copy(item, texts, table)
        span = (start, start + len(item["sentence"]))
        rows = table[(table["doc_id"] == doc_id) & (table["start"] < span[1]) & (table["end"] > span[0])]
        here = analysis.mentions[(analysis.mentions["doc_id"] == doc_id) & analysis.mentions["sentence_id"].isin(rows["sentence_id"])]
        wanted = [
            (start + item["sentence"].find(w["surface"]), start + item["sentence"].find(w["surface"]) + len(w["surface"]))
            for w in item["wanters"] if w["actor"] != UNRESOLVED and w["surface"]
        ]
        matched = set()
        for actor in sorted(set(here["actor"])):
            found = motive_sentences(rows, here, actor)
            if found.empty:
                continue
            tally.predicted += 1
            spans = [(s, e) for s, e in here[here["actor"] == actor][["start", "end"]].itertuples(index=False)]
            hits = {i for i, w in enumerate(wanted) if any(overlaps(w, s) for s in spans)}
            if hits:
                tally.right += 1
                matched |= hits
            else:
                tally.errors.append(f"FP {item['id']} [{actor}] cue {found.iloc[0]['cue']!r}: {item['sentence'][:140]}")
        tally.gold += len(wanted)
        tally.found += len(matched)
        every_mention = list(here[["start", "end"]].itertuples(index=False, name=None))
        tally.unnamed += sum(1 for w in wanted if not any(overlaps(w, m) for m in every_mention))
        for i, w in enumerate(item["wanters"]):
            if w["actor"] != UNRESOLVED and w["surface"] and i not in matched:
                named = sorted(set(here["actor"]))
                tally.errors.append(f"FN {item['id']} [{w['actor']} = {w['surface']!r}; actors found {named}]: {item['sentence'][:140]}")
    return tally


def other_share(folder: Path, *, actors: int = 15, min_goals: int = 5) -> str:
    """How many goal sentences of the corpus's most mentioned actors their themes leave in "Other"."""
    analysis = cached_analyze(load_corpus([folder]))
    table = sentence_table(analysis)
    background = background_sample(analysis.sentences["text"])
    lines, total, other, over = [], 0, 0, 0
    for actor in list(analysis.actor_counts["actor"].head(actors)):
        goals = motive_sentences(table, analysis.mentions, actor)
        if len(goals) < min_goals:
            continue
        themes = motive_themes(goals, background=background, curated=themes_for(analysis.packs))
        left = sum(len(t.sentences) for t in themes if t.name == OTHER_THEME)
        total, other, over = total + len(goals), other + left, over + (left > OTHER_SHARE * len(goals))
        lines.append(f"{actor} {left}/{len(goals)}")
    share = other / total if total else 0.0
    return f"  other: {other}/{total} goal sentences ({share:.0%}); actors over a quarter: {over}/{len(lines)} — " + ", ".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=ROOT.parent, help="folder holding the corpora (bbc/politics, ...)")
    parser.add_argument("--corpus", nargs="*", help="only these corpora (e.g. bbc/politics)")
    parser.add_argument("--errors", action="store_true", help="list the wrong and missed attributions")
    args = parser.parse_args()
    items = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpora = sorted({i["corpus"] for i in items} & set(args.corpus or {i["corpus"] for i in items}))
    total = Tally()
    for corpus in corpora:
        folder = args.texts / corpus
        if not folder.is_dir():
            print(f"{corpus}: skipped, {folder} not found")
            continue
        tally = score_corpus(folder, [i for i in items if i["corpus"] == corpus])
        print(tally.line(corpus))
        print(other_share(folder))
        if args.errors:
            print("\n".join(f"  {e}" for e in tally.errors))
        total.add(tally)
    print(total.line("all"))


if __name__ == "__main__":
    main()

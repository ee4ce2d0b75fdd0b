"""Score actors and event references against the hand-labelled sets in tests/gold/.

Run: python bench/evaluate_gold.py [--details]
Actors: mention-level precision/recall (a found mention matches a gold one with the same
actor and overlapping offsets), restricted to the 22 actors the gold set labels. Mentions come
from the whole analysis (lexicons, the packs it chooses, the NER model and its resolution),
each gold sentence being one document of a corpus.
Events: sentence-level recall (a gold event sentence where at least one event is found),
type recall, and year accuracy (gold events with a written year: is that year found?). As in
the pipeline, a sentence is read with its document's context (``document_context``) where its
document is at hand: the default corpus's, or FA-KES's from ../shared/ when present; sentences
the helpers wrote themselves are read alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from functools import lru_cache  # noqa: E402

from analysis import Corpus, Document, analyze, load_corpus  # noqa: E402
from analysis.extract.events import DocumentContext, document_context, find_events  # noqa: E402
from analysis.paths import DEFAULT_CORPUS  # noqa: E402

FAKES_CSV = ROOT.parent / "shared" / "corpora" / "fakes_syria.csv"

GOLD = ROOT / "tests" / "gold" / "actors_events_gold.jsonl"
# Written later by another helper and never used to tune the lexicons: the honest figure.
HELDOUT = ROOT / "tests" / "gold" / "actors_events_heldout.jsonl"


def load_gold(path: Path = GOLD) -> list[dict]:
    """The gold items, one dict per sentence."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_actors(items: list[dict], *, details: bool = False) -> dict[str, float]:
    """Mention-level precision and recall over the actors the gold set labels."""
    labelled = {a["actor"] for item in items for a in item["actors"]}
    analysis = analyze(Corpus([Document(item["id"], item["text"]) for item in items]), workers=1)
    by_item = {doc_id: list(zip(group["actor"], group["start"], group["end"])) for doc_id, group in analysis.mentions.groupby("doc_id")}
    tp = fp = fn = 0
    for item in items:
        text = item["text"]
        found = [(a, s, e) for a, s, e in by_item.get(item["id"], []) if a in labelled]
        gold = [(a["actor"], a["start"], a["end"]) for a in item["actors"]]
        unmatched = list(gold)
        for actor, start, end in found:
            hit = next((g for g in unmatched if g[0] == actor and g[1] < end and start < g[2]), None)
            if hit:
                unmatched.remove(hit)
                tp += 1
            else:
                fp += 1
                if details:
                    print(f"FP {item['id']}: {actor} {text[start:end]!r}")
        fn += len(unmatched)
        if details:
            for actor, start, end in unmatched:
                print(f"FN {item['id']}: {actor} {text[start:end]!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn}


@lru_cache(maxsize=2)
def _documents(origin: str) -> tuple[str, ...]:
    """The texts of the documents a gold sentence of this origin may come from (none when absent)."""
    if origin == "default_corpus":
        return tuple(d.text for d in load_corpus(DEFAULT_CORPUS).documents)
    if origin == "fakes" and FAKES_CSV.exists():
        return tuple(d.text for d in load_corpus(FAKES_CSV).documents)
    return ()


def sentence_document(item: dict) -> DocumentContext | None:
    """The context of the document a gold sentence comes from, when that document is at hand."""
    probe = item["text"][:60]
    text = next((t for t in _documents(item["origin"].split(":")[0]) if probe in t), None)
    return document_context(text) if text else None


def score_events(items: list[dict], *, details: bool = False) -> dict[str, float]:
    """Sentence recall, type recall and written-year accuracy of event references."""
    event_sentences = found_sentences = gold_types = found_types = years = years_right = 0
    false_event_sentences = non_event_sentences = 0
    for item in items:
        refs = find_events(item["text"], document=sentence_document(item))
        types = {r.event_type for r in refs}
        found_years = {r.date.year for r in refs if r.date and r.date.year}
        if not item["is_event"]:
            non_event_sentences += 1
            false_event_sentences += bool(refs)
            continue
        event_sentences += 1
        found_sentences += bool(refs)
        if details and not refs:
            print(f"MISSED {item['id']}: {item['text'][:120]}")
        for event in item["events"]:
            gold_types += 1
            found_types += event["event_type"] in types
            if event["year"]:
                years += 1
                right = event["year"] in found_years
                years_right += right
                if details and not right:
                    print(f"YEAR {item['id']}: gold {event['year']} found {sorted(found_years)}")
    return {
        "sentence_recall": found_sentences / event_sentences if event_sentences else 1.0,
        "type_recall": found_types / gold_types if gold_types else 1.0,
        "year_accuracy": years_right / years if years else 1.0,
        "non_event_sentences_flagged": false_event_sentences / non_event_sentences if non_event_sentences else 0.0,
        "event_sentences": event_sentences,
        "years": years,
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every miss and every false find")
    details = parser.parse_args().details
    for name, path in (("development set", GOLD), ("held-out set", HELDOUT)):
        items = load_gold(path)
        actors = score_actors(items, details=details)
        events = score_events(items, details=details)
        print(f"{name} ({path.name}): {len(items)} sentences")
        print("  actors: precision {precision:.3f} recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})".format(**actors))
        print(
            "  events: sentence recall {sentence_recall:.3f}, type recall {type_recall:.3f}, "
            "written-year accuracy {year_accuracy:.3f} ({years} years), "
            "non-event sentences flagged {non_event_sentences_flagged:.3f}".format(**events)
        )


if __name__ == "__main__":
    main()

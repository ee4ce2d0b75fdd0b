"""Exact-match F1@10 of our keywords against public gold keyphrase sets, next to plain YAKE.

Run: python bench/keyword_f1.py DATASET_DIR [DATASET_DIR ...] [--limit N] [--losses K]

A dataset folder holds ``docsutf8/<id>.txt`` and ``keys/<id>.key`` (one gold keyphrase a
line), the layout of the zips in github.com/LIAAD/KeywordExtractor-Datasets (Inspec,
500N-KPCrowd-v1.1, SemEval2017, ...). Documents are taken in natural order of their id;
``--limit N`` keeps the first N of each dataset; documents without gold keys are skipped.

Methods, both given the raw document text:
  ours   ``analysis.extract.keywords.extract_keywords(text, top=10)``
  plain  ``yake.KeywordExtractor(lan="en", n=3, top=10).extract_keywords(text)``

Protocol: both sides are lower-cased, stripped of surrounding whitespace and punctuation,
and have internal whitespace collapsed; duplicates (after normalising) are dropped. A
predicted keyword is correct if it equals a gold keyphrase exactly. Per document,
P@10 = correct / number predicted (at most 10; 0 if none), R@10 = correct / number of gold
keyphrases, F1@10 = their harmonic mean; all three are macro-averaged over documents.
The "stem" columns repeat this after light stemming of every word on both sides (Porter's
step 1: plurals, -ed, -ing, final -y; not the full Porter stemmer).
``--losses K`` prints up to K gold phrases per dataset that plain found and ours missed.
"""

from __future__ import annotations

import argparse
import re
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yake

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.extract.keywords import extract_keywords  # noqa: E402

K = 10
_STRIP = string.whitespace + string.punctuation + "“”‘’«»…–—·•"


@dataclass(frozen=True)
class Doc:
    """One document: id, raw text and gold keyphrases as written."""

    doc_id: str
    text: str
    gold: list[str]


def load_dataset(folder: Path, limit: int | None = None) -> list[Doc]:
    """Documents with at least one gold keyphrase, in natural order of id."""
    natural = lambda p: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.stem)]  # noqa: E731
    docs = []
    for path in sorted((folder / "docsutf8").glob("*.txt"), key=natural):
        keys = folder / "keys" / f"{path.stem}.key"
        gold = keys.read_text(encoding="utf-8", errors="replace").splitlines() if keys.exists() else []
        if any(normalise(g) for g in gold):
            docs.append(Doc(path.stem, path.read_text(encoding="utf-8", errors="replace"), gold))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def normalise(phrase: str) -> str:
    """Lower case, surrounding whitespace and punctuation stripped, inner whitespace collapsed."""
    return " ".join(phrase.lower().split()).strip(_STRIP)


def _cons(w: str, i: int) -> bool:
    return w[i] not in "aeiou" and (w[i] != "y" or i == 0 or not _cons(w, i - 1))


def _measure(w: str) -> int:
    return "".join("c" if _cons(w, i) else "v" for i in range(len(w))).count("vc")


def _vowel(w: str) -> bool:
    return any(not _cons(w, i) for i in range(len(w)))


def _cvc(w: str) -> bool:
    n = len(w)
    return n >= 3 and _cons(w, n - 3) and not _cons(w, n - 2) and _cons(w, n - 1) and w[-1] not in "wxy"


def stem_word(w: str) -> str:
    """Porter's step 1 (1a plurals, 1b -eed/-ed/-ing, 1c -y)."""
    if len(w) <= 2 or not w.isalpha():
        return w
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if w.endswith("eed"):
        w = w[:-1] if _measure(w[:-3]) > 0 else w
    elif (suffix := next((s for s in ("ed", "ing") if w.endswith(s) and _vowel(w[: -len(s)])), None)) is not None:
        w = w[: -len(suffix)]
        if w.endswith(("at", "bl", "iz")):
            w += "e"
        elif len(w) > 1 and w[-1] == w[-2] and _cons(w, len(w) - 1) and w[-1] not in "lsz":
            w = w[:-1]
        elif _measure(w) == 1 and _cvc(w):
            w += "e"
    if w.endswith("y") and _vowel(w[:-1]):
        w = w[:-1] + "i"
    return w


def stem(phrase: str) -> str:
    """A normalised phrase with every word stemmed."""
    return " ".join(stem_word(w) for w in normalise(phrase).split())


def prf(predicted: list[str], gold: list[str], norm: Callable[[str], str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the first K predictions against the gold set."""
    pred = list(dict.fromkeys(p for p in map(norm, predicted[:K]) if p))
    wanted = {g for g in map(norm, gold) if g}
    hits = sum(p in wanted for p in pred)
    p, r = (hits / len(pred) if pred else 0.0), hits / len(wanted)
    return p, r, (2 * p * r / (p + r) if hits else 0.0)


def plain_yake(text: str) -> list[str]:
    """Plain YAKE's top-10 keywords, most relevant first."""
    return [kw for kw, _ in yake.KeywordExtractor(lan="en", n=3, top=K).extract_keywords(text)]


def ours(text: str) -> list[str]:
    """Our top-10 keywords, most relevant first."""
    return [kw for kw, _ in extract_keywords(text, top=K)]


def main(argv: list[str] | None = None) -> int:
    """Score both methods on every dataset given and print one row per dataset and method."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="+", type=Path, help="folders with docsutf8/ and keys/")
    parser.add_argument("--limit", type=int, default=None, help="documents per dataset")
    parser.add_argument("--losses", type=int, default=0, help="gold phrases plain found and ours missed, to print")
    args = parser.parse_args(argv)
    header = f"{'dataset':<20} {'method':<12} {'docs':>5} {'P@10':>7} {'R@10':>7} {'F1@10':>7}   {'P@10s':>7} {'R@10s':>7} {'F1@10s':>7}"
    rows, losses = [header, "-" * len(header)], []
    for folder in args.datasets:
        if not (folder / "docsutf8").is_dir():
            parser.error(f"{folder} has no docsutf8/ folder")
        docs = load_dataset(folder, args.limit)
        preds = {"plain": [plain_yake(d.text) for d in docs], "ours": [ours(d.text) for d in docs]}
        means = {}
        for method, predicted in preds.items():
            scores = [prf(p, d.gold, norm) for norm in (normalise, stem) for p, d in zip(predicted, docs)]
            n = max(len(docs), 1)
            means[method] = [sum(s[i] for s in part) / n for part in (scores[: len(docs)], scores[len(docs) :]) for i in range(3)]
            rows.append(f"{folder.name:<20} {method:<12} {len(docs):>5} " + _cells(means[method]))
        diff = [a - b for a, b in zip(means["ours"], means["plain"])]
        rows.append(f"{folder.name:<20} {'ours-plain':<12} {'':>5} " + _cells(diff, signed=True))
        lost = won = 0
        for d, p_plain, p_ours in zip(docs, preds["plain"], preds["ours"]):
            gold = {normalise(g) for g in d.gold}
            by_plain, by_ours = {normalise(p) for p in p_plain} & gold, {normalise(p) for p in p_ours} & gold
            for g in sorted(by_plain - by_ours):
                lost += 1
                if lost <= args.losses:
                    losses.append(f"{folder.name}/{d.doc_id}: gold {g!r}\n  plain: {p_plain}\n  ours:  {p_ours}")
            won += len(by_ours - by_plain)
        rows.append(f"{folder.name:<20} gold phrases found only by plain: {lost}, only by ours: {won}")
        rows.append("")
    print("\n".join(rows + losses))
    return 0


def _cells(values: list[float], signed: bool = False) -> str:
    f = "{:+7.4f}" if signed else "{:7.4f}"
    return " ".join(f.format(v) for v in values[:3]) + "   " + " ".join(f.format(v) for v in values[3:])


if __name__ == "__main__":
    sys.exit(main())

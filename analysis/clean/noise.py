"""Spot noise in raw web text: wire codes, footnote marks, gibberish runs, words cut in two.

Every finding is a :class:`Span` of the original text, so cleaning can blank it out
without moving any offsets (see :mod:`analysis.clean.cleaning`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.paths import DATA_DIR

WIRE_CODE = re.compile(r"\[(?:ID:)?n[A-Z0-9]{6,14}\]")
FOOTNOTE_MARK = re.compile(
    r"\[(?:\d{1,4}(?:[,\u2013-]\s?\d{1,4})*|[a-z]|note \d+|citation needed|clarification needed|"
    r"dead link|who\?|when\?|\s*)\]",
    re.IGNORECASE,
)
# A word cut by a line or snippet break: "launch ed" -> "launched". Only suffixes that
# are never English words on their own, so no real pair of words is ever joined.
CUT_SUFFIX = re.compile(r"\b([a-z]{3,}) (ed|ing|ings|tion|tions|ment|ments|ness)\b")
LATIN_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

GIBBERISH_MIN_TOKENS = 4
GIBBERISH_THRESHOLD = -3.8
_ALPHABET_SIZE = 28  # 26 letters plus the word-start and word-end marks


@dataclass(frozen=True)
class Span:
    """A stretch [start, end) of a document's original text, with why it was flagged."""

    kind: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _letter_model() -> tuple[dict[str, int], dict[str, int]]:
    payload = json.loads(Path(DATA_DIR, "letter_bigrams.json").read_text(encoding="utf-8"))
    pairs: dict[str, int] = payload["counts"]
    firsts: dict[str, int] = {}
    for pair, count in pairs.items():
        firsts[pair[0]] = firsts.get(pair[0], 0) + count
    return pairs, firsts


@lru_cache(maxsize=65536)
def english_likeness(word: str) -> float:
    """Mean log-probability of the word's letter pairs under an English model (higher = more English)."""
    pairs, firsts = _letter_model()
    padded = f"^{word[:40].lower()}$"
    total = 0.0
    for i in range(len(padded) - 1):
        pair = padded[i : i + 2]
        total += math.log((pairs.get(pair, 0) + 0.5) / (firsts.get(pair[0], 0) + _ALPHABET_SIZE / 2))
    return total / (len(padded) - 1)


def _is_odd_token(word: str) -> bool:
    if not word.isascii() or not word.isalpha() or word.isupper():
        return False  # acronyms and non-Latin scripts are never judged as gibberish
    return english_likeness(word) < GIBBERISH_THRESHOLD


def find_gibberish(text: str) -> list[Span]:
    """Runs of at least four consecutive unpronounceable Latin tokens (keyboard mash, encoding junk)."""
    spans: list[Span] = []
    run: list[re.Match[str]] = []
    slack = 0
    for match in LATIN_WORD.finditer(text):
        if _is_odd_token(match.group()):
            run.append(match)
            slack = 0
            continue
        if run and slack == 0 and len(match.group()) <= 5 and match.group().islower():
            slack = 1  # one plausible-looking short token inside a run ("zaex") does not end it
            run.append(match)
            continue
        spans.extend(_close_run(text, run))
        run, slack = [], 0
    spans.extend(_close_run(text, run))
    return spans


def _close_run(text: str, run: list[re.Match[str]]) -> list[Span]:
    while run and not _is_odd_token(run[-1].group()):
        run = run[:-1]
    if sum(_is_odd_token(m.group()) for m in run) < GIBBERISH_MIN_TOKENS:
        return []
    start, end = run[0].start(), run[-1].end()
    return [Span("gibberish", start, end, text[start:end])]


def find_markup_noise(text: str) -> list[Span]:
    """Wire codes ("[nL8N1RO176]") and footnote marks ("[345]", "[]") in the text."""
    spans = [Span("wire_code", m.start(), m.end(), m.group()) for m in WIRE_CODE.finditer(text)]
    spans += [Span("footnote_mark", m.start(), m.end(), m.group()) for m in FOOTNOTE_MARK.finditer(text)]
    return sorted(spans, key=lambda s: s.start)


_FUNCTION_WORDS = frozenset("the and for but was are were his her its you not has had who how why all any our out".split())


def find_cut_words(text: str) -> list[Span]:
    """Words split by a cut ("launch ed"); the span covers both halves."""
    return [Span("cut_word", m.start(), m.end(), m.group()) for m in CUT_SUFFIX.finditer(text) if m.group(1) not in _FUNCTION_WORDS]

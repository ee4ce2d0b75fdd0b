"""Reference: the first, dictionary-of-tuples implementation of analysis.clean.dedup (tests compare against it).

Find passages repeated verbatim across a corpus, so each is counted once.

A passage counts as repeated when a run of at least ``min_chars`` characters (word for
word, ignoring case and spacing) already appeared earlier in the corpus, whatever text is
glued around either copy. The first copy is kept; later copies are reported as spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.clean.dedup import RepeatedPassage

WORD = re.compile(r"\w+")
DEFAULT_MIN_CHARS = 80
DEFAULT_WINDOW_WORDS = 8


def find_repeated_passages(
    texts: Sequence[str], *, min_chars: int = DEFAULT_MIN_CHARS, window_words: int = DEFAULT_WINDOW_WORDS
) -> list[RepeatedPassage]:
    """Later copies of any passage of ``min_chars``+ characters seen earlier in ``texts``."""
    if min_chars < 1 or window_words < 1:
        raise ValueError("min_chars and window_words must be positive")
    first_seen: dict[tuple[str, ...], tuple[int, int]] = {}
    passages: list[RepeatedPassage] = []
    for doc_index, text in enumerate(texts):
        words = list(WORD.finditer(text))
        lowered = [w.group().lower() for w in words]
        marked = [False] * len(words)
        origin: list[tuple[int, int] | None] = [None] * len(words)
        for i in range(len(words) - window_words + 1):
            key = tuple(lowered[i : i + window_words])
            earlier = first_seen.get(key)
            if earlier is None:
                first_seen[key] = (doc_index, words[i].start())
                continue
            if earlier[0] == doc_index and earlier[1] + _span_len(words, i, window_words) > words[i].start():
                continue  # overlaps its own earlier copy (a periodic run): not a repeat
            for j in range(i, i + window_words):
                marked[j] = True
                origin[j] = origin[j] or (earlier if j == i else None)
        passages.extend(_runs(text, words, marked, origin, doc_index, min_chars))
    return passages


def _span_len(words: list[re.Match[str]], i: int, n: int) -> int:
    return words[i + n - 1].end() - words[i].start()


def _runs(text, words, marked, origin, doc_index, min_chars) -> list[RepeatedPassage]:
    runs = []
    i = 0
    while i < len(words):
        if not marked[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(words) and marked[j + 1]:
            j += 1
        start, end = words[i].start(), words[j].end()
        end = _include_closing_punctuation(text, end)
        if end - start >= min_chars:
            first = next(o for o in origin[i : j + 1] if o is not None)
            runs.append(RepeatedPassage(doc_index, start, end, first[0], first[1]))
        i = j + 1
    return runs


def _include_closing_punctuation(text: str, end: int) -> int:
    while end < len(text) and text[end] in ".!?\"'”’)]":
        end += 1
    return end

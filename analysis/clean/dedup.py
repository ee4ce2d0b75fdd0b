"""Find passages repeated verbatim across a corpus, so each is counted once.

A passage counts as repeated when a run of at least ``min_chars`` characters (word for
word, ignoring case and spacing) already appeared earlier in the corpus, whatever text is
glued around either copy. The first copy is kept; later copies are reported as spans.

Every window of ``window_words`` consecutive words is reduced to a 64-bit hash and compared
with NumPy, so memory stays at a few dozen bytes per word (a 20 MB text has ~3.5 million):
a dictionary of word tuples needed over a gigabyte. Two different windows sharing a hash
(odds about 1 in 10^12 for a 20 MB corpus) would be taken as a repeat.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

WORD = re.compile(r"\w+")
DEFAULT_MIN_CHARS = 80
DEFAULT_WINDOW_WORDS = 8
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd, well mixed: a polynomial hash of the word hashes


@dataclass(frozen=True)
class RepeatedPassage:
    """A later copy [start, end) in document ``doc_index`` of text first seen at ``first_doc_index``/``first_start``."""

    doc_index: int
    start: int
    end: int
    first_doc_index: int
    first_start: int


@dataclass
class _Words:
    """Every word of every text: where it is, and which text, as flat arrays."""

    starts: np.ndarray
    ends: np.ndarray
    hashes: np.ndarray
    doc: np.ndarray
    doc_first: np.ndarray  # index of each text's first word


def find_repeated_passages(
    texts: Sequence[str], *, min_chars: int = DEFAULT_MIN_CHARS, window_words: int = DEFAULT_WINDOW_WORDS
) -> list[RepeatedPassage]:
    """Later copies of any passage of ``min_chars``+ characters seen earlier in ``texts``."""
    if min_chars < 1 or window_words < 1:
        raise ValueError("min_chars and window_words must be positive")
    words = _words(texts)
    windows = _window_starts(words, window_words)
    if windows.size == 0:
        return []
    keys = _window_hashes(words.hashes, windows, window_words)
    # The first window (in corpus order) with each hash is where that text was first seen.
    _, first_index, inverse = np.unique(keys, return_index=True, return_inverse=True)
    earlier = windows[first_index[inverse]]
    later = earlier != windows
    last_word = windows + window_words - 1
    # A window overlapping its own earlier copy (a periodic run, "ha ha ha…") is not a repeat.
    overlapping = (words.doc[earlier] == words.doc[windows]) & (words.starts[earlier] + (words.ends[last_word] - words.starts[windows]) > words.starts[windows])
    repeat = later & ~overlapping
    marked = np.zeros(words.starts.size, dtype=bool)
    for offset in range(window_words):
        marked[windows[repeat] + offset] = True
    origin = dict(zip(windows[repeat].tolist(), earlier[repeat].tolist()))
    return _runs(texts, words, marked, origin, min_chars)


def _words(texts: Sequence[str]) -> _Words:
    starts, ends, hashes, doc_first = array("q"), array("q"), array("q"), []
    for text in texts:
        doc_first.append(len(starts))
        for match in WORD.finditer(text):
            starts.append(match.start())
            ends.append(match.end())
            hashes.append(hash(match.group().lower()))
    doc_first_array = np.array(doc_first, dtype=np.int64)
    counts = np.diff(np.append(doc_first_array, len(starts)))
    return _Words(
        np.frombuffer(starts, dtype=np.int64),
        np.frombuffer(ends, dtype=np.int64),
        np.frombuffer(hashes, dtype=np.int64).view(np.uint64),
        np.repeat(np.arange(len(texts)), counts),
        doc_first_array,
    )


def _window_starts(words: _Words, n: int) -> np.ndarray:
    """Indexes of the words that start a full window inside their own text."""
    last = np.append(words.doc_first[1:], words.starts.size)  # one past each text's last word
    return np.concatenate([np.arange(first, end - n + 1) for first, end in zip(words.doc_first, last) if end - first >= n] or [np.empty(0, np.int64)])


def _window_hashes(hashes: np.ndarray, windows: np.ndarray, n: int) -> np.ndarray:
    key = np.zeros(windows.size, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping arithmetic modulo 2**64 is the point
        for offset in range(n):
            key = key * _MULTIPLIER + hashes[windows + offset]
    return key


def _runs(texts: Sequence[str], words: _Words, marked: np.ndarray, origin: dict[int, int], min_chars: int) -> list[RepeatedPassage]:
    """Maximal runs of marked words within a text, as passages of at least ``min_chars``."""
    runs = []
    padded = np.concatenate([[False], marked, [False]])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    for first, stop in zip(edges[::2], edges[1::2]):
        for i, j in _split_at_texts(words, int(first), int(stop) - 1):
            doc_index = int(words.doc[i])
            start, end = int(words.starts[i]), _include_closing_punctuation(texts[doc_index], int(words.ends[j]))
            if end - start >= min_chars:
                seen = next(origin[k] for k in range(i, j + 1) if k in origin)
                runs.append(RepeatedPassage(doc_index, start, end, int(words.doc[seen]), int(words.starts[seen])))
    return runs


def _split_at_texts(words: _Words, i: int, j: int) -> list[tuple[int, int]]:
    """The word range [i, j] cut where one text ends and the next begins."""
    pieces = []
    while words.doc[i] != words.doc[j]:
        end = int(words.doc_first[words.doc[i] + 1]) - 1
        pieces.append((i, end))
        i = end + 1
    return [*pieces, (i, j)]


def _include_closing_punctuation(text: str, end: int) -> int:
    while end < len(text) and text[end] in ".!?\"'”’)]":
        end += 1
    return end

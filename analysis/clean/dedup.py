"""Find passages repeated verbatim across a corpus, so each is counted once.

A passage counts as repeated when a run of at least ``min_chars`` characters (word for
word, ignoring case and spacing) already appeared earlier in the corpus, whatever text is
glued around either copy. The first copy is kept; later copies are reported as spans.

Every window of ``window_words`` consecutive words is reduced to a 64-bit fingerprint and
compared with NumPy, so memory stays at a few dozen bytes per word (a 20 MB text has ~3.5
million): a dictionary of word tuples needed over a gigabyte. Two different windows sharing a
fingerprint (odds about 1 in 10^12 for a 20 MB corpus) would be taken as a repeat.

The search runs in three steps so that a cluster can share it out (:mod:`analysis.engines.distributed`):
:func:`fingerprints` of each part of the corpus, :func:`earlier_copies` of groups of
fingerprints (grouped by value, wherever their texts are), and :func:`passages_from` each part's
later copies. Fingerprints are the same in every process (not Python's salted ``hash``).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import blake2b

import numpy as np

WORD = re.compile(r"\w+")
DEFAULT_MIN_CHARS = 80
DEFAULT_WINDOW_WORDS = 8
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd, well mixed: a polynomial hash of the word hashes
# A window's place in the corpus is (part << _PART_SHIFT) | its index in the part: input order.
_PART_SHIFT = 40
# Character offsets within a text and text indexes within a part: 4 bytes, not 8, for every word.
_OFFSET = np.int32


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

    starts: np.ndarray  # int32 (offsets within one text), like ends and doc: the central merge holds every word's
    ends: np.ndarray
    hashes: np.ndarray
    doc: np.ndarray
    doc_first: np.ndarray  # index of each text's first word


@dataclass
class Fingerprints:
    """The word windows of a run of consecutive texts (a part of the corpus) and their fingerprints."""

    words: _Words
    windows: np.ndarray  # index of each window's first word
    keys: np.ndarray  # each window's fingerprint (uint64)
    window_words: int

    @staticmethod
    def concat(parts: Sequence[Fingerprints]) -> Fingerprints:
        """The fingerprints of consecutive runs of texts as those of one run (e.g. one per document, found apart)."""
        if not parts:
            return fingerprints([])
        word_offsets = np.cumsum([0, *(p.words.starts.size for p in parts[:-1])])
        doc_offsets = np.cumsum([0, *(p.words.doc_first.size for p in parts[:-1])])
        words = _Words(
            np.concatenate([p.words.starts for p in parts]),
            np.concatenate([p.words.ends for p in parts]),
            np.empty(0, np.uint64),  # the word hashes are spent once the windows have theirs
            np.concatenate([p.words.doc + int(d) for p, d in zip(parts, doc_offsets)]),
            np.concatenate([p.words.doc_first + w for p, w in zip(parts, word_offsets)]),
        )
        windows = np.concatenate([p.windows + w for p, w in zip(parts, word_offsets)])
        return Fingerprints(words, windows, np.concatenate([p.keys for p in parts]), parts[0].window_words)

    def table(self, *, part: int = 0, doc_offset: int = 0) -> FingerprintTable:
        """Each window's fingerprint with its place in the corpus, its text (corpus-wide) and its start."""
        order = (np.int64(part) << _PART_SHIFT) | np.arange(self.windows.size, dtype=np.int64)
        return FingerprintTable(self.keys, order, self.words.doc[self.windows] + doc_offset, self.words.starts[self.windows])


@dataclass
class FingerprintTable:
    """Parallel arrays: fingerprint, place in the corpus (input order), corpus-wide text index, start offset."""

    keys: np.ndarray
    order: np.ndarray
    doc: np.ndarray
    start: np.ndarray

    def bucket(self, n_buckets: int) -> list[FingerprintTable]:
        """The rows split into ``n_buckets`` by fingerprint value (equal fingerprints share a bucket)."""
        which = self.keys % np.uint64(n_buckets)
        return [self._rows(which == b) for b in range(n_buckets)]

    def _rows(self, mask: np.ndarray) -> FingerprintTable:
        return FingerprintTable(self.keys[mask], self.order[mask], self.doc[mask], self.start[mask])

    @staticmethod
    def concat(tables: Sequence[FingerprintTable]) -> FingerprintTable:
        """One table of the rows of ``tables``."""
        if not tables:
            return FingerprintTable(np.empty(0, np.uint64), np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64))
        return FingerprintTable(*(np.concatenate([getattr(t, f) for t in tables]) for f in ("keys", "order", "doc", "start")))


@dataclass
class LaterCopies:
    """Windows whose fingerprint appeared earlier in the corpus: their place, and where it first appeared."""

    order: np.ndarray
    first_doc: np.ndarray
    first_start: np.ndarray

    def of_part(self, part: int) -> LaterCopies:
        """The rows of part ``part``, with ``order`` made the window's index in that part."""
        mask = (self.order >> _PART_SHIFT) == part
        return LaterCopies(self.order[mask] & ((1 << _PART_SHIFT) - 1), self.first_doc[mask], self.first_start[mask])

    @staticmethod
    def concat(copies: Sequence[LaterCopies]) -> LaterCopies:
        """One set of the rows of ``copies``."""
        if not copies:
            return LaterCopies(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64))
        return LaterCopies(*(np.concatenate([getattr(c, f) for c in copies]) for f in ("order", "first_doc", "first_start")))


def find_repeated_passages(
    texts: Sequence[str], *, min_chars: int = DEFAULT_MIN_CHARS, window_words: int = DEFAULT_WINDOW_WORDS, found: Fingerprints | None = None
) -> list[RepeatedPassage]:
    """Later copies of any passage of ``min_chars``+ characters seen earlier in ``texts``.

    ``found``: the texts' fingerprints when already computed (e.g. per document, in parallel).
    """
    _check(min_chars, window_words)
    if found is None:
        found = fingerprints(texts, window_words=window_words)
    elif found.window_words != window_words or found.words.doc_first.size != len(texts):
        raise ValueError("the fingerprints are not those of these texts with this window")
    return passages_from(texts, found, earlier_copies([found.table()]), min_chars=min_chars)


def fingerprints(texts: Sequence[str], *, window_words: int = DEFAULT_WINDOW_WORDS) -> Fingerprints:
    """The fingerprint of every window of ``window_words`` consecutive words within each text."""
    _check(1, window_words)
    words = _words(texts)
    windows = _window_starts(words, window_words)
    keys = _window_hashes(words.hashes, windows, window_words)
    words.hashes = np.empty(0, np.uint64)  # spent: only the windows' fingerprints are compared
    return Fingerprints(words, windows, keys, window_words)


def earlier_copies(tables: Sequence[FingerprintTable]) -> LaterCopies:
    """Every window whose fingerprint a window earlier in the corpus has, with where that first one is.

    ``tables`` must hold every window with any of their fingerprints (a bucket of all parts).
    """
    table = tables[0] if len(tables) == 1 else FingerprintTable.concat(tables)  # one table: no copy
    ranked = np.lexsort((table.order, table.keys))  # by fingerprint, then input order
    keys = table.keys[ranked]
    first = np.ones(keys.size, dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    group_first = ranked[np.maximum.accumulate(np.where(first, np.arange(keys.size), 0))] if keys.size else ranked
    later = ranked[~first]
    group_first = group_first[~first]
    return LaterCopies(table.order[later], table.doc[group_first], table.start[group_first])


def passages_from(
    texts: Sequence[str], found: Fingerprints, copies: LaterCopies, *, doc_offset: int = 0, min_chars: int = DEFAULT_MIN_CHARS
) -> list[RepeatedPassage]:
    """The repeated passages of one part of the corpus, from its later copies (``order`` its window indexes).

    ``doc_index`` is the text's index in ``texts``; ``first_doc_index`` is corpus-wide (``texts[0]``
    being text ``doc_offset``).
    """
    words, n = found.words, found.window_words
    windows = found.windows[copies.order]
    last_word = windows + n - 1
    # A window overlapping its own earlier copy (a periodic run, "ha ha ha…") is not a repeat.
    same_text = copies.first_doc == words.doc[windows] + doc_offset
    overlapping = same_text & (copies.first_start + (words.ends[last_word] - words.starts[windows]) > words.starts[windows])
    repeat = ~overlapping
    marked = np.zeros(words.starts.size, dtype=bool)
    for offset in range(n):
        marked[windows[repeat] + offset] = True
    origin = dict(zip(windows[repeat].tolist(), zip(copies.first_doc[repeat].tolist(), copies.first_start[repeat].tolist())))
    return _runs(texts, words, marked, origin, min_chars)


def _check(min_chars: int, window_words: int) -> None:
    if min_chars < 1 or window_words < 1:
        raise ValueError("min_chars and window_words must be positive")


def _words(texts: Sequence[str]) -> _Words:
    starts, ends, hashes, doc_first = array("q"), array("q"), array("q"), []
    known: dict[str, int] = {}
    for text in texts:
        doc_first.append(len(starts))
        for match in WORD.finditer(text):
            starts.append(match.start())
            ends.append(match.end())
            word = match.group().lower()
            value = known.get(word)
            if value is None:
                value = known[word] = _word_hash(word)
            hashes.append(value)
    doc_first_array = np.array(doc_first, dtype=np.int64)
    counts = np.diff(np.append(doc_first_array, len(starts)))
    return _Words(
        np.frombuffer(starts, dtype=np.int64).astype(_OFFSET),
        np.frombuffer(ends, dtype=np.int64).astype(_OFFSET),
        np.frombuffer(hashes, dtype=np.int64).view(np.uint64),
        np.repeat(np.arange(len(texts), dtype=_OFFSET), counts),
        doc_first_array,
    )


def _word_hash(word: str) -> int:
    return int.from_bytes(blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little", signed=True)


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


def _runs(texts: Sequence[str], words: _Words, marked: np.ndarray, origin: dict[int, tuple[int, int]], min_chars: int) -> list[RepeatedPassage]:
    """Maximal runs of marked words within a text, as passages of at least ``min_chars``."""
    runs = []
    padded = np.concatenate([[False], marked, [False]])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    for first, stop in zip(edges[::2], edges[1::2]):
        for i, j in _split_at_texts(words, int(first), int(stop) - 1):
            doc_index = int(words.doc[i])
            start, end = int(words.starts[i]), _include_closing_punctuation(texts[doc_index], int(words.ends[j]))
            if end - start >= min_chars:
                first_doc, first_start = next(origin[k] for k in range(i, j + 1) if k in origin)
                runs.append(RepeatedPassage(doc_index, start, end, first_doc, first_start))
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

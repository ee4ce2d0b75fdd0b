"""Keywords with YAKE, fit for a slide: no phrase across sentences, no case or plural twins.

YAKE (Campos et al., 2020) scores candidate 1-3-grams; **lower scores are more relevant**.
This module feeds YAKE one cleaned sentence per line with a full stop after each, so no
candidate can cross a sentence or snippet join, then merges the variants a reader sees as
one keyword (``Sylvania``/``sylvania``, ``Freedonia's``/``Freedonia``, ``base``/``bases``), keeping the
best score and showing the form the text uses most. A phrase made only of words common in
any English ("people", "year") ranks lower than YAKE alone would put it: its score is divided by
how common its rarest word is in data/background_frequency.tsv. It drops numeric and stopword-only
phrases, names cut by YAKE's three-word limit ("Sylvanian President Rudolf", nearly always
followed by "al-Trentino"), and phrases found almost only inside a better-ranked longer one.
Corpus keywords merge per-document results; no YAKE call ever sees more than one chunk.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from analysis.clean.segment import analysed_sentences
from analysis.paths import DATA_DIR

MAX_NGRAM = 3
# Longer "words" (hashes, base64, a pasted run of letters) are never keywords; real ones stay well under.
LONGEST_WORD = 30
CANDIDATES_PER_DOCUMENT = 40
# YAKE's cost grows faster than linearly with text length: long documents are cut into
# chunks of about this many characters at sentence ends, and the chunks' results merged.
CHUNK_CHARS = 60_000
DROP_SUBSUMED = True
SUBSUMED_RATIO = 1.25
CUT_NAME_SHARE = 0.8
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_TERMINAL = re.compile(r"[.!?…]['\"”’)\]]*$")
HEADLINE_CAPITALISED = 0.7
# A wire dateline opening a sentence: "ZENDA (AP) -", "STRELSAU, Ruritania (Reuters) —", "ZENDA, (ZNA) –".
_DATELINE = re.compile(r"^[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*(?:(?:,\s*[A-Z][\w.'-]*(?: [A-Z0-9][\w.'-]*)*)?,?\s*\([A-Za-z. ]{2,20}\)|,\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)\s*[-–—:]+\s*")
_BYLINE = re.compile(r"^By [A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}\b")
BYLINE_WORDS = 12
_DATE_WORD = re.compile(
    r"\d+(?:st|nd|rd|th)?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b"
)
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;] )[A-Z][\w'’-]*")
_NAME_START = re.compile(r"(?:(?:al|el|ad|as|bin|ibn|abu)-)?[A-Z]")
# Rarity = 9 - Zipf frequency (log10 of one in a billion words). A phrase's score is multiplied by
# (reference / its rarest word's rarity) when that is above 1. In one document the reference is
# Zipf 5.5: "people" (6.25) counts 1.27 times worse, "minister" (5.0) keeps YAKE's score; news
# keyphrase benchmarks, whose gold lists common words too, lose nothing (rewarding rare words
# as well was tried: it lost there). Across a corpus a common word is listed by many documents
# for being everywhere, not for being a topic: corpus keywords are weighed again, from Zipf 5.
DOCUMENT_RARITY_REFERENCE = 3.5
CORPUS_RARITY_REFERENCE = 4.0


@dataclass
class KeywordGroup:
    """One keyword and its merged variants: best YAKE score, written forms and occurrences."""

    key: str
    score: float
    surfaces: Counter = field(default_factory=Counter)
    count: int = 0
    cut_name_runs: int = 0

    @property
    def keyword(self) -> str:
        """The form to show: the commonest written variant, without a trailing possessive."""
        best = min(self.surfaces.items(), key=lambda item: (-item[1], item[0]))[0]
        words = best.split()
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
        return " ".join(words)


def extract_keywords(text: str, top: int = 20) -> list[tuple[str, float]]:
    """Keywords of one text, most relevant first, as (keyword, YAKE score; lower = more relevant)."""
    if top < 1:
        raise ValueError("top must be at least 1")
    sentences = [s.text for s in analysed_sentences(text)]
    groups = keyword_groups(sentences, candidates=max(top * 2, CANDIDATES_PER_DOCUMENT))
    return [(g.keyword, g.score) for g in groups[:top]]


def keyword_groups(
    sentences: Sequence[str],
    *,
    n: int = MAX_NGRAM,
    candidates: int = CANDIDATES_PER_DOCUMENT,
    boilerplate: Collection[str] = frozenset(),
) -> list[KeywordGroup]:
    """Merged YAKE keywords of one document, given as its cleaned sentences; best first.

    Args:
        sentences: The document's cleaned sentences.
        n: Longest phrase in words (1-3).
        candidates: How many phrases to ask YAKE for (before merging and filtering).
        boilerplate: Sentences (see :func:`boilerplate_key`) that YAKE should not see, such
            as lines repeated across many documents of the corpus ("short URL").
    """
    if not 1 <= n <= 3:
        raise ValueError("n must be 1, 2 or 3")
    groups: dict[str, KeywordGroup] = {}
    for chunk in _chunks(_yake_lines(sentences, boilerplate)):
        for phrase, score in _extractor(n, candidates).extract_keywords(chunk):
            if _is_useful(phrase):
                key = keyword_key(phrase)
                group = groups.setdefault(key, KeywordGroup(key, score))
                group.score = min(group.score, score)
                group.surfaces.setdefault(phrase, 0)  # YAKE's form; counts come from the text below
    _record_occurrences(groups, sentences)
    for group in groups.values():
        group.score = background_weighted(group.score, group.key)
    ranked = sorted((g for g in groups.values() if not _is_cut_name(g)), key=lambda g: (g.score, g.key))
    return _drop_subsumed(ranked) if DROP_SUBSUMED else ranked


def background_weighted(score: float, key: str, *, reference: float = DOCUMENT_RARITY_REFERENCE) -> float:
    """A YAKE score (lower = more relevant) made worse for a phrase of words common in any English."""
    return score * max(1.0, reference / phrase_rarity(key))


def phrase_rarity(key: str) -> float:
    """How rare the rarest content word of a keyword key is in general English (9 - Zipf frequency)."""
    frequency = background_frequency()
    unlisted = _unlisted_zipf()
    stop = stopwords()
    zipfs = [frequency.get(word, unlisted) for word in key.split() if word not in stop] or [unlisted]
    return max(9.0 - min(zipfs), 1.0)


@lru_cache(maxsize=1)
def _unlisted_zipf() -> float:
    """The Zipf frequency a word missing from the list counts with: rarer than the last one listed."""
    return min(background_frequency().values(), default=0.5) - 0.5


@lru_cache(maxsize=1)
def background_frequency() -> dict[str, float]:
    """word -> Zipf frequency in general English, from data/background_frequency.tsv."""
    table = {}
    for line in (DATA_DIR / "background_frequency.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, zipf = line.split("\t")
            table[word] = float(zipf)
    return table


def boilerplate_key(sentence: str) -> str:
    """How a sentence is compared when looking for lines repeated across documents (numbers and dates alike)."""
    return " ".join(_DATE_WORD.sub("#", sentence.lower()).split())


def _yake_lines(sentences: Sequence[str], boilerplate: Collection[str]) -> list[str]:
    """The sentences YAKE sees: boilerplate left out, title-case headlines in sentence case.

    YAKE rewards capitalised words, so a headline ("Sylvanian Army Kills Scores of Bandits")
    would outrank the text; its words are lower-cased unless the document also capitalises
    them mid-sentence (names such as "Zenda" keep their capital).
    """
    kept = [_DATELINE.sub("", s) for s in sentences if not (boilerplate and boilerplate_key(s) in boilerplate) and not _is_byline(s)]
    headlines = [_is_headline(s) for s in kept]
    proper = {w for s, h in zip(kept, headlines) if not h for w in _MID_SENTENCE_CAPITAL.findall(s)}
    return [_sentence_case(s, proper) if h else s for s, h in zip(kept, headlines)]


def _is_byline(sentence: str) -> bool:
    """ "By Rudolf Rassendyll, Strelsau correspondent": who wrote the text, not what it says."""
    return bool(_BYLINE.match(sentence)) and len(sentence.split()) <= BYLINE_WORDS


def _is_headline(sentence: str) -> bool:
    tokens = _TOKEN.findall(sentence)
    if sum(1 for t in tokens if t[0].isupper()) < 3:
        return False  # three capitalised words at least: most sentences stop here
    stop = stopwords()
    words = [w for w in tokens if w[0].isalpha() and _normal_token(w) not in stop]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALISED * len(words)


def _sentence_case(sentence: str, proper: set[str]) -> str:
    return _TOKEN.sub(lambda m: m.group() if m.group() in proper or m.group().isupper() else m.group().lower(), sentence)


def keyword_key(phrase: str) -> str:
    """The form variants share: lower case, possessives dropped, last word singular."""
    tokens = [_normal_token(t) for t in _TOKEN.findall(phrase)]
    if tokens:
        tokens[-1] = _singular(tokens[-1])
    return " ".join(t for t in tokens if t)


def keyword_spans(sentence: str, keyword: str) -> list[tuple[int, int]]:
    """Character spans of a keyword in a sentence, matched as the keyword counts match (variants included)."""
    key = keyword_key(keyword)
    if not key:
        return []
    matches = list(_TOKEN.finditer(sentence))
    words = [_normal_token(m.group()) for m in matches]
    return [(matches[i].start(), matches[j - 1].end()) for _, i, j in _ngram_keys(words, {key}, _finals({key}))]


def normal_words(text: str) -> list[str]:
    """The words of a text as keywords are matched: lower case, possessives dropped."""
    return [_normal_token(t) for t in _TOKEN.findall(text)]


def plural_forms(word: str) -> list[str]:
    """Every word that counts as ``word`` at the end of a keyword: itself and the forms that singularise to it."""
    return list(_plural_forms(word))


@lru_cache(maxsize=50_000)
def _plural_forms(word: str) -> tuple[str, ...]:
    # One candidate per rule of _singular; only those it really maps back to ``word`` count.
    candidates = dict.fromkeys([word, word + "s", word + "es", word[:-1] + "ies"])
    return tuple(form for form in candidates if word and _singular(form) == word)


def count_keys(keys: Iterable[str], sentences_by_doc: Iterable[Sequence[str]]) -> tuple[Counter, Counter]:
    """Occurrences and document counts of keyword keys in documents given as cleaned sentences."""
    return summed_counts(count_keys_by_document(keys, sentences_by_doc))


def count_keys_by_document(keys: Iterable[str], sentences_by_doc: Iterable[Sequence[str]]) -> list[Counter]:
    """Occurrences of keyword keys in each document (given as its cleaned sentences)."""
    wanted = frozenset(keys)
    finals = _finals(wanted)
    return [
        Counter(key for sentence in sentences for key, _, _ in _ngram_keys(normal_words(sentence), wanted, finals))
        for sentences in sentences_by_doc
    ]


def summed_counts(counted: Iterable[Counter]) -> tuple[Counter, Counter]:
    """Occurrences and document counts of keyword keys, from per-document occurrence counters."""
    counts: Counter = Counter()
    doc_counts: Counter = Counter()
    for found in counted:
        counts.update(found)
        doc_counts.update(found.keys())
    return counts, doc_counts


def merge_document_keywords(per_document: Sequence[list[KeywordGroup]], *, min_documents: int = 1) -> list[KeywordGroup]:
    """Corpus keywords from per-document results, best first.

    The corpus score is a YAKE score (lower = more relevant): the geometric mean, over all
    documents, of the keyword's score in each document, where a document that does not list
    the keyword counts with its own cut-off (the worst score it listed). A keyword central to
    many documents thus beats one that stands out in a single document. The mean is then
    weighted by background rarity once more (:data:`CORPUS_RARITY_REFERENCE`).
    """
    return keyword_tally(per_document).corpus_keywords(min_documents=min_documents)


# Log scores are summed as integers in units of 2**-40 (a relative error of 1e-12 on a score), so
# sums over parts of a corpus, merged in any grouping, equal the sum over the whole corpus exactly.
_FIXED_POINT = 2**40


def _fixed(score: float) -> int:
    return round(math.log(max(score, 1e-12)) * _FIXED_POINT)


@dataclass
class KeywordTally:
    """What :func:`merge_document_keywords` needs from a run of documents; tallies of parts merge with ``update``."""

    listed: int = 0  # documents listing any keyword
    baseline: int = 0  # sum of those documents' cut-offs (log of the worst score listed, fixed point)
    gains: dict[str, int] = field(default_factory=dict)  # sum of (log score - cut-off) where listed
    documents: Counter = field(default_factory=Counter)
    surfaces: dict[str, Counter] = field(default_factory=dict)

    def update(self, other: KeywordTally) -> KeywordTally:
        """Add ``other`` (the documents that follow this tally's, for the same first-seen order)."""
        self.listed += other.listed
        self.baseline += other.baseline
        for key, gain in other.gains.items():
            self.gains[key] = self.gains.get(key, 0) + gain
        self.documents.update(other.documents)
        for key, written in other.surfaces.items():
            self.surfaces.setdefault(key, Counter()).update(written)
        return self

    def corpus_keywords(self, *, min_documents: int = 1) -> list[KeywordGroup]:
        """The corpus keywords listed by at least ``min_documents`` documents, best first."""
        if not self.listed:
            return []
        merged = [
            KeywordGroup(key, background_weighted(math.exp((self.baseline + gain) / _FIXED_POINT / self.listed), key, reference=CORPUS_RARITY_REFERENCE), self.surfaces[key])
            for key, gain in self.gains.items()
            if self.documents[key] >= min_documents
        ]
        return sorted(merged, key=lambda g: (g.score, g.key))


def keyword_tally(per_document: Sequence[list[KeywordGroup]]) -> KeywordTally:
    """The tally of each document's keywords, in document order."""
    tally = KeywordTally()
    for groups in per_document:
        if not groups:
            continue
        cutoff = _fixed(max(g.score for g in groups))
        tally.listed += 1
        tally.baseline += cutoff
        for group in groups:
            tally.gains[group.key] = tally.gains.get(group.key, 0) + _fixed(group.score) - cutoff
            tally.documents[group.key] += 1
            tally.surfaces.setdefault(group.key, Counter()).update(group.surfaces)
    return tally


if TYPE_CHECKING:
    import yake


@lru_cache(maxsize=8)
def _extractor(n: int, top: int) -> yake.KeywordExtractor:
    # Imported here: yake pulls in networkx (~0.5 s), which a dashboard opening a cached analysis never needs.
    import yake

    return yake.KeywordExtractor(lan="en", n=n, top=top)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """YAKE's English stopword list (lower-case)."""
    return frozenset(_extractor(MAX_NGRAM, CANDIDATES_PER_DOCUMENT).stopword_set)


def _chunks(sentences: Sequence[str]) -> Iterable[str]:
    chunk: list[str] = []
    size = 0
    for sentence in sentences:
        line = sentence if _TERMINAL.search(sentence) else sentence + "."
        chunk.append(line)
        size += len(line) + 1
        if size >= CHUNK_CHARS:
            yield "\n".join(chunk)
            chunk, size = [], 0
    if chunk:
        yield "\n".join(chunk)


def _is_useful(phrase: str) -> bool:
    tokens = _TOKEN.findall(phrase)
    if not tokens or all(any(c.isdigit() for c in t) for t in tokens):
        return False
    if any(len(t) > LONGEST_WORD for t in tokens):  # a run of letters with no space is not a word
        return False
    if all(_normal_token(t) in stopwords() for t in tokens):
        return False
    return any(c.isalpha() for c in phrase)


def _normal_token(token: str) -> str:
    lowered = token.lower()
    # The same as _POSSESSIVE.sub("", lowered), without a regex call per word.
    if lowered.endswith(("'s", "’s")):
        return lowered[:-2]
    return lowered[:-1] if lowered.endswith(("'", "’")) else lowered


@lru_cache(maxsize=200_000)
def _singular(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "os", "as")):
        return word[:-1]
    return word


def _ngram_keys(words: list[str], keys: Collection[str], finals: dict[str, set[int]]) -> Iterable[tuple[str, int, int]]:
    """(key, first word index, last word index + 1) of every n-gram of ``words`` that is one of ``keys``.

    ``finals`` is :func:`_finals` of the keys, computed once by the caller.
    """
    for end, word in enumerate(words, 1):
        sizes = finals.get(word)
        if sizes is None:
            continue  # most words end no keyword: skip building their n-grams
        last = _singular(word)
        for size in sizes:
            if size <= end:
                key = " ".join([*words[end - size : end - 1], last])
                if key in keys:
                    yield key, end - size, end


def _finals(keys: Collection[str]) -> dict[str, set[int]]:
    """Every word that can end a key (its last word or a plural of it) -> the key lengths (in words) ending so."""
    finals: dict[str, set[int]] = defaultdict(set)
    for key in keys:
        parts = key.split()
        for form in _plural_forms(parts[-1]):
            finals[form].add(len(parts))
    return dict(finals)


def _record_occurrences(groups: dict[str, KeywordGroup], sentences: Sequence[str]) -> None:
    """Count each keyword's occurrences and written forms, and how often a name runs on after it."""
    if not groups:
        return
    finals = _finals(groups.keys())
    for sentence in sentences:
        matches = list(_TOKEN.finditer(sentence))
        words = [_normal_token(m.group()) for m in matches]
        for key, i, j in _ngram_keys(words, groups.keys(), finals):
            group = groups[key]
            group.count += 1
            group.surfaces[sentence[matches[i].start() : matches[j - 1].end()]] += 1
            if j < len(matches) and sentence[matches[j - 1].end() : matches[j].start()] in {" ", "-"}:
                group.cut_name_runs += bool(_NAME_START.match(matches[j].group()))


def _is_cut_name(group: KeywordGroup) -> bool:
    return " " in group.key and group.count > 0 and group.cut_name_runs >= CUT_NAME_SHARE * group.count


def _drop_subsumed(ranked: list[KeywordGroup]) -> list[KeywordGroup]:
    """Leave out a phrase found almost only inside a better-ranked longer one ("Sylvanian civil" in "Sylvanian civil war")."""
    kept: list[KeywordGroup] = []
    for group in ranked:
        padded = f" {group.key} "
        if not any(
            len(k.key) > len(group.key) and padded in f" {k.key} " and group.count <= SUBSUMED_RATIO * k.count for k in kept
        ):
            kept.append(group)
    return kept

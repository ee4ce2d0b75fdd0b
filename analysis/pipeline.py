"""Run the whole analysis on a corpus and return its tables.

Columns of the :class:`Analysis` tables (offsets are into each document's original text):

- ``documents``: doc_id, title, source, date (ISO or as given), n_chars (original length),
  n_sentences, n_words (words in the analysed sentences), then any other short fields of a
  table input (e.g. ``label_credible``), as strings.
- ``sentences``: doc_id, sentence_id (0-based within the document), start, end, text (the
  sentence as analysed: noise removed, whitespace collapsed; the raw span is text[start:end]).
- ``mentions``: doc_id, sentence_id, actor, surface (exactly original[start:end]), start, end.
- ``actor_counts``: actor, type, color, mentions, sentences, documents.
- ``cooccurrence``: actor_a, actor_b, sentences (sentences naming both).
- ``keywords``: keyword, score (YAKE's, lower = more relevant), rank (1 = best), count
  (occurrences in the analysed sentences, variants included), doc_count.
- ``doc_keywords``: doc_id, keyword, score, rank, count.
- ``events``: see :data:`analysis.events.EVENT_COLUMNS`; year/month/day/year_end are only what
  the sentence writes; timeline_year/timeline_month/date_basis say where a timeline puts it.
- ``places``: doc_id, sentence_id, place, surface, lat, lon, start, end.
- ``cleaning``: the cleaning report (see :mod:`analysis.cleaning`), a dict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pandas as pd

from analysis.actors import COOCCURRENCE_COLUMNS, MENTION_COLUMNS, actor_counts, cooccurrence, find_mentions
from analysis.cleaning import CleanDocument, CleaningReport, clean_document, merge_reports, remove_repeated_passages
from analysis.corpus import Corpus, Document
from analysis.engine import LocalEngine, default_workers, shared
from analysis.events import EVENT_COLUMNS, find_events, timeline_date
from analysis.keywords import (
    KeywordGroup,
    boilerplate_key,
    count_keys_by_document,
    keyword_groups,
    merge_document_keywords,
    summed_counts,
)
from analysis.lexicons import ActorLexicon, load_actor_lexicon
from analysis.noise import Span
from analysis.places import PLACE_COLUMNS, find_places
from analysis.segment import Sentence, bare_names, document_sentences

DOCUMENT_COLUMNS = ["doc_id", "title", "source", "date", "n_chars", "n_sentences", "n_words"]
SENTENCE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "text"]
KEYWORD_COLUMNS = ["keyword", "score", "rank", "count", "doc_count"]
DOC_KEYWORD_COLUMNS = ["doc_id", "keyword", "score", "rank", "count"]
CORPUS_KEYWORDS = 200
# A sentence repeated verbatim in at least this many documents (and this share of them)
# is site furniture ("short URL", "Date of publication"): YAKE does not see it.
BOILERPLATE_MIN_DOCUMENTS = 3
BOILERPLATE_SHARE = 0.01
DOCUMENT_KEYWORDS = 20

Progress = Callable[[int, int], None]


@dataclass
class Analysis:
    """Every table the dashboard and the CLI show, for one corpus and one set of settings."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    actor_counts: pd.DataFrame
    cooccurrence: pd.DataFrame
    keywords: pd.DataFrame
    doc_keywords: pd.DataFrame
    events: pd.DataFrame
    places: pd.DataFrame
    cleaning: dict[str, Any]
    actor_colors: dict[str, str] = field(default_factory=dict)
    ngram: int = 3
    from_cache: bool = False  # read back from the on-disk cache rather than computed now


@dataclass
class DocumentResult:
    """What per-document work produces, before corpus-level merging."""

    doc_id: str
    sentences: list[Sentence]
    mentions: list[tuple]
    events: list[tuple]
    places: list[tuple]
    line_keys: set[str] = field(default_factory=set)  # the document's sentences as boilerplate keys


def analyze(
    corpus: Corpus,
    *,
    actors: ActorLexicon | None = None,
    ngram: int = 3,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Analysis:
    """Clean, segment and analyse every document, then merge corpus-level tables.

    Args:
        corpus: The documents (see :func:`analysis.load_corpus`).
        actors: Actor dictionary; default: data/actors.toml.
        ngram: Longest keyword phrase in words (1-3).
        progress: Called as progress(done, total) as work finishes (steps, not documents).
        workers: Processes for the per-document work; 1 = this process; default: chosen
            from the corpus size and the machine's cores. The result is the same either way.
    """
    if not 1 <= ngram <= 3:
        raise ValueError("ngram must be 1, 2 or 3")
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    lexicon = actors or load_actor_lexicon()
    sizes = [len(doc.text) for doc in corpus.documents]
    with LocalEngine(workers or default_workers(len(sizes), sum(sizes))) as engine:
        engine.share(lexicon=lexicon, names=bare_names(lexicon), ngram=ngram)
        return analyze_with(engine, corpus, lexicon=lexicon, ngram=ngram, progress=progress)


def analyze_with(engine: LocalEngine, corpus: Corpus, *, lexicon: ActorLexicon, ngram: int, progress: Progress | None = None) -> Analysis:
    """:func:`analyze` on an engine whose workers share ``lexicon``, ``names`` and ``ngram``."""
    sizes = [len(doc.text) for doc in corpus.documents]
    # Lines repeated across documents need at least BOILERPLATE_MIN_DOCUMENTS to be found.
    engine.share(line_keys=len(sizes) >= BOILERPLATE_MIN_DOCUMENTS)
    step = _Steps(progress, len(sizes))
    parts = engine.map(clean_batch, corpus.documents, sizes=sizes, done=step.on(CLEAN_STEPS))
    report = merge_reports([r for *_, r in parts])
    report.load_warnings = list(corpus.warnings)
    cleaned = [
        CleanDocument(doc, doc.text if text is None else text, removed, breaks)
        for doc, (text, removed, breaks, _) in zip(corpus.documents, parts)
    ]
    del parts
    cleaned, report = remove_repeated_passages(cleaned, report)
    results = engine.map(extract_batch, cleaned, sizes=sizes, done=step.on(EXTRACT_STEPS))
    boilerplate = boilerplate_from_keys([r.line_keys for r in results])
    report_dict = finished_report(report, boilerplate)
    jobs = [([s.text for s in r.sentences], frozenset(r.line_keys & boilerplate)) for r in results]
    doc_ids = [r.doc_id for r in results]
    for result in results:
        result.line_keys = set()  # no longer needed: about one more copy of the corpus text
    # The rows become compact columns now, not after the keyword stage (the longest): the tuples and
    # cleaned texts are freed while the workers hold YAKE's structures, where memory peaks.
    tables = document_tables(cleaned, results)
    del cleaned, results
    groups = engine.map(keyword_batch, jobs, sizes=sizes, done=step.on(KEYWORD_STEPS))
    keywords = _keyword_frames(
        doc_ids,
        groups,
        lambda keys: engine.map(partial(count_keys_by_document, keys), [j[0] for j in jobs], sizes=sizes, done=step.on(COUNT_STEPS)),
    )
    analysis = _assemble(tables, report_dict, lexicon, keywords)
    analysis.ngram = ngram
    return analysis


# Progress steps per document in each stage, roughly in proportion to their cost (YAKE dominates).
CLEAN_STEPS, EXTRACT_STEPS, KEYWORD_STEPS, COUNT_STEPS = 1, 2, 6, 1


class _Steps:
    """Turns "n documents done in this stage" into progress(done, total) over all stages."""

    def __init__(self, progress: Progress | None, n_documents: int) -> None:
        self.progress = progress
        self.total = n_documents * (CLEAN_STEPS + EXTRACT_STEPS + KEYWORD_STEPS + COUNT_STEPS)
        self.done = 0

    def on(self, weight: int) -> Callable[[int], None] | None:
        if self.progress is None:
            return None

        def report(n_documents: int) -> None:
            self.done += weight * n_documents
            self.progress(self.done, self.total)

        return report


def clean_batch(documents: list[Document]) -> list[tuple[str | None, list[Span], list[int], CleaningReport]]:
    """Worker: each document's own cleaning (analysis text, removed spans, sentence breaks) and its report.

    The document itself is not sent back: the caller has it, and a copy of every text would double the memory.
    Nor is an analysis text equal to the original (nothing removed): None stands for it.
    """
    return [
        (None if item.analysis_text == item.document.text else item.analysis_text, item.removed, item.hard_breaks, report)
        for item, report in map(clean_document, documents)
    ]


def extract_batch(items: list[CleanDocument]) -> list[DocumentResult]:
    """Worker: sentences, mentions, events and places of each cleaned document."""
    lexicon, names = shared("lexicon"), shared("names")
    return [analyse_document(item, lexicon, names, line_keys=shared("line_keys")) for item in items]


def keyword_batch(jobs: list[tuple[list[str], frozenset[str]]]) -> list[list[KeywordGroup]]:
    """Worker: each document's keywords, from its sentences and the boilerplate lines it holds."""
    ngram = shared("ngram")
    return [keyword_groups(sentences, n=ngram, boilerplate=skip) for sentences, skip in jobs]


def min_documents(n_documents: int) -> int:
    """How many documents must list a keyword for it to be a corpus keyword."""
    return 1 if n_documents < 5 else 2 if n_documents < 50 else 3


def finished_report(report: CleaningReport, boilerplate: Collection[str]) -> dict[str, Any]:
    """The cleaning report as stored: what cleaning removed, plus the boilerplate lines YAKE did not see."""
    finished = report.to_dict()
    finished["boilerplate_lines"] = sorted(boilerplate)[:50]
    if boilerplate:
        finished["counts"]["boilerplate_line"] = len(boilerplate)
    return finished


def corpus_keyword_frame(top: list[KeywordGroup], counts: Counter, doc_counts: Counter) -> pd.DataFrame:
    """The ``keywords`` table: merged corpus keywords, best first, with their occurrences."""
    return _frame([(g.keyword, g.score, rank, counts[g.key], doc_counts[g.key]) for rank, g in enumerate(top, 1)], KEYWORD_COLUMNS)


def doc_keyword_frame(doc_ids: Sequence[str], per_doc: Sequence[list[KeywordGroup]]) -> pd.DataFrame:
    """The ``doc_keywords`` table: each document's best keywords."""
    return _frame(
        [(doc_id, g.keyword, g.score, rank, g.count) for doc_id, groups in zip(doc_ids, per_doc) for rank, g in enumerate(groups[:DOCUMENT_KEYWORDS], 1)],
        DOC_KEYWORD_COLUMNS,
    )


def keyword_tables(
    sentences_by_doc: dict[str, list[str]], *, ngram: int = 3, boilerplate: Collection[str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Corpus and per-document keyword tables (``keywords``, ``doc_keywords``) from each document's sentences.

    Args:
        sentences_by_doc: doc_id -> the document's analysed sentences, in order.
        ngram: Longest keyword phrase in words (1-3).
        boilerplate: Lines YAKE should not see; default: those repeated across documents.
    """
    if not 1 <= ngram <= 3:
        raise ValueError("ngram must be 1, 2 or 3")
    skip = boilerplate_lines(list(sentences_by_doc.values())) if boilerplate is None else boilerplate
    per_doc = [keyword_groups(texts, n=ngram, boilerplate=skip) for texts in sentences_by_doc.values()]
    return _keyword_frames(list(sentences_by_doc), per_doc, lambda keys: count_keys_by_document(keys, sentences_by_doc.values()))


def _keyword_frames(
    doc_ids: list[str], per_doc: list[list[KeywordGroup]], count: Callable[[frozenset[str]], list[Counter]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``keywords`` and ``doc_keywords`` tables from each document's keywords; ``count`` counts keys per document."""
    top = merge_document_keywords(per_doc, min_documents=min_documents(len(per_doc)))[:CORPUS_KEYWORDS]
    counted = count(frozenset(g.key for g in top))
    return corpus_keyword_frame(top, *summed_counts(counted)), doc_keyword_frame(doc_ids, per_doc)


def keywords_for(analysis: Analysis, *, ngram: int = 3, doc_ids: Collection[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keyword tables for some of an analysis's documents (all by default) at another n-gram size.

    Boilerplate lines are those of the whole corpus, so a subset keeps out the same site furniture.

    Args:
        analysis: A finished analysis.
        ngram: Longest keyword phrase in words (1-3).
        doc_ids: The documents to draw keywords from; ``None`` means all of them.
    """
    if not 1 <= ngram <= 3:
        raise ValueError("ngram must be 1, 2 or 3")
    if doc_ids is None and ngram == analysis.ngram:
        return analysis.keywords, analysis.doc_keywords
    everything = sentences_by_document(analysis.sentences)
    known = set(analysis.documents["doc_id"])
    if doc_ids is not None and not known.intersection(doc_ids):
        raise ValueError("none of the chosen documents is in this analysis")
    # A document left with no sentence (a duplicate, only noise) simply yields no keyword.
    chosen = everything if doc_ids is None else {d: everything.get(d, []) for d in doc_ids if d in known}
    return keyword_tables(chosen, ngram=ngram, boilerplate=boilerplate_lines(list(everything.values())))


def sentences_by_document(sentences: pd.DataFrame) -> dict[str, list[str]]:
    """doc_id -> its sentence texts in order, from an analysis's ``sentences`` table."""
    ordered = sentences.sort_values(["doc_id", "sentence_id"], kind="stable")
    return {doc_id: list(group["text"]) for doc_id, group in ordered.groupby("doc_id", sort=False)}


def boilerplate_lines(sentences_by_doc: list[list[str]]) -> set[str]:
    """Sentences found verbatim in several documents (site furniture such as "short URL")."""
    return boilerplate_from_keys([{boilerplate_key(s) for s in sentences} for sentences in sentences_by_doc])


def boilerplate_from_keys(keys_by_doc: Sequence[Collection[str]]) -> set[str]:
    """The boilerplate lines, given each document's distinct :func:`boilerplate_key` lines."""
    seen: Counter = Counter()
    for keys in keys_by_doc:
        seen.update(keys)
    return boilerplate_from_counts(seen, len(keys_by_doc))


def boilerplate_from_counts(documents_with_line: Counter, n_documents: int) -> set[str]:
    """The boilerplate lines, given in how many documents each line (as a boilerplate key) occurs."""
    if n_documents < BOILERPLATE_MIN_DOCUMENTS:
        return set()
    threshold = max(BOILERPLATE_MIN_DOCUMENTS, int(BOILERPLATE_SHARE * n_documents))
    return {line for line, n in documents_with_line.items() if n >= threshold}


def analyse_document(item: CleanDocument, lexicon: ActorLexicon, names: frozenset[str], *, line_keys: bool = True) -> DocumentResult:
    """Per-document work: sentences, mentions, events and places (keywords come after boilerplate is known).

    ``line_keys=False`` leaves out the sentences' boilerplate keys, for a corpus too small to have boilerplate.
    """
    doc = item.document
    sentences = document_sentences(item, names)
    mentions, events, places = [], [], []
    for sentence_id, sentence in enumerate(sentences):
        found = find_mentions(item.analysis_text, sentence.start, sentence.end, lexicon)
        mentions += [(doc.doc_id, sentence_id, actor, doc.text[s:e], s, e) for actor, s, e in found]
        actors_here = ";".join(dict.fromkeys(actor for actor, _, _ in found))
        events += [_event_row(doc.doc_id, doc.date, sentence_id, sentence, ref, actors_here) for ref in find_events(sentence.text)]
        places += [
            (doc.doc_id, sentence_id, p.name, doc.text[s:e], p.lat, p.lon, s, e)
            for p, s, e in find_places(item.analysis_text, sentence.start, sentence.end)
        ]
    keys = {boilerplate_key(s.text) for s in sentences} if line_keys else set()
    return DocumentResult(doc.doc_id, sentences, mentions, events, places, keys)


def _event_row(doc_id: str, doc_date: str, sentence_id: int, sentence: Sentence, ref, actors: str) -> tuple:
    year, month, basis = timeline_date(ref, doc_date)
    date = ref.date
    return (
        doc_id, sentence_id, ref.event_type, ref.trigger, ref.start, ref.end,
        date.text if date else "", date.year if date else None, date.month if date else None,
        date.day if date else None, date.year_end if date else None,
        ref.named_event.name if ref.named_event else "", year, month, basis, actors,
    )


def _assemble(
    tables: dict[str, pd.DataFrame], report: dict[str, Any], lexicon: ActorLexicon, keywords: tuple[pd.DataFrame, pd.DataFrame]
) -> Analysis:
    mentions = tables["mentions"]
    return Analysis(
        **tables,
        actor_counts=actor_counts(mentions, lexicon),
        cooccurrence=cooccurrence(mentions) if not mentions.empty else pd.DataFrame(columns=COOCCURRENCE_COLUMNS),
        keywords=keywords[0],
        doc_keywords=keywords[1],
        cleaning=report,
        actor_colors=lexicon.colors,
    )


def document_tables(cleaned: list[CleanDocument], results: list[DocumentResult]) -> dict[str, pd.DataFrame]:
    """The per-document tables (documents, sentences, mentions, events, places) of some documents, in their order.

    Consumes ``results``: each field is emptied once its table is built, so rows never exist twice
    (as tuples and as a table) for more than one table at a time.
    """
    tables = {"documents": _documents_table(cleaned, results)}
    tables["sentences"] = _frame([(r.doc_id, i, s.start, s.end, s.text) for r in results for i, s in enumerate(r.sentences)], SENTENCE_COLUMNS)
    for name, columns in (("mentions", MENTION_COLUMNS), ("events", EVENT_COLUMNS), ("places", PLACE_COLUMNS)):
        tables[name] = _frame([row for r in results for row in getattr(r, name)], columns)
        for result in results:
            setattr(result, name, [])
    for result in results:
        result.sentences = []
    return tables


def _documents_table(cleaned: list[CleanDocument], results: list[DocumentResult]) -> pd.DataFrame:
    table = _frame(_document_rows(cleaned, results), DOCUMENT_COLUMNS)
    # Extra metadata of table inputs (e.g. FA-KES's label_credible) follows, one column per field.
    extra = pd.DataFrame([dict(item.document.meta) for item in cleaned], index=table.index)
    return pd.concat([table, extra.drop(columns=[c for c in extra.columns if c in table.columns]).fillna("")], axis=1)


def _document_rows(cleaned: list[CleanDocument], results: list[DocumentResult]) -> list[tuple]:
    rows = []
    for item, result in zip(cleaned, results):
        doc = item.document
        n_words = sum(len(s.text.split()) for s in result.sentences)
        rows.append((doc.doc_id, doc.title, doc.source, doc.date, len(doc.text), len(result.sentences), n_words))
    return rows


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("year", "month", "day", "year_end", "timeline_year", "timeline_month"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame

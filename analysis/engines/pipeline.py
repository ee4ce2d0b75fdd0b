"""Run the whole analysis on a corpus and return its tables.

Columns of the :class:`Analysis` tables (offsets are into each document's original text):

- ``documents``: doc_id, title, source, date (ISO or as given), n_chars (original length),
  n_sentences, n_words (words in the analysed sentences), then any other short fields of a
  table input (e.g. ``label_credible``), as strings.
- ``sentences``: doc_id, sentence_id (0-based within the document), start, end, text (the
  sentence as analysed: noise removed, whitespace collapsed; the raw span is text[start:end]).
- ``mentions``: doc_id, sentence_id, actor, surface (exactly original[start:end]), start, end,
  rule (what found it: ``world``, ``dictionary``, ``demonym``, ``metonym`` for lexicon aliases;
  ``model`` where the NER model tagged the span, ``propagated`` where it tagged the same name
  elsewhere in the corpus, ``surname`` and ``acronym`` for forms merged into a model-found name;
  ``reference`` for a description such as "the government" counted for its document's home state).
- ``actor_counts``: actor, type, color, mentions, sentences, documents, origin (``world``,
  ``dictionary`` or ``model``).
- ``cooccurrence``: actor_a, actor_b, sentences (sentences naming both).
- ``keywords``: keyword, score (YAKE's weighted by background rarity, lower = more relevant),
  rank (1 = best), count (occurrences in the analysed sentences, variants included), doc_count,
  actor (the actor a keyword names, "" for none: its forms are folded into one row under the
  actor's name, counted as the actor's mentions and documents; see
  :mod:`analysis.extract.keyword_names`). A phrase of several words written only once is not one.
- ``doc_keywords``: doc_id, keyword, score, rank, count.
- ``events``: see :data:`analysis.extract.events.EVENT_COLUMNS`; year/month/day/year_end are only what
  the sentence writes; timeline_year/timeline_month/date_basis say where a timeline puts it;
  named_event is a catalogued event's name (named_source "catalogue") or an event name the text
  writes, under its commonest spelling (named_source "text").
- ``places``: doc_id, sentence_id, place, surface, lat, lon, start, end.
- ``cleaning``: the cleaning report (see :mod:`analysis.clean.cleaning`), a dict.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from typing import Any

import numpy as np
import pandas as pd

from analysis.clean.cleaning import CleanDocument, CleaningReport, clean_document, merge_reports, remove_repeated_passages
from analysis.clean.dedup import Fingerprints, fingerprints
from analysis.clean.noise import Span
from analysis.clean.segment import Sentence, bare_names, document_sentences
from analysis.engines.engine import LocalEngine, default_workers, shared
from analysis.engines.packed import Packed, opened
from analysis.extract.actors import COOCCURRENCE_COLUMNS, MENTION_COLUMNS, actor_counts, cooccurrence, find_ruled_mentions
from analysis.extract.discovery import (
    PLACE_LABELS,
    Candidate,
    CandidateTally,
    candidate_after,
    discover,
    label_in_context,
    load_rules,
    normalise_name,
    place_tally,
    results_line,
    tally_candidates,
)
from analysis.extract.event_names import canonical_names, find_event_names, with_model_events
from analysis.extract.events import EVENT_COLUMNS, document_context, find_events, reference_name, timeline_date
from analysis.extract.geocode import NOT_PLACE_RULES, country_of, geocode, own_countries, used_as_place
from analysis.extract.keyword_names import counts_within, fold_keyword_names, name_tally
from analysis.extract.keywords import (
    KeywordGroup,
    boilerplate_key,
    count_keys_by_document,
    keyword_groups,
    keyword_tally,
    summed_counts,
)
from analysis.extract.matching import AliasMatcher, leftmost_longest
from analysis.extract.ner import find_entities
from analysis.extract.places import PLACE_COLUMNS, find_places
from analysis.extract.references import REFERENCE_RULE, home_state, resolve_references
from analysis.knowledge.lexicons import ActorLexicon, load_actor_lexicon, merge_actor_lexicons
from analysis.load.corpus import Corpus, Document

DOCUMENT_COLUMNS = ["doc_id", "title", "source", "date", "n_chars", "n_sentences", "n_words"]
SENTENCE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "text"]
KEYWORD_COLUMNS = ["keyword", "score", "rank", "count", "doc_count", "actor"]
_RANKED_KEYWORD_COLUMNS = KEYWORD_COLUMNS[:-1]  # before names are folded
MIN_PHRASE_OCCURRENCES = 2
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
    packs: list[str] = field(default_factory=list)  # the lexicon packs applied to this corpus


@dataclass
class DocumentResult:
    """What per-document work produces, before corpus-level merging."""

    doc_id: str
    sentences: list[Sentence]
    mentions: list[tuple] | Packed[list[tuple]]
    events: list[tuple] | Packed[list[tuple]]  # packed where the local engine's central process holds it
    places: list[tuple] | Packed[list[tuple]]
    line_keys: set[str] = field(default_factory=set)  # the document's sentences as boilerplate keys
    candidates: list[Candidate] | Packed[list[Candidate]] = field(default_factory=list)  # entity spans the NER model found
    tally: CandidateTally | None = None  # what resolution reads of them (dropped once the corpus is resolved)


def analyze(
    corpus: Corpus,
    *,
    actors: ActorLexicon | None = None,
    ngram: int = 3,
    progress: Progress | None = None,
    workers: int | None = None,
    packs: str | Collection[str] = "auto",
) -> Analysis:
    """Clean, segment and analyse every document, then merge corpus-level tables.

    Args:
        corpus: The documents (see :func:`analysis.load_corpus`).
        actors: Actor lexicon; default: the world lexicon with the packs in data/packs/.
        ngram: Longest keyword phrase in words (1-3).
        progress: Called as progress(done, total) as work finishes (steps, not documents).
        workers: Processes for the per-document work; 1 = this process; default: chosen
            from the corpus size and the machine's cores. The result is the same either way.
        packs: Which lexicon packs apply: "auto" (those whose anchor actors the corpus names
            enough), "all", "none", or pack names.
    """
    if not 1 <= ngram <= 3:
        raise ValueError("ngram must be 1, 2 or 3")
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    lexicon = corpus_lexicon(actors or load_actor_lexicon(), corpus, packs)
    sizes = [len(doc.text) for doc in corpus.documents]
    with LocalEngine(workers or default_workers(len(sizes), sum(sizes))) as engine:
        engine.share(lexicon=lexicon, names=bare_names(lexicon), ngram=ngram)
        analysis = analyze_with(engine, corpus, lexicon=lexicon, ngram=ngram, progress=progress)
    analysis.packs = list(lexicon.applied)
    return analysis


# Whether a pack applies is decided on the start of each document: enough to see what it is about.
PACK_SAMPLE_CHARS = 20_000


def corpus_lexicon(lexicon: ActorLexicon, corpus: Corpus, packs: str | Collection[str] = "auto") -> ActorLexicon:
    """The lexicon with the packs that apply to ``corpus`` laid over it (see :meth:`ActorLexicon.for_texts`)."""
    return lexicon.for_texts([doc.text[:PACK_SAMPLE_CHARS] for doc in corpus.documents], packs)


def analyze_with(engine: LocalEngine, corpus: Corpus, *, lexicon: ActorLexicon, ngram: int, progress: Progress | None = None) -> Analysis:
    """:func:`analyze` on an engine whose workers share ``lexicon``, ``names`` and ``ngram``."""
    sizes = [len(doc.text) for doc in corpus.documents]
    # Lines repeated across documents need at least BOILERPLATE_MIN_DOCUMENTS to be found.
    # Rows cross to this process packed only when they cross from another: in one process there is no copy to save.
    engine.share(line_keys=len(sizes) >= BOILERPLATE_MIN_DOCUMENTS, pack=engine.workers > 1)
    step = StageProgress(progress, len(sizes), (CLEAN_STEPS, EXTRACT_STEPS, MENTION_STEPS, KEYWORD_STEPS, COUNT_STEPS))
    parts = engine.map(clean_batch, corpus.documents, sizes=sizes, done=step.on(CLEAN_STEPS))
    report = merge_reports([r for *_, r, _ in parts])
    report.load_warnings = list(corpus.warnings)
    cleaned = [
        CleanDocument(doc, doc.text if text is None else text, removed, breaks)
        for doc, (text, removed, breaks, _, _) in zip(corpus.documents, parts)
    ]
    found = Fingerprints.concat([p[-1] for p in parts])
    del parts
    cleaned, report = remove_repeated_passages(cleaned, report, found=found)
    del found
    results = engine.map(extract_batch, cleaned, sizes=sizes, done=step.on(EXTRACT_STEPS))
    resolved = resolve(lexicon, merged_tallies(results))
    jobs = [(item, r.sentences, r.candidates, r.places) for item, r in zip(cleaned, results)]
    for result, (mentions, places) in zip(results, engine.map(partial(packed_mention_batch, resolved), jobs, sizes=sizes, done=step.on(MENTION_STEPS))):
        result.mentions, result.places, result.candidates = mentions, places, []
    del jobs
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
    groups = engine.map(packed_keyword_batch, jobs, sizes=sizes, done=step.on(KEYWORD_STEPS))
    keywords = _keyword_frames(
        doc_ids,
        groups,
        lambda keys: engine.map(partial(count_keys_by_document, keys), [j[0] for j in jobs], sizes=sizes, done=step.on(COUNT_STEPS)),
    )
    analysis = _assemble(tables, report_dict, resolved.lexicon, keywords, boilerplate)
    analysis.ngram = ngram
    return analysis


# Progress steps per document in each stage, roughly in proportion to their cost (YAKE and NER dominate).
CLEAN_STEPS, EXTRACT_STEPS, MENTION_STEPS, KEYWORD_STEPS, COUNT_STEPS = 1, 6, 1, 6, 1


class StageProgress:
    """Turns "n items done in this stage" into progress(done, total) over all stages (``weights``: steps per item of each)."""

    def __init__(self, progress: Progress | None, n_items: int, weights: Sequence[int]) -> None:
        self.progress = progress
        self.total = n_items * sum(weights)
        self.done = 0

    def on(self, weight: int) -> Callable[[int], None] | None:
        """A callback for one stage, given the number of items just finished (None without progress)."""
        if self.progress is None:
            return None

        def report(n_items: int) -> None:
            self.done += weight * n_items
            self.progress(min(self.done, self.total), self.total)

        return report


def clean_batch(documents: list[Document]) -> list[tuple[str | None, list[Span], list[int], CleaningReport, Fingerprints]]:
    """Worker: each document's own cleaning (analysis text, removed spans, sentence breaks), its report,
    and the fingerprints of its analysis text (for passages repeated across the corpus).

    The document itself is not sent back: the caller has it, and a copy of every text would double the memory.
    Nor is an analysis text equal to the original (nothing removed): None stands for it.
    """
    return [
        (None if item.analysis_text == item.document.text else item.analysis_text, item.removed, item.hard_breaks, report, fingerprints([item.analysis_text]))
        for item, report in map(clean_document, documents)
    ]


def extract_batch(items: list[CleanDocument]) -> list[DocumentResult]:
    """Worker: sentences, entity candidates, events and places of each cleaned document (the rows
    the central process only passes on come packed when it is another process)."""
    lexicon, names = shared("lexicon"), shared("names")
    results = [analyse_document(item, lexicon, names, line_keys=shared("line_keys")) for item in items]
    pack = _packer()
    return [replace(r, candidates=pack(r.candidates), events=pack(r.events), places=pack(r.places)) for r in results]


def _packer() -> Callable[[Any], Any]:
    """:meth:`Packed.of` where rows cross to another process (the engine's shared ``pack``), else the rows as they are."""
    return Packed.of if shared("pack") else _as_they_are


def _as_they_are(rows: Any) -> Any:
    return rows


def keyword_batch(jobs: list[tuple[list[str], frozenset[str]]]) -> list[list[KeywordGroup]]:
    """Worker: each document's keywords, from its sentences and the boilerplate lines it holds."""
    ngram = shared("ngram")
    return [keyword_groups(sentences, n=ngram, boilerplate=skip) for sentences, skip in jobs]


def packed_keyword_batch(jobs: list[tuple[list[str], frozenset[str]]]) -> list[list[KeywordGroup] | Packed[list[KeywordGroup]]]:
    """Worker: :func:`keyword_batch`, each document's keywords packed for the central process (which reads them one document at a time) when it is another."""
    pack = _packer()
    return [pack(groups) for groups in keyword_batch(jobs)]


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
    """The ``keywords`` table before names are folded: merged corpus keywords, best first, with their occurrences.

    A phrase of several words written only once in the corpus is left out: it is most often two
    snippets glued together ("a downed fighter" + "Zenda's war…"), never a topic of the corpus.
    """
    kept = [g for g in top if counts[g.key] >= MIN_PHRASE_OCCURRENCES or " " not in g.key]
    return _frame([(g.keyword, g.score, rank, counts[g.key], doc_counts[g.key]) for rank, g in enumerate(kept, 1)], _RANKED_KEYWORD_COLUMNS)


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
    doc_ids: list[str], per_doc: Sequence[list[KeywordGroup] | Packed[list[KeywordGroup]]], count: Callable[[frozenset[str]], list[Counter]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``keywords`` and ``doc_keywords`` tables from each document's keywords; ``count`` counts keys per document."""
    best: list[list[KeywordGroup]] = []  # each document's first DOCUMENT_KEYWORDS, for doc_keywords

    def each_opened() -> Iterable[list[KeywordGroup]]:  # one document at a time, each opened once
        for item in per_doc:
            groups = opened(item)
            best.append(groups[:DOCUMENT_KEYWORDS])
            yield groups

    top = keyword_tally(each_opened()).corpus_keywords(min_documents=min_documents(len(per_doc)))[:CORPUS_KEYWORDS]
    counted = count(frozenset(g.key for g in top))
    return corpus_keyword_frame(top, *summed_counts(counted)), doc_keyword_frame(doc_ids, best)


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
    boilerplate = boilerplate_lines(list(everything.values()))
    keywords, doc_keywords = keyword_tables(chosen, ngram=ngram, boilerplate=boilerplate)
    mentions, sentences = (analysis.mentions, analysis.sentences) if doc_ids is None else (
        analysis.mentions[analysis.mentions["doc_id"].isin(chosen)], analysis.sentences[analysis.sentences["doc_id"].isin(chosen)]
    )
    counts = counts_within(mentions, analysis.actor_counts)
    return fold_keyword_names(keywords, name_tally(mentions, sentences, boilerplate), counts), doc_keywords


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
    """Per-document work: sentences, entity candidates, events and places.

    Actor mentions come once the corpus's candidates are resolved (:func:`mention_rows`), keywords
    once boilerplate is known. ``line_keys=False`` leaves out the sentences' boilerplate keys,
    for a corpus too small to have boilerplate.
    """
    doc = item.document
    text = item.analysis_text
    sentences = document_sentences(item, names)
    candidates, events, places = [], [], []
    spans = find_entities([text[s.start : s.end] for s in sentences]) if sentences else []
    lower_words: Counter | None = None
    context = document_context(text, doc.date)
    for sentence_id, (sentence, entities) in enumerate(zip(sentences, spans)):
        raw = text[sentence.start : sentence.end]
        lead = len(raw) - len(raw.lstrip())
        scores = results_line(raw)
        for e in entities:
            start, end = sentence.start + e.start, sentence.start + e.end
            team = scores and e.label in PLACE_LABELS
            surface, label = text[start:end], label_in_context(e.label, text, start)
            lowered, name = 0, normalise_name(surface, label)
            if name and " " not in name:  # "Mrs May" is the one word "May"
                lower_words = lowercase_words(text) if lower_words is None else lower_words
                lowered = lower_words.get(name.lower(), 0)
            candidates.append(Candidate(doc.doc_id, sentence_id, label, surface, start, end, candidate_after(text, end), e.start == lead, lowered, team))
        written = with_model_events(
            find_event_names(
                sentence.text,
                demonyms=[(e.start, e.end) for e in entities if e.label == "NORP"],
                people=[(e.start, e.end) for e in entities if e.label == "PERSON"],
            ),
            sentence.text, [(e.start, e.end) for e in entities if e.label == "EVENT"],
        )
        events += [_event_row(doc.doc_id, doc.date, sentence_id, ref) for ref in find_events(sentence.text, document=context, written=written)]
        places += [
            (doc.doc_id, sentence_id, p.name, doc.text[s:e], p.lat, p.lon, s, e)
            for p, s, e in find_places(text, sentence.start, sentence.end)
        ]
    keys = {boilerplate_key(s.text) for s in sentences} if line_keys else set()
    return DocumentResult(doc.doc_id, sentences, [], events, places, keys, candidates, tally_candidates(candidates, lexicon))


@dataclass
class Resolution:
    """What finding mentions needs once the corpus's candidates are resolved: the lexicon, the
    model-found actors, and each model-found form's actor.

    The two are matched apart and their matches merged (longest first, the lexicon's on a tie), so
    the lexicon's large matcher, compiled once per process, is not compiled again for each corpus.
    """

    base: ActorLexicon
    found: ActorLexicon
    forms: dict[str, str]
    places: tuple[str, ...] = ()  # place names the model found somewhere in the corpus, to find everywhere
    countries: tuple[str, ...] = ()  # the corpus's own countries (ISO alpha-2): an ambiguous place name goes there first
    not_places: frozenset[str] = frozenset()  # names the corpus writes as organisations or people more than as places
    home: str | None = None  # the state the corpus is set in, where one leads clearly: "the government" of a document naming none
    token: str = field(default_factory=lambda: uuid.uuid4().hex)  # tells one analysis's resolution from another's

    @cached_property
    def lexicon(self) -> ActorLexicon:
        """The lexicon with the model-found actors laid over it: every actor's type, colour and origin."""
        return merge_actor_lexicons(self.base, self.found)

    @cached_property
    def states(self) -> frozenset[str]:
        """The actors that are states (by the lexicon's type)."""
        return frozenset(name for name, kind in self.lexicon.types.items() if kind == "state")

    @cached_property
    def people(self) -> frozenset[str]:
        """The actors that are people (by the lexicon's type)."""
        return frozenset(name for name, kind in self.lexicon.types.items() if kind == "person")

    @cached_property
    def place_matcher(self) -> AliasMatcher:
        """A matcher of :attr:`places`, as written."""
        return AliasMatcher([(name, name) for name in self.places], case_sensitive=self.places, bare_possessive=True)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the fields only: a worker compiles its own matchers once."""
        fields = ("base", "found", "forms", "places", "countries", "not_places", "home", "token")
        return {name: getattr(self, name) for name in fields}

    def mentions(self, text: str, start: int, end: int) -> list[tuple[str, int, int, str]]:
        """(actor, start, end, rule) of the mentions in text[start:end], the lexicon's and the model-found actors'."""
        found = find_ruled_mentions(text, start, end, self.base) + find_ruled_mentions(text, start, end, self.found)
        return leftmost_longest(found, lambda m: (m[1], m[2]))  # the lexicon's listed first: it wins a tie


def resolve(lexicon: ActorLexicon, candidates: Iterable[Candidate] | CandidateTally) -> Resolution:
    """The corpus's candidates (or their tally) resolved (:func:`analysis.extract.discovery.discover`) beside the lexicon."""
    tally = candidates if isinstance(candidates, CandidateTally) else tally_candidates(candidates, lexicon)
    not_places = organisation_names(tally)
    found = discover(tally, lexicon, not_places=not_places)
    states = {alias: actor.name for actor in lexicon.actors if actor.type == "state" for alias in (actor.name, *actor.aliases)}
    named = [states.get(name, name) for name in tally.places.elements()]  # a state's alias counts as its name
    state_names = set(states.values())
    home = home_state(name for name in named if name in state_names)
    return Resolution(lexicon, found.lexicon(), found.forms, found.places, own_countries(named), not_places, home)


def merged_tallies(results: Iterable[DocumentResult]) -> CandidateTally:
    """The candidate tally of documents' results, in order; each result's own is dropped."""
    results = list(results)
    tally = CandidateTally.merged(r.tally for r in results)
    for result in results:
        result.tally = None
    return tally


BIG_CITY = 100_000


def organisation_names(candidates: Sequence[Candidate] | CandidateTally) -> frozenset[str]:
    """Names the model took for a place that the corpus mostly writes as something else.

    A name the gazetteer does not know must be a place at least twice as often as anything else,
    the small model's place labels being unsure: "Zenda Telecom" tagged a place three times and an
    organisation twice is an organisation. A name it knows is refused when the corpus writes it
    more often in lower case ("Broadband" at the head of a sentence), or, for a town under 100,000
    people, more often as the first word of an organisation's name ("Jupiter" beside "Jupiter
    Research"): big cities' names are carried by clubs and firms and stay places.
    """
    tally = candidates if isinstance(candidates, CandidateTally) else place_tally(candidates)
    as_place, as_other, heads, lowered = tally.as_place, tally.as_other, tally.heads, tally.lowered

    def refused(name: str, n: int) -> bool:
        point = geocode(name)
        if point is None:  # not a place the gazetteer knows: the model's word against the corpus's
            return (as_other[name] + lowered[name]) * 2 > n
        small = point.kind == "city" and point.population < BIG_CITY
        return lowered[name] > n or (small and heads[name] > n)

    return frozenset(name for name, n in as_place.items() if refused(name, n))


def mention_batch(
    resolved: Resolution, jobs: list[tuple[CleanDocument, list[Sentence], list[Candidate] | Packed, list[tuple] | Packed]]
) -> list[tuple[list[tuple], list[tuple]]]:
    """Worker: each document's mention rows and its place rows with the places only the model found."""
    resolved = _worker_copy(resolved)
    found = []
    for item, sentences, packed_candidates, packed_places in jobs:
        candidates = opened(packed_candidates)
        mentions = mention_rows(item, sentences, candidates, resolved)
        places = opened(packed_places) + country_place_rows(item, mentions, resolved)
        places += model_place_rows(item, sentences, candidates, resolved, mentions, places)
        found.append((mentions, sorted(places, key=lambda row: (row[1], row[6]))))
    return found


def packed_mention_batch(resolved: Resolution, jobs: list[tuple]) -> list[tuple[list[tuple] | Packed[list[tuple]], list[tuple] | Packed[list[tuple]]]]:
    """Worker: :func:`mention_batch`, its rows packed for the central process (which only tabulates them) when it is another."""
    pack = _packer()
    return [(pack(mentions), pack(places)) for mentions, places in mention_batch(resolved, jobs)]


# The resolution travels with every batch; a worker keeps the first copy of each, whose matchers it compiled.
_RESOLVED: dict[str, Resolution] = {}


def _worker_copy(resolved: Resolution) -> Resolution:
    """This worker's copy of ``resolved`` (the same token), kept so its matchers compile once."""
    kept = _RESOLVED.get(resolved.token)
    if kept is None:  # a new analysis: the last one's matchers go
        _RESOLVED.clear()
        _RESOLVED[resolved.token] = kept = resolved
    return kept


def country_place_rows(item: CleanDocument, mentions: list[tuple], resolved: Resolution) -> list[tuple]:
    """Place rows for states named as places ("fighting in Freedonia"), at the country's point; the mention stays."""
    types, text, rows = resolved.lexicon.types, item.document.text, []
    for doc_id, sentence_id, actor, surface, start, end, rule in mentions:
        if rule in NOT_PLACE_RULES or types.get(actor) != "state" or not used_as_place(text, start):
            continue
        country = country_of(actor, surface)
        if country:
            rows.append((doc_id, sentence_id, country.name, surface, country.lat, country.lon, start, end))
    return rows


def model_place_rows(
    item: CleanDocument, sentences: list[Sentence], candidates: list[Candidate], resolved: Resolution, mentions: list[tuple], places: list[tuple]
) -> list[tuple]:
    """Place rows for what the model took for places: its own place spans here, and the place names it found
    elsewhere in the corpus wherever they are written; not where a curated place or an actor mention already is.
    A name the world gazetteer knows gets its point and its gazetteer name (an old spelling -> the current one); the others stay
    without coordinates, listed as unplaced."""
    taken = [(row[6], row[7]) for row in places] + [(row[4], row[5]) for row in mentions]
    doc, text, rows = item.document, item.analysis_text, []

    def add(sentence_id: int, name: str, start: int, end: int) -> None:
        if name in resolved.not_places:
            return
        if not any(s < end and start < e for s, e in taken):
            point = geocode(name, countries=resolved.countries)
            place, lat, lon = (point.name, point.lat, point.lon) if point else (name, None, None)
            rows.append((doc.doc_id, sentence_id, place, doc.text[start:end], lat, lon, start, end))
            taken.append((start, end))

    for c in candidates:
        name = normalise_name(c.surface, c.label) if c.label in PLACE_LABELS else ""
        if name[:1].isupper() and name in c.surface:
            start = c.start + c.surface.index(name)
            add(c.sentence_id, name, start, start + len(name))
    for sentence_id, sentence in enumerate(sentences if resolved.places else ()):
        for match in resolved.place_matcher.find(text[sentence.start : sentence.end]):
            add(sentence_id, match.key, sentence.start + match.start, sentence.start + match.end)
    return rows


def mention_rows(item: CleanDocument, sentences: list[Sentence], candidates: list[Candidate], resolved: Resolution) -> list[tuple]:
    """Every actor mention of one document as a ``mentions`` row, with the rule that found it.

    A model-found name counts as ``model`` where the model tagged that span and as ``propagated``
    where it did not; a form merged into it counts by its rule (``surname``, ``acronym``, ``variant``).
    A one-word form that is a common word in the corpus was never merged ("May" the month). A lexicon alias the model tagged as a person it resolved
    (a player who shares a country's name) counts for that person.
    """
    doc, text = item.document, item.analysis_text
    by_sentence: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_sentence.setdefault(c.sentence_id, []).append(c)
    forms, origins, hidden = resolved.forms, resolved.found.origins, set(resolved.base.hidden)
    rows = []
    for sentence_id, sentence in enumerate(sentences):
        here = by_sentence.get(sentence_id, ())
        for actor, start, end, rule in resolved.mentions(text, sentence.start, sentence.end):
            # the model's span may hold more than the name ("the Northern Relief Forces", "Mr Firefly's")
            candidate = next((c for c in here if c.start <= start and end <= c.end), None)
            if origins.get(actor) == "model" and rule == "model" and candidate is None:
                rule = "propagated"
            elif candidate is not None and candidate.label == "PERSON" and (candidate.start, candidate.end) == (start, end):
                person = forms.get(normalise_name(candidate.surface, "PERSON"))
                if person is not None and origins.get(person) == "model":
                    actor, rule = person, "model"
            if actor not in hidden:
                rows.append((doc.doc_id, sentence_id, actor, doc.text[start:end], start, end, rule))
    return sorted(rows + _reference_rows(item, sentences, rows, resolved), key=lambda row: (row[1], row[4]))


def _reference_rows(item: CleanDocument, sentences: list[Sentence], rows: list[tuple], resolved: Resolution) -> list[tuple]:
    """Rows for the document's descriptions of actors it names ("the government", "the home secretary")."""
    spans = [(i, s.start, s.end) for i, s in enumerate(sentences)]
    named = [(r[2], r[4], r[5]) for r in rows]
    found = resolve_references(item.analysis_text, spans, named, states=resolved.states, people=resolved.people, corpus_home=resolved.home)
    doc = item.document
    return [(doc.doc_id, sentence_id, state, doc.text[s:e], s, e, REFERENCE_RULE) for sentence_id, state, s, e in found]


def lowercase_words(text: str) -> Counter:
    """How often a text writes each word in lower case: a one-word "name" written so more often is a common word."""
    return Counter(_LOWER_WORD.findall(text))


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z](?![\w-])")


def _event_row(doc_id: str, doc_date: str, sentence_id: int, ref) -> tuple:
    """An ``events`` row; its ``actors`` are filled once the mentions are known (:func:`with_event_actors`)."""
    year, month, basis = timeline_date(ref, doc_date)
    date = ref.date
    return (
        doc_id, sentence_id, ref.event_type, ref.trigger, ref.start, ref.end,
        date.text if date else "", date.year if date else None, date.month if date else None,
        date.day if date else None, date.year_end if date else None,
        *_named(ref, year, month, basis),
    )


def _named(ref, year: int | None, month: int | None, basis: str) -> tuple:
    name, source = reference_name(ref)
    return name, year, month, basis, "", source


def _assemble(
    tables: dict[str, pd.DataFrame], report: dict[str, Any], lexicon: ActorLexicon, keywords: tuple[pd.DataFrame, pd.DataFrame],
    boilerplate: Collection[str],
) -> Analysis:
    mentions = without_weak_propagation(tables.pop("mentions"))
    tables["events"] = with_canonical_event_names(with_event_actors(tables["events"], mentions))
    counts = actor_counts(mentions, lexicon)
    keywords = (fold_keyword_names(keywords[0], name_tally(mentions, tables["sentences"], boilerplate), counts), keywords[1])
    return Analysis(
        **tables,
        mentions=mentions,
        actor_counts=counts,
        cooccurrence=cooccurrence(mentions) if not mentions.empty else pd.DataFrame(columns=COOCCURRENCE_COLUMNS),
        keywords=keywords[0],
        doc_keywords=keywords[1],
        cleaning=report,
        actor_colors=charted_colours(lexicon, counts),
    )


def charted_colours(lexicon: ActorLexicon, counts: pd.DataFrame) -> dict[str, str]:
    """The colours of the actors ``counts`` holds."""
    counted = set(counts["actor"].tolist())
    return {name: colour for name, colour in lexicon.colors.items() if name in counted}


# The rules of mentions of model-found actors: "model" where the model tagged the span itself,
# "propagated" where it tagged the same name elsewhere, the others for forms merged into a name.
MODEL_RULES = ("model", "surname", "acronym", "variant", "propagated")


def propagation_tally(mentions: pd.DataFrame) -> pd.DataFrame:
    """Per one-word model-found (actor, surface): how often the model tagged it (``hits``) out of its mentions (``total``)."""
    single = ~mentions["surface"].str.contains(" ", regex=False) & mentions["rule"].isin(["model", "propagated"])
    found = mentions[single]
    return found.assign(hits=found["rule"].eq("model").astype(int), total=1).groupby(["actor", "surface"])[["hits", "total"]].sum()


def weak_forms(tallies: Sequence[pd.DataFrame]) -> pd.Index:
    """The (actor, surface) pairs the model tagged too rarely to count where it did not tag them ("May" the month)."""
    tallies = [t for t in tallies if not t.empty]
    if not tallies:
        return pd.MultiIndex.from_tuples([], names=["actor", "surface"])
    summed = pd.concat(tallies).groupby(level=["actor", "surface"]).sum()
    return summed.index[summed["hits"] / summed["total"] < load_rules().min_model_share_single_word]


def without_weak_propagation(mentions: pd.DataFrame, weak: pd.Index | None = None) -> pd.DataFrame:
    """The mentions less the propagated ones of :func:`weak_forms` (of these mentions unless given)."""
    if mentions.empty:
        return mentions
    weak = weak_forms([propagation_tally(mentions)]) if weak is None else weak
    if weak.empty:
        return mentions
    drop = mentions["rule"].eq("propagated") & pd.MultiIndex.from_frame(mentions[["actor", "surface"]]).isin(weak)
    return mentions[~drop].reset_index(drop=True)


def with_canonical_event_names(events: pd.DataFrame) -> pd.DataFrame:
    """The events table with each event name found in the text shown under its group's commonest spelling."""
    written = events["named_source"] == "text"
    if not written.any():
        return events
    names = canonical_names(events.loc[written, "named_event"])
    events = events.copy()
    events.loc[written, "named_event"] = events.loc[written, "named_event"].map(names)
    return events


def with_event_actors(events: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """The events table with each row's ``actors``: the actors its sentence names, in order, ``;``-separated."""
    if events.empty:
        return events
    named = mentions.sort_values(["doc_id", "sentence_id", "start"], kind="stable").drop_duplicates(["doc_id", "sentence_id", "actor"])
    by_sentence: dict[tuple[str, int], list[str]] = {}
    for key, actor in zip(zip(named["doc_id"].tolist(), named["sentence_id"].tolist()), named["actor"].tolist()):
        by_sentence.setdefault(key, []).append(actor)
    events = events.copy()
    keys = zip(events["doc_id"].tolist(), events["sentence_id"].tolist())
    events["actors"] = np.array([";".join(by_sentence.get(key, ())) for key in keys], dtype=object)
    return events


def document_tables(cleaned: list[CleanDocument], results: list[DocumentResult]) -> dict[str, pd.DataFrame]:
    """The per-document tables (documents, sentences, mentions, events, places) of some documents, in their order.

    Consumes ``results``: each field is emptied once its table is built, so rows never exist twice
    (as tuples and as a table) for more than one table at a time.
    """
    tables = {"documents": _documents_table(cleaned, results)}
    tables["sentences"] = _frame([(r.doc_id, i, s.start, s.end, s.text) for r in results for i, s in enumerate(r.sentences)], SENTENCE_COLUMNS)
    for name, columns in (("mentions", MENTION_COLUMNS), ("events", EVENT_COLUMNS), ("places", PLACE_COLUMNS)):
        tables[name] = _frame([row for r in results for row in opened(getattr(r, name))], columns)
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

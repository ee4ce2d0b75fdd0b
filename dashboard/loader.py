"""Load and analyse a corpus once per content and settings (the only place that caches)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import Analysis, Corpus, analyze, load_corpus
from analysis.explore import sentence_table
from analysis.paths import DEFAULT_CORPUS


@st.cache_data(show_spinner="Analysing the corpus…", max_entries=8)
def analyse_texts(corpus: Corpus, ngram: int = 3) -> Analysis:
    """The analysis of a corpus; cached by the corpus's content (documents and metadata) and settings."""
    return analyze(corpus, ngram=ngram)


def default_analysis() -> Analysis:
    """The analysis of the bundled corpus."""
    return analyse_texts(load_corpus(DEFAULT_CORPUS))


@st.cache_data(show_spinner=False, max_entries=8)
def explorer_table(analysis: Analysis) -> pd.DataFrame:
    """The sentence explorer's table for an analysis (built once per analysis)."""
    return sentence_table(analysis)

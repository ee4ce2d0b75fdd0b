"""Text analysis for briefings: who, what, when and where in a pile of messy text.

Pure Python (no Streamlit). Main entry points:

- :func:`load_corpus` reads .txt/.md files, folders, .csv and .jsonl into a :class:`Corpus`;
- :func:`analyze` returns an :class:`Analysis` of pandas DataFrames (columns documented in
  :mod:`analysis.engines.pipeline`);
- ``python -m analysis`` writes those tables as files (see :mod:`analysis.cli`).
"""

from analysis.engines.pipeline import Analysis, analyze
from analysis.knowledge.lexicons import LexiconError, load_actor_lexicon
from analysis.load.corpus import Columns, Corpus, CorpusError, Document, corpus_from_files, corpus_from_texts, load_corpus

__all__ = [
    "Analysis",
    "Columns",
    "Corpus",
    "CorpusError",
    "Document",
    "LexiconError",
    "analyze",
    "corpus_from_files",
    "corpus_from_texts",
    "load_actor_lexicon",
    "load_corpus",
]
__version__ = "0.1.0"

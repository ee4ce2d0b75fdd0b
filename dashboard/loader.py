"""Load and analyse the dashboard's corpus once per content and dictionary: the dashboard's only cache.

The corpus is one uploaded this session (Corpus page), else the file or folder named by the
environment variable ``BRIEFING_CORPUS`` (``BRIEFING_CORPUS=articles.csv streamlit run
streamlit_app.py``), else the bundled default. ``BRIEFING_CORPUS`` may also name a stored
analysis (``python -m analysis … --format parquet`` or ``--engine dask`` output): it is opened
as it is. Analyses are also kept in the on-disk cache (:mod:`analysis.storage.cache`) that the CLI shares. The actor dictionary is an uploaded one (merged
with the default or replacing it), else the default.
Caches are keyed by a short content key, not by hashing the corpus or the analysis on every
rerun (Streamlit hashes arguments on each call; for a large corpus that alone would be slow).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import Analysis, Corpus, CorpusError, load_corpus
from analysis.engines.pipeline import keywords_for
from analysis.extract.goal_themes import background_sample
from analysis.extract.motives import MotiveTheme, first_wanter, motive_sentences, motive_themes, themes_for
from analysis.knowledge.lexicons import ActorLexicon, actor_lexicon_from_text, load_actor_lexicon, merge_actor_lexicons
from analysis.paths import DEFAULT_CORPUS
from analysis.query.compare import ActorComparison, compare_actors, distinctive_terms, name_pattern
from analysis.query.explore import sentence_table
from analysis.storage.cache import cache_dir, cache_size, cached_analyze, clear_cache, corpus_fingerprint
from analysis.storage.store import StoreError, is_stored_analysis, read_store, stand_in_corpus
from dashboard.summary import keyword_colours

CORPUS_ENV = "BRIEFING_CORPUS"
DEFAULT_NAME = "Bundled corpus"
DICTIONARY_MODES = ("merge", "replace")
KEPT_ANALYSES = 4
# Session-state keys (underscored: never bound to the URL).
UPLOADS, ACTIVE, DICTIONARY, ANALYSES, PACKS = "_corpora", "_active_corpus", "_dictionary", "_analyses", "_packs"
CHOICE = "corpus_choice"  # the Corpus page's selectbox of this session's corpora
STORED = "stored-"  # content keys of analyses opened from a folder (python -m analysis --format parquet, --engine dask)


def corpus_key(corpus: Corpus) -> str:
    """A short fingerprint of the corpus's documents, metadata and load warnings."""
    return corpus_fingerprint(corpus)[:16]


def corpus_path() -> Path:
    """The corpus the dashboard opens: ``$BRIEFING_CORPUS`` if set, else the bundled default."""
    chosen = os.environ.get(CORPUS_ENV, "").strip()
    return Path(chosen).expanduser() if chosen else DEFAULT_CORPUS


def _modified(path: Path) -> tuple[int, ...]:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return tuple(p.stat().st_mtime_ns for p in files)


@st.cache_data(show_spinner="Reading the corpus…", max_entries=2)
def _read_corpus(path: str, modified: tuple[int, ...]) -> tuple[Corpus, str]:
    if is_stored_analysis(path):
        analysis = _stored_analysis(path, modified)
        return stand_in_corpus(analysis, path), f"{STORED}{hashlib.sha256(f'{path}{modified}'.encode()).hexdigest()[:16]}"
    corpus = load_corpus(Path(path))
    return corpus, corpus_key(corpus)


@st.cache_resource(show_spinner="Opening the stored analysis…", max_entries=2)
def _stored_analysis(path: str, modified: tuple[int, ...]) -> Analysis:
    return read_store(path)


@st.cache_data(show_spinner="Analysing the corpus…", max_entries=8)
def analyse_corpus(_corpus: Corpus, _lexicon: ActorLexicon, key: str) -> Analysis:
    """The analysis of a corpus with an actor dictionary, cached by their joint key (and on disk)."""
    if _corpus.stored_analysis:  # opened as analysed: there are no texts to analyse
        path = Path(_corpus.stored_analysis)
        return _stored_analysis(str(path), _modified(path))
    return cached_analyze(_corpus, actors=_lexicon)


def disk_cache_size() -> tuple[int, int]:
    """(analyses, bytes) in the on-disk cache the CLI and the dashboard share."""
    folder = cache_dir()
    # One stat per rerun, not a walk: adding or removing an entry changes the folder's own time.
    return _cache_size(str(folder), folder.stat().st_mtime_ns if folder.exists() else 0)


@st.cache_data(show_spinner=False, max_entries=4)
def _cache_size(folder: str, modified: int) -> tuple[int, int]:
    return cache_size()


def clear_disk_cache() -> int:
    """Empty the on-disk cache (this session's and the server's in-memory results stay); return how many analyses went."""
    return clear_cache()


@st.cache_data(show_spinner=False, max_entries=8)
def _explorer_table(_analysis: Analysis, key: str) -> pd.DataFrame:
    return sentence_table(_analysis)


@st.cache_data(show_spinner="Extracting keywords…", max_entries=16)
def _keywords(_analysis: Analysis, key: str, ngram: int, doc_ids: tuple[str, ...] | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    return keywords_for(_analysis, ngram=ngram, doc_ids=doc_ids)


@st.cache_resource
def default_lexicon() -> ActorLexicon:
    """The bundled actor dictionary (read once per server)."""
    return load_actor_lexicon()


@st.cache_resource(max_entries=8)
def _custom_lexicon(label: str, text: str, mode: str) -> ActorLexicon:
    uploaded = actor_lexicon_from_text(text, label, complete=mode == "replace")
    return uploaded if mode == "replace" else merge_actor_lexicons(default_lexicon(), uploaded)


def check_dictionary(label: str, text: str, mode: str) -> ActorLexicon:
    """The dictionary an upload gives (merged with the default, or replacing it); LexiconError names the line."""
    if mode not in DICTIONARY_MODES:
        raise ValueError(f"mode must be one of {DICTIONARY_MODES}")
    return _custom_lexicon(label, text, mode)


def _dictionary() -> ActorLexicon:
    """The dictionary in use this session, its packs still pending: an uploaded one, else the default."""
    chosen = st.session_state.get(DICTIONARY)
    return _custom_lexicon(*chosen) if chosen else default_lexicon()


def actor_lexicon() -> ActorLexicon:
    """The actor dictionary in use this session (an uploaded one, else the default), with the packs the analyst chose."""
    packs = chosen_packs()
    lexicon = _dictionary()
    return lexicon if packs is None else lexicon.with_packs(packs)


def pack_labels() -> dict[str, str]:
    """Name -> label of the lexicon packs the dictionary in use offers."""
    return {pack.name: pack.label for pack in _dictionary().packs}


def chosen_packs() -> tuple[str, ...] | None:
    """The lexicon packs the analyst turned on, or None when each corpus gets those it names enough (automatic)."""
    chosen = st.session_state.get(PACKS)
    return None if chosen is None else tuple(name for name in chosen if name in pack_labels())


def choose_packs(names: Iterable[str] | None) -> None:
    """Apply exactly these packs from now on (None: back to the automatic choice)."""
    st.session_state[PACKS] = None if names is None else tuple(names)


def dictionary_text() -> str:
    """The text of the dictionary in use this session ("" for the built-in lexicons)."""
    chosen = st.session_state.get(DICTIONARY)
    return chosen[1] if chosen else ""


def dictionary_in_use() -> tuple[str, str] | None:
    """(file name, "merge" or "replace") of the uploaded dictionary in use, or None for the default."""
    chosen = st.session_state.get(DICTIONARY)
    return (chosen[0], chosen[2]) if chosen else None


def use_dictionary(label: str, text: str, mode: str) -> None:
    """Use an uploaded dictionary from now on (call :func:`check_dictionary` first)."""
    st.session_state[DICTIONARY] = (label, text, mode)


def use_default_dictionary() -> None:
    """Go back to the bundled dictionary."""
    st.session_state.pop(DICTIONARY, None)


def _lexicon_key() -> str:
    chosen, packs = st.session_state.get(DICTIONARY), chosen_packs()
    key = hashlib.sha256("\x00".join(chosen).encode()).hexdigest()[:12] if chosen else "default"
    return key if packs is None else f"{key}-packs:{','.join(packs)}"


def add_corpus(name: str, corpus: Corpus) -> str:
    """Keep an uploaded corpus for this session under a unique name, and show it; returns the name used."""
    corpora = st.session_state.setdefault(UPLOADS, {})
    unique, n = name or "upload", 2
    while unique in corpora or unique == DEFAULT_NAME:
        unique, n = f"{name} ({n})", n + 1
    corpora[unique] = (corpus, corpus_key(corpus))
    st.session_state[ACTIVE] = unique
    # A keyed selectbox keeps its old value when its options change: drop it so it shows the new corpus.
    st.session_state.pop(CHOICE, None)
    return unique


def corpus_names() -> list[str]:
    """The corpora this session can show: the default first, then uploads in the order added."""
    return [DEFAULT_NAME, *st.session_state.get(UPLOADS, {})]


def active_corpus_name() -> str:
    """The name of the corpus shown now."""
    active = st.session_state.get(ACTIVE)
    return active if active in st.session_state.get(UPLOADS, {}) else DEFAULT_NAME


def shown_name(name: str) -> str:
    """How a corpus of :func:`corpus_names` is named on screen: the file corpus by its file or folder
    when ``$BRIEFING_CORPUS`` chose it (it is not the bundled one then)."""
    if name != DEFAULT_NAME or corpus_path() == DEFAULT_CORPUS or _file_corpus()[2]:
        return name
    return f"{corpus_path().name} (opened at start)"


def show_corpus(name: str) -> None:
    """Show another corpus of this session (no re-upload, no re-analysis if analysed before)."""
    st.session_state[ACTIVE] = None if name == DEFAULT_NAME else name


def keep_analysis(corpus: Corpus, analysis: Analysis) -> None:
    """Keep an analysis made on the Corpus page (with progress, in a worker process) for this session's pages."""
    stored = st.session_state.setdefault(ANALYSES, {})
    stored[f"{corpus_key(corpus)}-{_lexicon_key()}"] = analysis
    while len(stored) > KEPT_ANALYSES:  # bound a session's memory: the oldest goes first
        stored.pop(next(iter(stored)))


def shown_is_analysed() -> bool:
    """Whether this session already holds the shown corpus's analysis with the dictionary in use (or it was opened as one)."""
    corpus, key, _ = _resolved_corpus()  # its content key is known: no need to hash the corpus on every rerun
    return bool(corpus.stored_analysis) or key in st.session_state.get(ANALYSES, {})


def _resolved_corpus() -> tuple[Corpus, str, str | None]:
    """The corpus to show, its analysis key, and why the chosen file could not be opened (None when it could)."""
    uploaded = st.session_state.get(UPLOADS, {}).get(st.session_state.get(ACTIVE))
    if uploaded:
        return uploaded[0], f"{uploaded[1]}-{_lexicon_key()}", None
    corpus, key, problem = _file_corpus()
    return corpus, f"{key}-{_lexicon_key()}", problem


def _file_corpus() -> tuple[Corpus, str, str | None]:
    """The corpus of $BRIEFING_CORPUS (or the bundled one), its content key, and why $BRIEFING_CORPUS failed."""
    path = corpus_path()
    try:
        return (*_read_corpus(str(path), _modified(path)), None)
    except (CorpusError, StoreError, OSError) as error:
        problem = f"Could not open the corpus {path}: {error} The bundled corpus is shown instead."
        return (*_read_corpus(str(DEFAULT_CORPUS), _modified(DEFAULT_CORPUS)), problem)


def corpus_problem() -> str | None:
    """Why the corpus named by $BRIEFING_CORPUS could not be opened, or None."""
    return _resolved_corpus()[2]


def current_corpus() -> Corpus:
    """The corpus the pages show."""
    return _resolved_corpus()[0]


def _current() -> tuple[Analysis, str]:
    corpus, key, _ = _resolved_corpus()
    return _analysis_for(corpus, key), key


def _analysis_for(corpus: Corpus, key: str) -> Analysis:
    """This session's analysis of the corpus (made with progress on the Corpus page), else the shared cached one."""
    stored = st.session_state.get(ANALYSES, {}).get(key)
    return stored if stored is not None else analyse_corpus(corpus, actor_lexicon(), key)


def current_analysis() -> Analysis:
    """The analysis of the corpus shown (computed once per corpus and dictionary)."""
    return _current()[0]


def current_explorer_table() -> pd.DataFrame:
    """The sentence explorer's table for the corpus shown (built once per corpus and dictionary)."""
    return _explorer_table(*_current())


def current_keywords(*, ngram: int = 3, doc_ids: tuple[str, ...] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keyword tables of the corpus shown, or of some of its documents, at an n-gram size (cached)."""
    analysis, key = _current()
    return _keywords(analysis, key, ngram, doc_ids)


@st.cache_data(show_spinner="Comparing the actors…", max_entries=16)
def _actor_comparison(_table: pd.DataFrame, _analysis: Analysis, key: str, actors: tuple[str, ...], ngram: int) -> ActorComparison:
    return compare_actors(_table, _analysis, actors, ngram=ngram)


def current_actor_comparison(actors: tuple[str, ...], *, ngram: int = 1) -> ActorComparison:
    """The side-by-side comparison of actors in the corpus shown (cached)."""
    analysis, key = _current()
    return _actor_comparison(_explorer_table(analysis, key), analysis, key, actors, ngram)


@st.cache_data(show_spinner="Scoring the terms…", max_entries=16)
def _group_terms(_texts_a: pd.Series, _texts_b: pd.Series, _background: pd.Series, _names: re.Pattern | None, key: str, ngram: int) -> pd.DataFrame:
    return distinctive_terms(_texts_a, _texts_b, background=_background, ngram=ngram, names=_names)


def group_terms(texts_a: pd.Series, texts_b: pd.Series, background: pd.Series, *, split: str, ngram: int = 1) -> pd.DataFrame:
    """Log-odds terms of group A vs B (multi-word actor names as single terms); cached per corpus and ``split``."""
    return _group_terms(texts_a, texts_b, background, current_names(), f"{_current()[1]}|{split}", ngram)


def current_names() -> re.Pattern | None:
    """The corpus shown's multi-word actor names as one pattern (see :func:`analysis.query.compare.name_pattern`; built once)."""
    analysis, key = _current()
    return _names(analysis, key)


@st.cache_resource(max_entries=8)
def _names(_analysis: Analysis, key: str) -> re.Pattern | None:
    return name_pattern(_analysis.mentions)


def content_key_of(name: str) -> str:
    """The content key of a corpus of this session (the default's, or an upload's)."""
    return _file_corpus()[1] if name == DEFAULT_NAME else st.session_state[UPLOADS][name][1]


def explorer_table_of(name: str) -> pd.DataFrame:
    """The explorer table of another corpus of this session, analysed with the dictionary in use."""
    corpus, key = _file_corpus()[:2] if name == DEFAULT_NAME else st.session_state[UPLOADS][name]
    key = f"{key}-{_lexicon_key()}"
    return _explorer_table(_analysis_for(corpus, key), key)


@st.cache_data(show_spinner="Finding what the actor wants…", max_entries=16)
def _motives(_analysis: Analysis, _table: pd.DataFrame, key: str, actor: str) -> tuple[pd.DataFrame, list[MotiveTheme]]:
    found = motive_sentences(_table, _analysis.mentions, actor)
    background = background_sample(_analysis.sentences["text"])
    return found, motive_themes(found, background=background, curated=themes_for(_analysis.packs))


def current_motives(actor: str) -> tuple[pd.DataFrame, list[MotiveTheme]]:
    """The sentences stating what ``actor`` wants in the corpus shown, and their themes (cached)."""
    analysis, key = _current()
    return _motives(analysis, _explorer_table(analysis, key), key, actor)


@st.cache_data(show_spinner="Finding who states goals…", max_entries=16)
def _wanter(_analysis: Analysis, _table: pd.DataFrame, key: str) -> str | None:
    return first_wanter(_table, _analysis.mentions, list(_analysis.actor_counts["actor"]))


def current_wanter() -> str | None:
    """The most mentioned actor of the corpus shown with a sentence stating what it wants (cached); None if none."""
    analysis, key = _current()
    return _wanter(analysis, _explorer_table(analysis, key), key)


@st.cache_data(show_spinner=False, max_entries=32)
def cloud_png(weights: tuple[tuple[str, float], ...], colours: tuple[tuple[str, str], ...]) -> bytes:
    """The word cloud of these weighted phrases as PNG (drawing one takes about a second: drawn once per input)."""
    from dashboard.figures.cloud import png_bytes, word_cloud  # matplotlib and wordcloud load only when a cloud is drawn

    return png_bytes(word_cloud(dict(weights), dict(colours)))


def keyword_cloud(keywords: pd.DataFrame) -> bytes:
    """The word cloud of a keyword table (size = occurrences, actor colours from the dictionary in use)."""
    weights = tuple((k, float(max(c, 1))) for k, c in zip(keywords["keyword"], keywords["count"]))
    return cloud_png(weights, tuple(keyword_colours(keywords, actor_lexicon()).items()))

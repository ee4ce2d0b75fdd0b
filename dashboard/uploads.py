"""Reading uploads and analysing them with progress; whatever goes wrong, the corpus shown is kept."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd
import streamlit as st

from analysis import Analysis, Columns, Corpus, CorpusError, corpus_from_files
from analysis.engines.isolated import AnalysisStopped, IsolatedAnalysis
from analysis.load.readers import ReadLog, decode, guess_columns, read_table
from dashboard.highlight import escape_markdown
from dashboard.loader import actor_lexicon, add_corpus, current_corpus, keep_analysis, shown_is_analysed
from dashboard.summary import counted

NO_COLUMN = "(none)"
REPORT = "_upload_report"
PREVIEW_ROWS = 5
STOPPED = "_analysis_stopped"
MAX_ANALYSES_ENV = "BRIEFING_MAX_ANALYSES"
DEFAULT_MAX_ANALYSES = 2
POLL_SECONDS = 0.25


@dataclass
class TablePreview:
    """The first rows and columns of an uploaded table, the detected column choices, or why it cannot be read."""

    head: pd.DataFrame = field(default_factory=pd.DataFrame)
    columns: list[str] = field(default_factory=list)
    guess: Columns = Columns()
    problem: str | None = None


def table_preview(name: str, data: bytes) -> TablePreview:
    """What the column choosers need from an uploaded table."""
    try:
        frame = read_table(name, decode(data, name, ReadLog()), ReadLog())
    except CorpusError as error:
        return TablePreview(problem=str(error))
    return TablePreview(head=frame.head(PREVIEW_ROWS), columns=[str(c) for c in frame.columns], guess=guess_columns(frame))


def upload_name(files: list) -> str:
    """A default name for a corpus made of these files."""
    if not files:
        return ""
    first = PurePath(files[0].name).stem
    return first if len(files) == 1 else f"{first} and {counted(len(files) - 1, 'other file')}"


def load_and_analyse(files: list[tuple[str, bytes]], *, name: str, columns: Columns) -> None:
    """Read the files into a corpus and analyse it with progress; on failure say why and keep the corpus shown."""
    problem = None
    with st.status("Reading the files…", expanded=True) as status:
        try:
            corpus = corpus_from_files(files, columns=columns, name=name)
        except CorpusError as error:
            problem = ("Nothing could be read: the corpus shown is unchanged.", str(error))
        except Exception as error:  # noqa: BLE001 -- an upload must never crash the app or lose the corpus shown
            problem = ("These files could not be read: the corpus shown is unchanged.", unreadable_reason(error))
        else:
            status.update(label=f"Analysing {counted(len(corpus), 'document')}…", expanded=True)  # the progress and Cancel inside
            try:
                analysis = _analyse(corpus)
            except AnalysisStopped as error:
                problem = ("The analysis stopped: the corpus shown is unchanged.", sentence_case(str(error)))
            except Exception as error:  # noqa: BLE001 -- same promise for the analysis of odd input
                problem = ("The analysis failed: the corpus shown is unchanged.", f"{type(error).__name__}: {error}")
        if problem:
            status.update(label=problem[0], state="error", expanded=False)
        else:
            shown = add_corpus(name, corpus)
            status.update(label="Done", state="complete")
    if problem:
        # Outside the status box, which ends collapsed: the reason must be read without a click.
        st.error(escape_markdown(f"{problem[0]} {problem[1]}"), icon=":material/error:")
        return
    st.session_state[REPORT] = (
        f"{shown}: {counted(len(corpus), 'document')}, {counted(int(analysis.documents['n_sentences'].sum()), 'sentence')}, "
        f"{counted(len(analysis.actor_counts), 'actor')} found. Every page now shows it.",
        corpus.notes,
        corpus.warnings,
    )
    st.rerun()  # the whole page, header included, now shows the new corpus


def sentence_case(reason: str) -> str:
    """The reason as a sentence: capital first letter, full stop."""
    return reason[:1].upper() + reason[1:].rstrip(".") + "."


def unreadable_reason(error: Exception) -> str:
    """Plain words for a reader's unexpected failure, its technical message after them."""
    return f"The file looks damaged, or is not the format its name says ({type(error).__name__}: {error})."


def show_last_report() -> None:
    """Once, after a successful upload: what was read, what was decided, what was skipped."""
    report = st.session_state.pop(REPORT, None)
    if report:
        summary, notes, warnings = report
        st.success(escape_markdown(summary), icon=":material/check_circle:")
        for note in notes:
            st.caption(escape_markdown(note))
        for warning in warnings:
            st.warning(escape_markdown(warning))


def analyse_now() -> None:
    """Analyse the corpus now shown with progress, unless this session already has that analysis."""
    corpus = current_corpus()
    if not shown_is_analysed() and len(corpus) > 1:
        with st.status(f"Analysing {counted(len(corpus), 'document')}…", expanded=True) as status:
            try:
                _analyse(corpus)
            except AnalysisStopped as error:
                status.update(label="The analysis stopped", state="error")
                st.error(escape_markdown(f"The analysis stopped: {error}."), icon=":material/error:")
                st.stop()
            status.update(state="complete")


def show_stopped_notice() -> None:
    """Once, after an analysis was cancelled (or left for another page): say so."""
    if st.session_state.pop(STOPPED, False):
        st.info("The analysis was cancelled; the corpus shown is unchanged.", icon=":material/cancel:")


@st.cache_resource
def _analysis_slots() -> threading.BoundedSemaphore:
    """The server's analysis slots, shared by every session: at most this many analyses run at once."""
    return threading.BoundedSemaphore(max_analyses())


def max_analyses() -> int:
    """How many uploads may be analysed at once on this server: ``$BRIEFING_MAX_ANALYSES``, else 2."""
    raw = os.environ.get(MAX_ANALYSES_ENV, "").strip()
    return max(1, int(raw)) if raw.isdigit() else DEFAULT_MAX_ANALYSES


def _analyse(corpus: Corpus) -> Analysis:
    """Analyse in a worker process (memory cap, time limit), one of a few at once, with progress and a Cancel button."""
    bar = st.progress(0.0, text="Waiting for a free analysis slot…")
    st.button("Cancel the analysis", key="cancel_analysis", icon=":material/cancel:")  # its click reruns the page, ending this run
    slots = _analysis_slots()
    # A rerun (Cancel, or the user leaving the page) interrupts this run at its next screen update,
    # with an exception that is not an Exception: the flag stays set for the next run to report.
    st.session_state[STOPPED] = True
    try:
        while not slots.acquire(timeout=POLL_SECONDS):
            bar.progress(0.0, text=f"Waiting for a free analysis slot: {max_analyses()} analyses are running on this server…")
        try:
            with IsolatedAnalysis(corpus, actor_lexicon()) as job:  # leaving the block stops the worker
                while not job.poll(POLL_SECONDS):
                    done, total = job.progress
                    bar.progress(min(1.0, done / max(total, 1)), text=f"Analysing {counted(len(corpus), 'document')}: {100 * done // max(total, 1)}%")
                analysis = job.result()
                bar.progress(1.0, text=f"Analysed {counted(len(corpus), 'document')}")
        finally:
            slots.release()
    except Exception:
        st.session_state.pop(STOPPED, None)
        raise
    st.session_state.pop(STOPPED, None)
    keep_analysis(corpus, analysis)
    return analysis

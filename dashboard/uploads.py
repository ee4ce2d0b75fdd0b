"""Reading uploads and analysing them with progress; whatever goes wrong, the corpus shown is kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd
import streamlit as st

from analysis import Analysis, Columns, Corpus, CorpusError, corpus_from_files
from analysis.readers import ReadLog, decode, guess_columns, read_table
from dashboard.highlight import escape_markdown
from dashboard.loader import add_corpus, analyse_with_progress, current_corpus, shown_is_analysed
from dashboard.summary import counted

NO_COLUMN = "(none)"
REPORT = "_upload_report"
PREVIEW_ROWS = 5


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
    with st.status("Reading the files…", expanded=True) as status:
        try:
            corpus = corpus_from_files(files, columns=columns, name=name)
        except CorpusError as error:
            status.update(label="Nothing could be read: the corpus shown is unchanged", state="error")
            st.error(escape_markdown(str(error)))
            return
        except Exception as error:  # noqa: BLE001 -- an upload must never crash the app or lose the corpus shown
            status.update(label="These files could not be read: the corpus shown is unchanged", state="error")
            st.error(escape_markdown(f"{type(error).__name__}: {error}"))
            return
        status.update(label=f"Analysing {counted(len(corpus), 'document')}…")
        try:
            analysis = _analyse(corpus)
        except Exception as error:  # noqa: BLE001 -- same promise for the analysis of odd input
            status.update(label="The analysis failed: the corpus shown is unchanged", state="error")
            st.error(escape_markdown(f"{type(error).__name__}: {error}"))
            return
        shown = add_corpus(name, corpus)
        status.update(label="Done", state="complete")
    st.session_state[REPORT] = (
        f"{shown}: {counted(len(corpus), 'document')}, {counted(int(analysis.documents['n_sentences'].sum()), 'sentence')}, "
        f"{counted(len(analysis.actor_counts), 'actor')} found. Every page now shows it.",
        corpus.notes,
        corpus.warnings,
    )
    st.rerun()  # the whole page, header included, now shows the new corpus


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
        with st.status(f"Analysing {counted(len(corpus), 'document')}…") as status:
            _analyse(corpus)
            status.update(state="complete")


def _analyse(corpus: Corpus) -> Analysis:
    bar = st.progress(0.0, text="Analysing…")
    shown = -1

    def report(done: int, total: int) -> None:
        nonlocal shown
        percent = 100 * done // total
        if percent > shown:  # at most a hundred screen updates, however many documents
            shown = percent
            bar.progress(done / total, text=f"Analysing {counted(len(corpus), 'document')}: {percent}%")

    return analyse_with_progress(corpus, report)

"""The evidence under a chart: its sentences, escaped and highlighted, each with where it comes from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.highlight import escape_markdown, highlight
from dashboard.summary import source_line


def show_sentences(
    sentences: pd.DataFrame, spans_of: Callable[[Any], list[tuple[int, int]]], *, limit: int, rest: str = "the explorer shows them all"
) -> None:
    """The first ``limit`` sentences, ``spans_of(row)`` highlighted, then how many more there are and where."""
    for row in sentences.head(limit).itertuples():
        st.markdown(f"{highlight(row.text, spans_of(row))}  \n:gray[{escape_markdown(source_line(row))}]")
    if len(sentences) > limit:
        st.caption(f"First {limit} of {len(sentences):,}; {rest}.")

"""Sentence explorer: every sentence behind every figure, filterable, highlighted, exportable."""

from __future__ import annotations

import streamlit as st

from analysis.query.explore import SentenceFilter, actor_surfaces, filter_sentences, match_spans
from dashboard.downloads import csv_download
from dashboard.highlight import escape_markdown, highlight
from dashboard.loader import current_analysis, current_explorer_table
from dashboard.summary import event_type_labels, explorer_options, keyword_in_context, neighbours, page_of, sorted_sentences, source_line

PAGE_SIZE = 20

analysis = current_analysis()
table = current_explorer_table()
options = explorer_options(analysis)
labels = event_type_labels()

st.title("Sentence explorer")

with st.sidebar:
    st.header("Filters")
    actors = st.multiselect("Actors", options["actors"], key="actor", bind="query-params")
    mode = st.radio("Sentences naming", ["any of them", "all of them"], horizontal=True, key="mode", bind="query-params")
    keyword = st.text_input("Keyword (whole words)", key="kw", bind="query-params")
    event_types = st.multiselect("Event types", list(labels), format_func=labels.get, key="event", bind="query-params")
    years = None
    if options["years"]:
        first, last = options["years"]
        if first < last:
            years = st.slider("Event years", first, last, (first, last), key="years", bind="query-params")
    places = st.multiselect("Places", options["places"], key="place", bind="query-params")
    sources = st.multiselect("Sources", options["sources"], key="source", bind="query-params") if options["sources"] else []
    doc_ids = st.multiselect("Documents", options["documents"], key="doc", bind="query-params") if len(options["documents"]) > 1 else []
    text = st.text_input("Free text (literal, any case)", key="q", bind="query-params")

chosen = SentenceFilter(
    actors=tuple(actors),
    all_actors=mode == "all of them",
    keyword=keyword,
    event_types=tuple(event_types),
    years=tuple(years) if years and tuple(years) != options["years"] else None,
    places=tuple(places),
    doc_ids=tuple(doc_ids),
    sources=tuple(sources),
    text=text,
)
result = filter_sentences(table, chosen)
st.metric("Matching sentences", f"{len(result):,} of {len(table):,}")

dated = bool(analysis.documents["date"].fillna("").astype(str).str.strip().ne("").any())  # documents, not sentences: a few rows
orders = ["document order", *(["newest documents first"] if dated else []), "longest first"]  # no date ordering of an undated corpus
order = st.radio("Order", orders, horizontal=True, key="order")
result = sorted_sentences(result, order)
if st.session_state.get("_explorer_view") != (chosen, order):
    # New filters or order: back to the first page, not page 8 of a shorter list.
    st.session_state["_explorer_view"] = (chosen, order)
    st.session_state["page"] = 1

def spans_of(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence matches the keyword and the free text."""
    return match_spans(sentence, keyword=keyword, literal=text)


# A keyword that is an actor's name keeps the actor's sentences: its other names are highlighted too.
highlighted = tuple(actors) + ((keyword.strip(),) if keyword.strip() in options["actors"] else ())
named = actor_surfaces(analysis.mentions, highlighted) if highlighted else {}


def read_spans(sentence: str, doc_id: str, sentence_id: int) -> list[tuple[int, int]]:
    """Matches of the keyword and free text, and the words naming the chosen actors."""
    surfaces = named.get((doc_id, sentence_id), ())
    return spans_of(sentence) + [span for surface in surfaces for span in match_spans(sentence, literal=surface)]


read, kwic, rows = st.tabs(["Read", "Keyword in context", "Table and export"])
with read:
    pages = max(1, -(-len(result) // PAGE_SIZE))
    paging, context = st.columns([1, 4], vertical_alignment="bottom") if pages > 1 else (None, st.container())
    # No default value: the page number lives in session state (reset to 1 above when the filters change).
    page = paging.number_input(f"Page (of {pages})", min_value=1, max_value=pages, key="page") if paging else 1
    show_context = context.toggle("Show the neighbouring sentences", key="context")
    for row in page_of(result, page, PAGE_SIZE).itertuples():
        with st.container(border=True):
            if show_context:
                before, after = neighbours(table, row.doc_id, row.sentence_id)
                if before:
                    st.caption(escape_markdown(before))
            st.markdown(highlight(row.text, read_spans(row.text, row.doc_id, row.sentence_id)))
            if show_context and after:
                st.caption(escape_markdown(after))
            actors_here = row.actors.strip("|").replace("|", ", ")
            st.caption(escape_markdown(f"{source_line(row)} · characters {row.start}–{row.end}" + (f" · {actors_here}" if actors_here else "")))
    if result.empty:
        st.info("No sentence matches these filters.")
with kwic:
    if keyword.strip() or text.strip():
        st.dataframe(keyword_in_context(result, spans_of), hide_index=True)
    else:
        st.info("Type a keyword or free text to see each match in its context.")
with rows:
    # The sentence first: a table cut at the screen's edge cuts metadata, not the evidence.
    export = result[["text", "title", "source", "date", "actors", "event_types", "places", "doc_id", "sentence_id", "start", "end"]]
    st.dataframe(export, hide_index=True)
    csv_download("Download these sentences (CSV)", export, file_name="sentences.csv")

"""Compare: actors side by side, or two groups of sentences, by the terms that set them apart."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.query.compare import actor_terms, sentences_with_term, term_spans
from dashboard.downloads import csv_download
from dashboard.evidence import show_sentences
from dashboard.figures.compare_charts import LEAN_A, LEAN_B, distinctive_bar, event_profiles, term_scatter
from dashboard.highlight import escape_markdown
from dashboard.interaction import clickable_chart, show_chart
from dashboard.loader import (
    active_corpus_name,
    content_key_of,
    corpus_names,
    current_actor_comparison,
    current_analysis,
    current_explorer_table,
    current_names,
    explorer_table_of,
    group_terms,
    shown_name,
)
from dashboard.summary import (
    SPLIT_HELP,
    SPLIT_KEYS,
    charted_profiles,
    counted,
    date_span,
    event_type_labels,
    leaning_to_b,
    metadata_fields,
    sources_of,
    split_choices,
    split_groups,
)

SHOWN_SENTENCES = 8
TOP_TERMS = 15

analysis = current_analysis()
table = current_explorer_table()
labels = event_type_labels()
actors_found = list(analysis.actor_counts["actor"])

st.title("Compare")
st.caption(
    "Distinctive terms are scored with the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): "
    "the z-score says how strongly a term leans to one side, shrunk towards zero for common words; |z| > 1.96 is the usual bar."
)
mode = st.segmented_control("Compare", ["Actor vs actor", "Group vs group"], default="Actor vs actor", key="compare", bind="query-params") or "Actor vs actor"
ngram = 2 if st.toggle("Include two-word terms", key="pairs", bind="query-params") else 1

if mode == "Actor vs actor":
    chosen = st.multiselect("Actors (two to four)", actors_found, default=actors_found[:2], max_selections=4, key="who", bind="query-params")
    if len(chosen) < 2:
        st.info("Choose at least two actors.")
    else:
        comparison = current_actor_comparison(tuple(chosen), ngram=ngram)
        colours = analysis.actor_colors
        for column, row in zip(st.columns(len(chosen)), comparison.summary.itertuples()):
            column.metric(escape_markdown(row.actor), f"{row.mentions:,} mentions")
            column.caption(f"named in {counted(row.sentences, 'sentence')}, {row.share:.0%} of all")
        for column, actor in zip(st.columns(len(chosen)), chosen):
            with column:
                show_chart(distinctive_bar(comparison.terms[actor], colour=colours.get(actor, ""), title=f"{actor}: its own words"), key=f"terms_{actor}")
        st.caption("Each actor's sentences against the sentences naming the other chosen actors (and not it); its own names are left out.")
        profiles = charted_profiles(comparison.events)
        if len(profiles):
            show_chart(event_profiles(profiles, labels, colours), key="event_profiles")
            st.caption("Shares of each actor's event references, reporting verbs (*said*, *announced*…) left out.")
        st.subheader("Mentioned with, and in their own words")
        for column, actor in zip(st.columns(len(chosen)), chosen):
            with column:
                st.markdown(f"**{escape_markdown(actor)}** is named most with")
                partners = comparison.partners[comparison.partners["actor"] == actor][["partner", "sentences"]]
                st.dataframe(partners, hide_index=True)
                st.markdown("Most representative sentences")
                words = list(comparison.terms[actor]["term"].head(TOP_TERMS))
                show_sentences(comparison.examples[actor], lambda row, words=words: term_spans(row.text, words), limit=3, rest="")
                st.page_link("dashboard/pages/explorer.py", label=escape_markdown(f"All sentences naming {actor}"), icon=":material/manage_search:", query_params={"actor": actor})
else:
    # Options are the words shown (a bound widget writes the shown text into the URL): ?split=sources
    available = split_choices(analysis.documents, table, corpora=len(corpus_names()))
    by = SPLIT_KEYS[st.radio("Split by", available, horizontal=True, key="split", bind="query-params", help=SPLIT_HELP)]
    pick = st.columns(2)
    content = ""  # what, beyond the labels, identifies the groups for the cache
    if by == "source":
        sources = sources_of(analysis.documents)
        a = pick[0].selectbox("Group A: source", sources, key="source_a", bind="query-params")
        b = pick[1].selectbox("Group B: source", [s for s in sources if s != a], key="source_b", bind="query-params")
        rows_a, rows_b, label_a, label_b = split_groups(table, by="source", a=a, b=b)
    elif by == "field":
        fields = metadata_fields(analysis.documents)
        field = pick[0].selectbox("Field", list(fields), key="field", bind="query-params")
        a = pick[1].selectbox("Group A: value", fields[field], key="value_a", bind="query-params")
        b = pick[1].selectbox("Group B: value", [v for v in fields[field] if v != a], key="value_b", bind="query-params")
        rows_a, rows_b, label_a, label_b = split_groups(table, by="field", a=a, b=b, field=field, documents=analysis.documents)
    elif by == "date":
        first, last = date_span(table)
        cutoff = pick[0].date_input("Split at", value=first + (last - first) / 2, min_value=first, max_value=last, key="cutoff", bind="query-params")
        rows_a, rows_b, label_a, label_b = split_groups(table, by="date", a=str(cutoff), b="")
    elif by == "actors":
        a = pick[0].selectbox("Group A: actor", actors_found, key="actor_a", bind="query-params")
        b = pick[1].selectbox("Group B: actor", [x for x in actors_found if x != a], key="actor_b", bind="query-params")
        rows_a, rows_b, label_a, label_b = split_groups(table, by="actors", a=a, b=b)
        st.caption("Sentences naming both actors belong to neither group.")
    else:
        other = pick[0].selectbox("Against", [n for n in corpus_names() if n != active_corpus_name()], key="other_corpus", format_func=shown_name)
        rows_a, rows_b, label_a, label_b = table, explorer_table_of(other), shown_name(active_corpus_name()), shown_name(other)
        content = content_key_of(other)  # two sessions may give different corpora the same name
    st.markdown(f"**{escape_markdown(label_a)}**: {counted(len(rows_a), 'sentence')} · **{escape_markdown(label_b)}**: {counted(len(rows_b), 'sentence')}")
    if rows_a.empty or rows_b.empty:
        st.info("One of the groups has no sentence: choose another split.")
    else:
        background = pd.concat([rows_a["text"], rows_b["text"]]) if by == "corpus" else table["text"]
        scored = group_terms(rows_a["text"], rows_b["text"], background, split=f"{by}|{label_a}|{label_b}|{content}", ngram=ngram)
        if by == "actors":  # the two actors' own names split the groups by construction: left out
            scored = scored[~scored["term"].isin(actor_terms(analysis.mentions, label_a) | actor_terms(analysis.mentions, label_b))]
        if scored.empty:
            st.info("No term occurs twice in these groups: there is nothing to compare. Choose larger groups.")
        else:
            clickable_chart(term_scatter(scored, label_a=label_a, label_b=label_b), key="term_plot", target="term")
            left, right = st.columns(2)
            show_chart(distinctive_bar(scored, colour=LEAN_A, title=f"Most {label_a}"), key="lean_a", where=left)
            show_chart(distinctive_bar(leaning_to_b(scored), colour=LEAN_B, title=f"Most {label_b}"), key="lean_b", where=right)
            csv_download("Download every term's scores (CSV)", scored, file_name="distinctive_terms.csv")
            term = st.selectbox("Term", list(scored["term"]), key="term", bind="query-params")
            for column, rows, label in zip(st.columns(2), (rows_a, rows_b), (label_a, label_b)):
                with column:
                    having = rows[sentences_with_term(rows["text"], term, ngram=ngram, names=current_names())]
                    st.markdown(f"**{escape_markdown(label)}**: {counted(len(having), 'sentence')} with “{escape_markdown(term)}”")
                    show_sentences(having, lambda row: term_spans(row.text, [term]), limit=SHOWN_SENTENCES, rest="the explorer's free-text search finds them all")

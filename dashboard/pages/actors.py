"""Actors: who is talked about, in which words, with whom, where and when; every bar leads to its sentences."""

from __future__ import annotations

import streamlit as st

from analysis.query.explore import SentenceFilter, actor_surfaces, filter_sentences, match_spans
from dashboard.curation import curation_panel
from dashboard.evidence import show_sentences
from dashboard.figures.charts import actor_bar, actor_breakdown, cooccurrence_heatmap, cooccurrence_network
from dashboard.highlight import escape_markdown
from dashboard.interaction import clickable_chart, interaction_hint, show_chart
from dashboard.loader import current_analysis, current_explorer_table
from dashboard.summary import ORIGIN_LABELS, actor_mentions_by, alias_breakdown, counted, has_groups, top_pairs

SHOWN_SENTENCES = 30
BROKEN_DOWN = 8

analysis = current_analysis()
counts = analysis.actor_counts

st.title("Actors")
if counts.empty:
    st.info("No actor is mentioned in this corpus: no lexicon name, and nothing the NER model took for a person, organisation or group.")
    st.stop()

# Containers in reading order; filled below in the order Streamlit needs: every chart whose
# click chooses the actor must be drawn before the actor selectbox exists.
chart, detail = st.columns([3, 2])
sentences_area = st.container()
breakdown_area = st.container()
heat, network = st.container(), st.container()  # one under the other: every axis label and node name has room

with chart:
    top = st.slider("How many actors", 2, len(counts), min(15, len(counts)), key="top_actors", bind="query-params") if len(counts) > 2 else len(counts)
    clickable_chart(actor_bar(counts, top=top), key="actor_bars", target="name")
    interaction_hint("Click a bar, or choose an actor on the right, to read the sentences behind it.")
names = list(counts["actor"].head(top))

breakdowns = [by for by in ("source", "month") if has_groups(analysis, by=by)]
with breakdown_area:
    for by, tab in zip(breakdowns, st.tabs([f"Mentions by {by}" for by in breakdowns]) if breakdowns else []):
        with tab:
            table = actor_mentions_by(analysis, by=by, actors=names[:BROKEN_DOWN])
            clickable_chart(actor_breakdown(table, analysis.actor_colors, by=by), key=f"actors_by_{by}", target="name")
            interaction_hint(f"The {min(BROKEN_DOWN, len(names))} most mentioned actors. Click a {'bar' if by == 'source' else 'point'} to choose its actor.")

with detail:
    actor = st.selectbox("Actor", list(counts["actor"]), key="name", bind="query-params")
    row = counts.set_index("actor").loc[actor]
    st.markdown(
        f"**{escape_markdown(actor)}** ({escape_markdown(row['type'])}; {ORIGIN_LABELS.get(row.get('origin', ''), 'dictionary')}): "
        f"{counted(row['mentions'], 'mention')} in {counted(row['sentences'], 'sentence')}, {counted(row['documents'], 'document')}."
    )
    st.dataframe(alias_breakdown(analysis.mentions, actor), hide_index=True)
    st.page_link("dashboard/pages/explorer.py", label=f"Open the {counted(row['sentences'], 'sentence')} in the explorer", icon=":material/manage_search:", query_params={"actor": actor})

sentences = filter_sentences(current_explorer_table(), SentenceFilter(actors=(actor,)))
named = actor_surfaces(analysis.mentions, (actor,))
with sentences_area, st.expander(f"Sentences naming {escape_markdown(actor)} ({len(sentences)})", expanded=True):
    show_sentences(
        sentences, lambda row: [s for surface in named.get((row.doc_id, row.sentence_id), ()) for s in match_spans(row.text, literal=surface)], limit=SHOWN_SENTENCES
    )

with heat:
    show_chart(cooccurrence_heatmap(analysis.cooccurrence, names), key="actor_heatmap")
with network:
    show_chart(cooccurrence_network(analysis.cooccurrence, counts, top=top), key="actor_network")
pairs = top_pairs(analysis.cooccurrence, names)
if pairs:
    pair, link = st.columns([2, 3], vertical_alignment="bottom")
    chosen = pair.selectbox("Sentences naming both", list(pairs), format_func=lambda p: f"{p[0]} & {p[1]} ({pairs[p]})", key="pair")
    link.page_link(
        "dashboard/pages/explorer.py", label=escape_markdown(f"Open the {counted(pairs[chosen], 'sentence')} naming {chosen[0]} and {chosen[1]}"), icon=":material/manage_search:",
        query_params={"actor": list(chosen), "mode": "all of them"},
    )

with st.expander("Curate the actors: merge, rename, change type or colour, hide, add an alias"):
    curation_panel(analysis)

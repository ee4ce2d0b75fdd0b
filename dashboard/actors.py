"""Actors: who is talked about, in which words, with whom; every bar leads to its sentences."""

from __future__ import annotations

import streamlit as st

from analysis.explore import SentenceFilter, filter_sentences
from dashboard.charts import PLOTLY_CONFIG, actor_bar, cooccurrence_heatmap, cooccurrence_network
from dashboard.highlight import escape_markdown
from dashboard.loader import current_analysis, current_explorer_table
from dashboard.summary import alias_breakdown, selected_value

analysis = current_analysis()
counts = analysis.actor_counts

st.title("Actors")
if counts.empty:
    st.info("No actor from the dictionary is mentioned in this corpus.")
    st.stop()

chart, detail = st.columns([3, 2])
with chart:
    top = st.slider("How many actors", 5, max(5, len(counts)), min(15, len(counts)), key="top", bind="query-params")
    event = st.plotly_chart(actor_bar(counts, top=top), config=PLOTLY_CONFIG, key="actor_bars", on_select="rerun", selection_mode="points")
    st.caption("Click a bar, or choose an actor on the right, to read the sentences behind it.")
clicked = selected_value(event)
if clicked:
    st.session_state["actor"] = clicked
with detail:
    actor = st.selectbox("Actor", list(counts["actor"]), key="actor", bind="query-params")
    row = counts.set_index("actor").loc[actor]
    st.markdown(f"**{escape_markdown(actor)}** ({row['type']}): {row['mentions']} mentions in {row['sentences']} sentences, {row['documents']} document{'s' if row['documents'] != 1 else ''}.")
    st.dataframe(alias_breakdown(analysis.mentions, actor), hide_index=True)
    st.page_link("dashboard/explorer.py", label=f"Open the {row['sentences']} sentences in the explorer", icon=":material/manage_search:", query_params={"actor": actor})

sentences = filter_sentences(current_explorer_table(), SentenceFilter(actors=(actor,)))
with st.expander(f"Sentences naming {actor} ({len(sentences)})", expanded=True):
    for text, doc_id, sentence_id in sentences[["text", "doc_id", "sentence_id"]].head(30).itertuples(index=False):
        st.markdown(f"{escape_markdown(text)}  \n:gray[{escape_markdown(f'{doc_id} · sentence {sentence_id}')}]")
    if len(sentences) > 30:
        st.caption(f"First 30 of {len(sentences)}; the explorer shows them all.")

names = list(counts["actor"].head(top))
heat, network = st.columns(2)
with heat:
    st.plotly_chart(cooccurrence_heatmap(analysis.cooccurrence, names), config=PLOTLY_CONFIG, key="actor_heatmap")
with network:
    st.plotly_chart(cooccurrence_network(analysis.cooccurrence, counts, top=top), config=PLOTLY_CONFIG, key="actor_network")

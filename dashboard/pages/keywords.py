"""Keywords: what is said, ranked by YAKE, as bars and a cloud, per source or document; each leads to its sentences."""

from __future__ import annotations

import streamlit as st

from analysis.query.explore import SentenceFilter, actor_surfaces, filter_sentences, match_spans
from dashboard.downloads import csv_download
from dashboard.evidence import show_sentences
from dashboard.figures.charts import KEYWORD_MEASURES, keyword_bar
from dashboard.highlight import escape_markdown
from dashboard.interaction import clickable_chart, interaction_hint
from dashboard.loader import current_analysis, current_explorer_table, current_keywords, keyword_cloud
from dashboard.summary import counted, documents_of, keyword_scopes, keywords_by_group

SHOWN_SENTENCES = 30
CLOUD_WORDS = 40

analysis = current_analysis()
scopes = keyword_scopes(analysis)
titles = dict(zip(analysis.documents["doc_id"], analysis.documents["title"]))

st.title("Keywords")
st.caption(
    "YAKE keyphrases of the analysed sentences, words common in any English weighed down; a keyword naming an actor "
    "is shown once, under the actor's name. YAKE's score: **lower = more relevant**. Bars draw occurrences or relevance, "
    "ordered by what they draw."
)

controls = st.columns([1, 2, 2, 2, 3])
ngram = controls[0].selectbox("Words", [1, 2, 3], index=2, key="ngram", bind="query-params", help="Longest keyphrase, in words.")
top = controls[1].slider("How many keywords", 5, 60, 25, key="top_keywords", bind="query-params")
measure = controls[2].radio("Bars show", list(KEYWORD_MEASURES), key="keyword_measure", bind="query-params")
scope = controls[3].radio("Keywords of", list(scopes), key="scope", bind="query-params") if len(scopes) > 1 else "whole corpus"
source = doc_id = None
if scope == "one source":
    source = controls[4].selectbox("Source", scopes[scope], key="in_source", bind="query-params")
elif scope == "one document":
    # No format_func: a bound widget writes the shown text into the URL, and a doc_id is the stable name.
    doc_id = controls[4].selectbox("Document", scopes[scope], key="in_doc", bind="query-params")
    controls[4].caption(escape_markdown(titles.get(doc_id, "")[:120]))
doc_ids = documents_of(analysis, source=source, doc_id=doc_id)

keywords, doc_keywords = current_keywords(ngram=ngram, doc_ids=doc_ids)
if keywords.empty:
    st.info("YAKE found no keyword in these sentences (too little text, or only noise).")
    st.stop()
shown = keywords.head(top)

bars, side = st.columns([3, 2])  # the bars carry two figures each: they get the room
with bars:
    clickable_chart(keyword_bar(shown, top=top, show_score=True, measure=measure), key="keyword_bars", target="keyword")
    interaction_hint("Click a bar, or choose a keyword on the right, to read the sentences behind it.")
with side:
    in_cloud = shown.head(CLOUD_WORDS)
    image = keyword_cloud(in_cloud)
    st.image(image, caption=f"The {len(in_cloud)} top keywords. Size = occurrences; a keyword naming an actor takes the actor's colour, others are grey.", width="stretch")
    st.download_button("Download the word cloud (PNG)", image, file_name="keywords.png", mime="image/png")
    keyword = st.selectbox("Keyword", list(keywords["keyword"]), key="keyword", bind="query-params")
    row = keywords.set_index("keyword").loc[keyword]
    sentences = filter_sentences(current_explorer_table(), SentenceFilter(keyword=keyword, doc_ids=doc_ids or ()))
    st.markdown(
        f"**{escape_markdown(keyword)}**: rank {int(row['rank'])}, YAKE score {row['score']:.4g}, "
        f"{counted(int(row['count']), 'occurrence')} in {counted(len(sentences), 'sentence')}"
        + (" (the actor's mentions, by any of its names)." if row.get("actor") else ".")
    )
    link_params = {"kw": keyword} | ({"source": source} if source else {}) | ({"doc": doc_id} if doc_id else {})
    st.page_link("dashboard/pages/explorer.py", label=f"Open these {counted(len(sentences), 'sentence')} in the explorer", icon=":material/manage_search:", query_params=link_params)

# A keyword naming an actor stands for all the actor's names: its sentences show them highlighted.
named = actor_surfaces(analysis.mentions, (row["actor"],)) if row.get("actor") else {}

with st.expander(f"Sentences with “{escape_markdown(keyword)}” ({len(sentences)})", expanded=True):
    show_sentences(
        sentences,
        lambda r: match_spans(r.text, keyword=keyword) + [s for f in named.get((r.doc_id, r.sentence_id), ()) for s in match_spans(r.text, literal=f)],
        limit=SHOWN_SENTENCES,
    )

with st.expander("All keywords of this selection (table and CSV)"):
    st.dataframe(keywords, hide_index=True)
    csv_download("Download the keywords (CSV)", keywords, file_name="keywords.csv")

if len(analysis.documents) > 1 and scope == "whole corpus":
    by_source, by_document = st.tabs(["Keywords by source", "Keywords by document"])
    with by_source:
        table = keywords_by_group(doc_keywords, analysis.documents, by="source")
        if table.empty:
            st.info("The documents carry no source.")
        else:
            st.caption("For each source, the keywords most often among its documents' own top keywords.")
            st.dataframe(table, hide_index=True)
    with by_document:
        st.dataframe(keywords_by_group(doc_keywords, analysis.documents, by="doc_id"), hide_index=True)

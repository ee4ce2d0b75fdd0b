"""Briefing: a one-page brief of the corpus shown, with self-contained HTML and Markdown exports."""

from __future__ import annotations

import streamlit as st

from dashboard.brief import brief_html, brief_markdown, compose_brief
from dashboard.figures.charts import actor_bar
from dashboard.figures.event_charts import event_timeline
from dashboard.highlight import escape_markdown
from dashboard.interaction import show_chart
from dashboard.loader import current_analysis, current_motives, current_wanter, keyword_cloud
from dashboard.presentation import presenting
from dashboard.summary import charted_events, corpus_figures


def printed_charts(shown: dict, events) -> dict:
    """The charts for the printed brief: the timeline without its interactive hint (built only when downloaded)."""
    return {**shown, "timeline": event_timeline(events, interactive=False)} if "timeline" in shown else shown


analysis = current_analysis()
actors = list(analysis.actor_counts["actor"])

controls = st.container()
with controls:
    title = st.text_input("Title of the brief", placeholder=corpus_figures(analysis)["title"], key="brief_title", bind="query-params")
    opening = current_wanter() if actors else None
    wanter = st.selectbox("Whose goals", actors, index=actors.index(opening) if opening in actors else 0, key="brief_actor", bind="query-params") if actors else ""
motives, themes = current_motives(wanter) if wanter else (None, [])
brief = compose_brief(analysis, title=title or "", wanter=wanter or "—", themes=themes, motive_count=0 if motives is None else len(motives))

st.title(escape_markdown(brief.title))
for column, (name, value) in zip(st.columns(len(brief.figures)), brief.figures.items()):
    column.metric(name, value)
charts = {"actors": actor_bar(analysis.actor_counts, top=10)}
events = charted_events(analysis.events)
if events["timeline_year"].notna().any():
    charts["timeline"] = event_timeline(events)

left, right = st.columns(2)
show_chart(charts["actors"], key="brief_actors", where=left)
cloud = None
if len(analysis.keywords):
    cloud = keyword_cloud(analysis.keywords.head(30))
    right.image(cloud, caption="Top keywords (size = occurrences; actors in their colours)", width="stretch")
if "timeline" in charts:
    show_chart(charts["timeline"], key="brief_timeline")

st.header(f"What {escape_markdown(brief.wanter)} wants")
if not brief.themes:
    st.info("No sentence of this corpus states it.")
for name, keywords, count, quotes in brief.themes:
    st.subheader(f"{escape_markdown(name)} ({count})")
    st.caption(escape_markdown(", ".join(keywords)))
    for text, where in quotes:
        st.markdown(f"> {escape_markdown(text)}  \n> :gray[— {escape_markdown(where)}]")
with st.expander("Method", expanded=presenting()):
    for line in brief.method:
        st.markdown(f"- {escape_markdown(line)}")

if not presenting():
    html_file, markdown_file = st.columns(2)
    html_file.download_button(
        "Download the brief (HTML, works offline, prints on A4/Letter)", lambda: brief_html(brief, printed_charts(charts, events), cloud), file_name="brief.html", mime="text/html", key="brief_html"
    )
    markdown_file.download_button("Download the brief (Markdown)", lambda: brief_markdown(brief), file_name="brief.md", mime="text/markdown", key="brief_md")
    st.caption("Each chart downloads as a PNG at presentation resolution from its toolbar (camera icon).")

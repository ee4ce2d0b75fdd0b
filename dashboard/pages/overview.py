"""Overview: the corpus on one screen, with the cleaning report."""

from __future__ import annotations

import streamlit as st

from dashboard.figures.charts import actor_bar, keyword_bar
from dashboard.figures.event_charts import event_timeline
from dashboard.highlight import escape_markdown
from dashboard.interaction import interaction_hint, opening_chart, show_chart
from dashboard.loader import current_analysis
from dashboard.summary import actor_coverage, charted_events, cleaning_tables, corpus_figures, timeline_note, year_range

CHARTED_ACTORS = 12

analysis = current_analysis()
figures = corpus_figures(analysis)

st.title(escape_markdown(figures["title"]))
st.caption("Every figure comes from the sentences of the corpus; the command line reproduces it: `python -m analysis`.")

columns = st.columns(4)
columns[0].metric("Documents", f"{figures['documents']:,}")
columns[1].metric("Sentences", f"{figures['sentences']:,}")
columns[2].metric("Words analysed", f"{figures['words']:,}")
columns[3].metric(figures["date_label"], figures["date_span"], help=figures["date_help"])

left, right = st.columns(2)
with left:
    opening_chart(actor_bar(analysis.actor_counts, top=CHARTED_ACTORS), key="overview_actors", parameter="actor")
    coverage = actor_coverage(analysis.actor_counts, CHARTED_ACTORS)
    st.caption(
        f"These {min(CHARTED_ACTORS, coverage['actors'])} actors hold {coverage['share']:.0%} of the {coverage['mentions']:,} actor mentions "
        f"found ({coverage['actors']:,} actors in all, {coverage['model_actors']:,} of them found by the NER model and in no lexicon)."
    )
with right:
    opening_chart(keyword_bar(analysis.keywords, top=12), key="overview_keywords", parameter="kw")

events = charted_events(analysis.events)
if events["timeline_year"].notna().any():
    span = year_range(events)
    if span and span[0] < span[1]:
        opening_chart(event_timeline(events), key="overview_timeline", parameter="years", repeat=True)
    else:  # a single year: the explorer has no year filter to open, the Events page lists them
        show_chart(event_timeline(events), key="overview_timeline")
    interaction_hint("Click a bar on any chart to read the sentences behind it in the sentence explorer.")
    note = timeline_note(events)
    if note:
        st.info(note, icon=":material/event_busy:")
        st.page_link("dashboard/pages/events.py", label="See them by month on Events & places", icon=":material/calendar_month:")
else:
    st.info("No event reference in this corpus has a year, a named event or a dated document to place it on a timeline.")

# Drawn only once opened: its tables would otherwise make the browser load the table component
# before the charts on every first visit, for a report most visits never open.
report = st.expander(f"Cleaning report: {figures['removed']}", key="cleaning_report", on_change="rerun")
if report.open:
    counts, examples, repeats = cleaning_tables(analysis.cleaning)
    report.write("What was left out of the analysis, and why. Offsets point into the original documents.")
    report.dataframe(counts, hide_index=True)
    if not examples.empty:
        report.subheader("Examples")
        report.dataframe(examples, hide_index=True)
    if not repeats.empty:
        report.subheader("Repeated passages counted once")
        report.dataframe(repeats, hide_index=True)
    for warning in analysis.cleaning.get("load_warnings", []):
        report.warning(escape_markdown(warning))

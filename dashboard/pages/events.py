"""Events & places: when things happened and where, each bar and bubble leading to its sentences."""

from __future__ import annotations

import streamlit as st

from analysis.knowledge.lexicons import reporting_event_types
from analysis.query.explore import event_sentences, match_spans
from dashboard.downloads import csv_download
from dashboard.evidence import show_sentences
from dashboard.figures.event_charts import event_months, event_timeline, event_type_bar, named_event_bar
from dashboard.figures.place_map import place_counts, places_map, unplaced_counts
from dashboard.interaction import clickable_chart, interaction_hint
from dashboard.loader import current_analysis, current_explorer_table
from dashboard.summary import (
    charted_events,
    counted,
    event_choices,
    event_query,
    event_type_labels,
    events_by_document,
    events_by_source,
    explorer_link_for_events,
    named_event_table,
    timeline_note,
)

SHOWN_SENTENCES = 40
CHOICES = ("year", "month", "type", "named", "where")

analysis = current_analysis()
labels = event_type_labels()
reporting_labels = ", ".join(labels.get(k, k) for k in sorted(reporting_event_types()))

st.title("Events & places")
st.caption("Event references are sentences that describe an event (a trigger word such as *intervention* or *strikes*, in a sense "
           "its context supports); the timeline places each by a year written in the sentence, else a named event's date, else the document's date.")
with_reporting = st.toggle(
    "Include reporting verbs", key="said", bind="query-params",
    help=f"{reporting_labels}: *said*, *announced*, *warned*… They describe words, not events, and would fill most charts; they stay in the data.",
)
events = charted_events(analysis.events, reporting=with_reporting)
left_out = len(analysis.events) - len(events)
places = place_counts(analysis.places)
choices = event_choices(events, places)

if events.empty and places.empty:
    st.info("No event reference and no known place in this corpus.")
    st.stop()

figures = st.columns(4)
figures[0].metric(
    "Event references", f"{len(events):,}",
    help=f"{left_out:,} references by reporting verbs ({reporting_labels}) are left out; switch them on above." if left_out else None,
)
figures[1].metric("On the timeline", f"{int(events['timeline_year'].notna().sum()):,}", help="References with a year from the sentence, a named event or the document date.")
figures[2].metric("Named events referenced", int(events.loc[events["named_event"] != "", "named_event"].nunique()))
figures[3].metric("Places mentioned", len(places), help=f"{int(places['mentions'].sum()) if len(places) else 0} mentions in all.")



def trigger_spans(row, place: str | None) -> list[tuple[int, int]]:
    """Where a listed sentence shows its event triggers and the chosen place."""
    words = [trigger for trigger in row.triggers.split("; ") if trigger] + ([place] if place else [])
    return [span for word in words for span in match_spans(row.text, literal=word)]


def others(keep: str) -> list[str]:
    """The choices a click on ``keep``'s chart clears, so that it shows exactly the sentences behind the click."""
    return [key for key in CHOICES if key != keep]


when, kind = st.columns([3, 2])
with when:
    if choices["year"]:
        clickable_chart(event_timeline(events), key="timeline_chart", target="year", reset=others("year"))
        note = timeline_note(events)
        if note:
            st.info(note + " The month chart below shows when they were published.", icon=":material/event_busy:")
    else:
        st.info("No event reference has a year, a named event or a dated document to place it on a timeline.")
with kind:
    if not events.empty:
        clickable_chart(event_type_bar(events, labels), key="type_chart", target="type", reset=others("type"))

# Without a month chart the named events take the whole width: their long names need it.
months, named = st.columns([3, 2]) if choices["month"] else (st.container(), st.container())
with months:
    if choices["month"]:
        clickable_chart(event_months(events), key="month_chart", target="month", reset=others("month"))
    else:
        st.caption("No event reference gives its month.")
with named:
    if choices["named"]:
        clickable_chart(named_event_bar(events), key="named_chart", target="named", reset=others("named"))
        table = named_event_table(events)
        with st.expander(f"Named events: first and most-cited year ({len(table)})"):
            st.caption("Catalogued events (data/named_events.toml) count only beside their anchors (their country, places or actors); "
                       "other names are found in the text (\"the Battle of X\", \"the X accords\", \"the 2008 crisis\"), spellings grouped.")
            st.dataframe(table.drop(columns="source"), hide_index=True)
            csv_download("Download the named events (CSV)", table.drop(columns="source"), file_name="named_events.csv")
    else:
        st.caption("No sentence names an event: none from the catalogue (data/named_events.toml), no name such as \"the Battle of X\".")

if len(places):
    clickable_chart(places_map(places), key="place_map", target="where", reset=others("where"))
    with st.expander(f"Places table ({len(places)})"):
        st.dataframe(places, hide_index=True)
        csv_download("Download the places (CSV)", places, file_name="places.csv")
unplaced = unplaced_counts(analysis.places)
if len(unplaced):
    with st.expander(f"Places without coordinates ({len(unplaced)})"):
        st.caption("Names the NER model took for places that the gazetteer (data/places.toml) does not hold: not on the map, listed here.")
        st.dataframe(unplaced, hide_index=True)

if len(analysis.documents) > 1:
    with st.expander("Event references by source and by document"):
        by_source, by_document = st.tabs(["By source", "By document"])
        with by_source:
            table = events_by_source(events, analysis.documents, labels)
            if len(table):
                st.dataframe(table, hide_index=True)
            else:
                st.info("The documents carry no source.")
        with by_document:
            st.dataframe(events_by_document(events, analysis.documents, labels), hide_index=True)

st.subheader("The sentences behind them")
interaction_hint("Click a bar or a bubble above, or choose here; choices combine.")
pick = st.columns(5)
year = pick[0].selectbox("Year", [None, *choices["year"]], format_func=lambda v: v or "any", key="year", bind="query-params")
month = pick[1].selectbox("Month", [None, *choices["month"]], format_func=lambda v: v or "any", key="month", bind="query-params")
# Options are labels, not keys: a bound widget writes the shown text into the URL.
event_label = pick[2].selectbox("Event type", [None, *(labels.get(k, k) for k in choices["event"])], format_func=lambda v: v or "any", key="type", bind="query-params")
named_event = pick[3].selectbox("Named event", [None, *choices["named"]], format_func=lambda v: v or "any", key="named", bind="query-params")
place = pick[4].selectbox("Place", [None, *choices["place"]], format_func=lambda v: v or "any", key="where", bind="query-params")
query = event_query(year=year, month=month, event_label=event_label, named_event=named_event, place=place, labels=labels)

if query.empty:
    st.info("Choose a year, month, event type, named event or place (or click one above) to read its sentences.")
else:
    if query.conflict:
        st.warning(query.conflict)
    result = event_sentences(
        current_explorer_table(), events,
        year=query.year, month=query.month, event_type=query.event_type, named_event=query.named_event, place=query.place,
    )
    st.markdown(f"**{counted(len(result), 'sentence')}** match.")
    link = explorer_link_for_events(query, years_available=len(choices["year"]))
    if link and len(result):
        st.page_link("dashboard/pages/explorer.py", label="Open them in the sentence explorer", icon=":material/manage_search:", query_params=link)
    show_sentences(result, lambda row: trigger_spans(row, place), limit=SHOWN_SENTENCES, rest="download them all below")
    csv_download(
        "Download these sentences (CSV)", result[["doc_id", "sentence_id", "source", "date", "text", "triggers"]], file_name="event_sentences.csv"
    )

"""Events & places: when things happened and where, each bar and bubble leading to its sentences."""

from __future__ import annotations

import streamlit as st

from analysis.explore import event_sentences, match_spans
from dashboard.charts import PLOTLY_CONFIG
from dashboard.event_charts import event_months, event_timeline, event_type_bar, named_event_bar
from dashboard.highlight import escape_markdown, highlight
from dashboard.interaction import follow_click
from dashboard.loader import current_analysis, current_explorer_table
from dashboard.place_map import place_counts, places_map
from dashboard.summary import event_choices, event_type_labels, explorer_link_for_events

SHOWN_SENTENCES = 40
CHOICES = ("year", "month", "type", "named", "where")

analysis = current_analysis()
events = analysis.events
labels = event_type_labels()
places = place_counts(analysis.places)
choices = event_choices(events, places)

st.title("Events & places")
st.caption("Event references are sentences that describe an event (a trigger word such as *intervention* or *strikes*); "
           "the timeline places each by a year written in the sentence, else a named event's date, else the document's date.")
if events.empty and places.empty:
    st.info("No event reference and no known place in this corpus.")
    st.stop()

figures = st.columns(4)
figures[0].metric("Event references", f"{len(events):,}")
figures[1].metric("On the timeline", f"{int(events['timeline_year'].notna().sum()):,}", help="References with a year from the sentence, a named event or the document date.")
figures[2].metric("Named events referenced", int(events.loc[events["named_event"] != "", "named_event"].nunique()))
figures[3].metric("Places mentioned", len(places), help=f"{int(places['mentions'].sum()) if len(places) else 0} mentions in all.")



def others(keep: str) -> list[str]:
    """The choices a click on ``keep``'s chart clears, so that it shows exactly the sentences behind the click."""
    return [key for key in CHOICES if key != keep]


when, kind = st.columns([3, 2])
with when:
    if choices["year"]:
        clicked = st.plotly_chart(event_timeline(events), config=PLOTLY_CONFIG, key="timeline_chart", on_select="rerun", selection_mode="points")
        follow_click(clicked, "year", reset=others("year"))
    else:
        st.info("No event reference has a year, a named event or a dated document to place it on a timeline.")
with kind:
    if not events.empty:
        clicked = st.plotly_chart(event_type_bar(events, labels), config=PLOTLY_CONFIG, key="type_chart", on_select="rerun", selection_mode="points")
        follow_click(clicked, "type", reset=others("type"))

months, named = st.columns([3, 2])
with months:
    if choices["month"]:
        clicked = st.plotly_chart(event_months(events), config=PLOTLY_CONFIG, key="month_chart", on_select="rerun", selection_mode="points")
        follow_click(clicked, "month", reset=others("month"))
    else:
        st.caption("No event reference gives its month.")
with named:
    if choices["named"]:
        clicked = st.plotly_chart(named_event_bar(events), config=PLOTLY_CONFIG, key="named_chart", on_select="rerun", selection_mode="points")
        follow_click(clicked, "named", reset=others("named"))
    else:
        st.caption("No sentence names a catalogued event (data/named_events.toml).")

if len(places):
    clicked = st.plotly_chart(places_map(places), config=PLOTLY_CONFIG, key="place_map", on_select="rerun", selection_mode="points")
    follow_click(clicked, "where", reset=others("where"))
    with st.expander(f"Places table ({len(places)})"):
        st.dataframe(places, hide_index=True)
        st.download_button("Download the places (CSV)", places.to_csv(index=False), file_name="places.csv", mime="text/csv")

st.subheader("The sentences behind them")
st.caption("Click a bar or a bubble above, or choose here; choices combine.")
pick = st.columns(5)
year = pick[0].selectbox("Year", [None, *choices["year"]], format_func=lambda v: v or "any", key="year", bind="query-params")
month = pick[1].selectbox("Month", [None, *choices["month"]], format_func=lambda v: v or "any", key="month", bind="query-params")
# Options are labels, not keys: a bound widget writes the shown text into the URL.
event_label = pick[2].selectbox("Event type", [None, *(labels.get(k, k) for k in choices["event"])], format_func=lambda v: v or "any", key="type", bind="query-params")
event_type = {labels.get(k, k): k for k in choices["event"]}.get(event_label)
named_event = pick[3].selectbox("Named event", [None, *choices["named"]], format_func=lambda v: v or "any", key="named", bind="query-params")
place = pick[4].selectbox("Place", [None, *choices["place"]], format_func=lambda v: v or "any", key="where", bind="query-params")

if not any((year, month, event_type, named_event, place)):
    st.info("Choose a year, month, event type, named event or place (or click one above) to read its sentences.")
else:
    month_year, month_number = (int(part) for part in month.split("-")) if month else (None, None)
    if year and month_year and int(year) != month_year:
        st.warning(f"{month} is not in {year}: no reference can match both.")
    result = event_sentences(
        current_explorer_table(), events,
        year=int(year) if year else month_year, month=month_number, event_type=event_type, named_event=named_event, place=place,
    )
    st.markdown(f"**{len(result):,} sentences** match.")
    link = explorer_link_for_events(year=year or (str(month_year) if month_year else None), event_label=event_label, place=place)
    if link and not named_event and not month:
        st.page_link("dashboard/explorer.py", label="Open them in the sentence explorer", icon=":material/manage_search:", query_params=link)
    for row in result.head(SHOWN_SENTENCES).itertuples():
        spans = [span for trigger in row.triggers.split("; ") if trigger for span in match_spans(row.text, literal=trigger)]
        spans += match_spans(row.text, literal=place) if place else []
        with st.container(border=True):
            st.markdown(highlight(row.text, spans))
            st.caption(escape_markdown(" · ".join(part for part in (row.doc_id, f"sentence {row.sentence_id}", row.source, row.date) if part)))
    if len(result) > SHOWN_SENTENCES:
        st.caption(f"First {SHOWN_SENTENCES} of {len(result)}.")
    st.download_button(
        "Download these sentences (CSV)", result[["doc_id", "sentence_id", "source", "date", "text", "triggers"]].to_csv(index=False),
        file_name="event_sentences.csv", mime="text/csv",
    )

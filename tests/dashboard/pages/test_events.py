from analysis.query.explore import event_sentences
from dashboard.figures.event_charts import event_months, event_timeline, event_type_bar, named_event_bar
from dashboard.figures.place_map import core_places, place_counts, places_map, unplaced_counts, world_outline
from dashboard.summary import event_choices, event_query, event_type_labels, explorer_link_for_events
from tests.conftest import FAKES_CSV, open_page, shared_file


def events_page(**params):
    return open_page("dashboard/pages/events.py", **params)


def click(point: list) -> dict:
    return {"selection": {"points": [{"customdata": point}], "point_indices": [0], "box": [], "lasso": []}}


def sentences_shown(at) -> int:
    summary = next(m.value for m in at.markdown if m.value.endswith("** match."))
    return int(summary.strip("*").split()[0].replace(",", "").strip("*"))


def test_events_page_shows_timeline_types_named_events_and_map():
    at = events_page()
    assert not at.exception
    assert at.title[0].value == "Events & places"
    assert len(at.get("plotly_chart")) == 5
    assert int(at.metric[0].value) > 100 and int(at.metric[3].value) > 5
    assert any("Choose a year" in info.value for info in at.info)


def test_a_year_from_the_link_lists_its_sentences(default_analysis):
    at = events_page(year="2015")
    assert not at.exception
    placed = default_analysis.events[default_analysis.events["timeline_year"] == 2015]
    assert sentences_shown(at) == len(placed[["doc_id", "sentence_id"]].drop_duplicates())
    assert [link for link in at.get("page_link")], "a year can be opened in the explorer"


def test_clicks_choose_exactly_what_was_clicked():
    at = events_page(year="2015")
    at.session_state["place_map"] = click(["Aleppo", 7, 7])
    at.run()
    assert not at.exception
    assert at.selectbox(key="where").value == "Aleppo" and at.selectbox(key="year").value is None
    assert sentences_shown(at) == 7
    at.selectbox(key="type").set_value("Military action").run()
    assert at.selectbox(key="where").value == "Aleppo", "a chart's old selection does not override a later hand-made choice"
    assert 0 < sentences_shown(at) <= 7


def test_named_event_and_place_combine():
    at = events_page(named="Fall of the Assad regime", where="Damascus")
    assert not at.exception and 0 < sentences_shown(at) < 10


def test_event_sentences_agree_with_the_events_table(default_analysis):
    from analysis.query.explore import sentence_table

    table = sentence_table(default_analysis)
    events = default_analysis.events
    for event_type in events["event_type"].unique():
        expected = events.loc[events["event_type"] == event_type, ["doc_id", "sentence_id"]].drop_duplicates()
        found = event_sentences(table, events, event_type=event_type)
        assert len(found) == len(expected) and found["triggers"].str.len().gt(0).all()
    assert len(event_sentences(table, events)) == len(table)
    naming = event_sentences(table, events, place="Aleppo")
    assert len(naming) == default_analysis.places.query("place == 'Aleppo'")[["doc_id", "sentence_id"]].drop_duplicates().shape[0]


def test_charts_carry_what_a_click_needs(default_analysis):
    events = default_analysis.events
    timeline = event_timeline(events)
    assert all(len(point) == 2 and str(point[0]).isdigit() for trace in timeline.data for point in trace.customdata)
    months = event_months(events).data[0]
    assert all(len(m[0]) == 7 and m[0][4] == "-" for m in months.customdata)
    assert sum(event_type_bar(events, event_type_labels()).data[0].x) == len(events)
    assert max(named_event_bar(events).data[0].x) == events.loc[events["named_event"] != "", "named_event"].value_counts().iloc[0]


def test_map_frames_the_places_and_works_offline(default_analysis):
    counts = place_counts(default_analysis.places)
    placed = default_analysis.places["lat"].notna()
    assert counts["mentions"].sum() == placed.sum()  # every place with coordinates is on the map
    unplaced = unplaced_counts(default_analysis.places)
    assert unplaced["mentions"].sum() == (~placed).sum() and not set(unplaced["place"]) & set(counts["place"])
    figure = places_map(counts)
    land, borders, bubbles = figure.data
    assert land.fill == "toself" and len(world_outline()["borders"]) > 100
    assert list(bubbles.customdata[0][:2]) == [counts["place"].iloc[0], counts["mentions"].iloc[0]]
    x0, x1 = figure.layout.xaxis.range
    core = core_places(counts)
    assert x0 <= core["lon"].min() and core["lon"].max() <= x1, "the places holding most mentions are in view"
    outside = int((~counts["lon"].between(x0, x1) | ~counts["lat"].between(*figure.layout.yaxis.range)).sum())
    assert (figure.layout.title.subtitle.text or "").startswith(f"{outside} of {len(counts)} places") if outside else figure.layout.title.subtitle.text is None
    assert "topojson" not in figure.to_json(), "no base map to fetch from a CDN"


def test_choices_and_explorer_link(default_analysis):
    choices = event_choices(default_analysis.events, place_counts(default_analysis.places))
    assert choices["year"] == sorted(choices["year"]) and choices["event"][0] == "military_action"
    labels = event_type_labels()

    def link(**chosen):
        query = event_query(**({"year": None, "month": None, "event_label": None, "named_event": None, "place": None} | chosen), labels=labels)
        return explorer_link_for_events(query, years_available=len(choices["year"]))

    assert link(year="2015", place="Aleppo") == {"years": ["2015", "2015"], "place": "Aleppo"}
    assert link(event_label="Military action", place="Aleppo") == {"event": "Military action", "place": "Aleppo"}
    assert link(year="2015", event_label="Military action") == {}, "year and type are per reference here, per sentence there"
    assert link(month="2015-09") == {} and link(named_event="Fall of the Assad regime") == {}
    assert event_query(year="2014", month="2015-09", event_label=None, named_event=None, place=None, labels=labels).conflict


def test_every_offered_events_link_opens_the_same_sentences(default_analysis):
    from analysis.query.explore import SentenceFilter, filter_sentences, sentence_table

    table = sentence_table(default_analysis)
    events = default_analysis.events
    choices = event_choices(events, place_counts(default_analysis.places))
    labels = event_type_labels()
    checked = 0
    for year in [None, *choices["year"]]:
        for label in [None, *(labels[k] for k in choices["event"][:4])]:
            for place in [None, *choices["place"][:3]]:
                query = event_query(year=year, month=None, event_label=label, named_event=None, place=place, labels=labels)
                link = explorer_link_for_events(query, years_available=len(choices["year"]))
                if query.empty or not link:
                    continue
                here = event_sentences(table, events, year=query.year, event_type=query.event_type, place=place)
                years = tuple(int(y) for y in link["years"]) if "years" in link else None
                there = filter_sentences(table, SentenceFilter(event_types=(query.event_type,) if query.event_type else (), years=years, places=(place,) if place else ()))
                assert len(here) == len(there), (year, label, place)
                checked += 1
    assert checked > 20


def test_events_page_on_fakes(fakes_analysis, monkeypatch):
    monkeypatch.setenv("BRIEFING_CORPUS", str(shared_file(FAKES_CSV)))
    at = events_page(type="Military action")
    assert not at.exception and len(at.get("plotly_chart")) >= 4
    assert sentences_shown(at) > 100


def test_timeline_opens_on_the_main_span_and_says_what_is_before_it():
    import pandas as pd

    events = pd.DataFrame({"timeline_year": [1944] + [2011, 2015, 2015, 2024] * 4, "date_basis": "text"})
    figure = event_timeline(events)
    first, last = figure.layout.xaxis.range
    assert 2010 < first < 2011 and 2024 < last < 2025, "the last bar is whole"
    assert "1 reference to 1944, before this span" in figure.layout.annotations[0].text

    late = pd.DataFrame({"timeline_year": [1944] + [2011, 2015, 2015, 2024] * 4 + [2048], "date_basis": "text"})
    figure = event_timeline(late)
    assert figure.layout.xaxis.range[1] < 2025, "a stray forecast year does not stretch the span"
    assert "1 reference to 2048, after this span" in figure.layout.annotations[0].text
    dated = pd.DataFrame({"timeline_year": [2011, 2012, 2012, 2013, 2014, 2016], "date_basis": ["document"] * 5 + ["text"]})
    assert event_timeline(dated).layout.xaxis.range[1] < 2015, "no year after the newest document's opens the span"


def test_events_by_source_and_document_add_up(fakes_analysis):
    from dashboard.summary import events_by_document, events_by_source

    labels = event_type_labels()
    by_source = events_by_source(fakes_analysis.events, fakes_analysis.documents, labels)
    sourced = fakes_analysis.events.merge(fakes_analysis.documents[["doc_id", "source"]], on="doc_id")
    assert by_source["all sources"].sum() == (sourced["source"] != "").sum()
    by_document = events_by_document(fakes_analysis.events, fakes_analysis.documents, labels)
    assert by_document["event references"].sum() == len(fakes_analysis.events) and len(by_document) == len(fakes_analysis.documents)


def test_the_map_opens_on_the_corpus_region_not_on_a_far_place_named_once():
    import pandas as pd

    from dashboard.figures.place_map import places_map

    counts = pd.DataFrame(
        {"place": ["Aleppo", "Damascus", "Idlib", "Homs", "Latakia", "Tartus", "Washington"], "lat": [36.2, 33.5, 35.9, 34.7, 35.5, 34.9, 38.9],
         "lon": [37.2, 36.3, 36.6, 36.7, 35.8, 35.9, -77.0], "mentions": [40, 35, 20, 10, 8, 6, 1], "sentences": [40, 35, 20, 10, 8, 6, 1]}
    )
    figure = places_map(counts)
    west, east = figure.layout.xaxis.range
    assert west > 0 and east - west < 40, f"the view spans {west}..{east}: it should frame the Levant"
    assert figure.layout.title.subtitle.text.startswith("1 of 7 places lie outside this view")


def test_reporting_verbs_are_left_out_of_the_charts_until_asked_for(default_analysis):
    from analysis.knowledge.lexicons import reporting_event_types as reporting_types
    from dashboard.summary import charted_events

    events = default_analysis.events
    statements = int(events["event_type"].isin(reporting_types()).sum())
    assert statements > 0
    at = events_page()
    assert int(at.metric[0].value.replace(",", "")) == len(events) - statements
    assert str(statements) in at.metric[0].help
    assert "political_statement" not in set(charted_events(events)["event_type"])
    at = events_page(said="true")
    assert int(at.metric[0].value.replace(",", "")) == len(events)


def test_named_events_show_their_source_first_and_most_cited_year(default_analysis):
    from dashboard.summary import named_event_table

    table = named_event_table(default_analysis.events)
    assert set(table["source"]) <= {"catalogue", "text"} and (table["references"].diff().dropna() <= 0).all()
    row = table.set_index("named event").loc["Fall of the Assad regime"]
    assert row["from"] == "from the catalogue" and int(row["first year"]) <= int(row["most cited year"])
    hover = named_event_bar(default_analysis.events).data[0]
    assert list(hover.customdata[-1][:1]) == [table["named event"].iloc[0]], "the commonest on top, its name first for the click"
    at = events_page()
    assert any(e.label.startswith("Named events: first and most-cited year") for e in at.expander)


def test_month_labels_stay_level_and_few_enough_to_read():
    import pandas as pd

    events = pd.DataFrame({"timeline_year": [2000 + i // 12 for i in range(40)], "timeline_month": [1 + i % 12 for i in range(40)]})
    axis = event_months(events).layout.xaxis
    assert axis.tickangle == 0 and len(axis.tickvals) <= 12 and axis.tickvals[0] == "Jan<br>2000"

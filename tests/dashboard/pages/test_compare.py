from analysis.query.compare import compare_actors, sentences_with_term
from analysis.query.explore import sentence_table
from dashboard.figures.compare_charts import distinctive_bar, term_scatter
from dashboard.summary import split_groups
from tests.conftest import FAKES_CSV, open_page, shared_file


def compare_page(**params):
    return open_page("dashboard/pages/compare.py", **params)


def test_actor_vs_actor_shows_terms_events_partners_and_sentences():
    at = compare_page(who=["Russia", "Iran", "Turkey"])
    assert not at.exception and at.title[0].value == "Compare"
    assert [m.label for m in at.metric] == ["Russia", "Iran", "Turkey"]
    assert len(at.get("plotly_chart")) == 4, "three term charts and the event profiles"
    assert len(at.dataframe) == 3 and len(at.get("page_link")) == 3


def test_actor_comparison_is_about_each_actor(default_analysis):
    table = sentence_table(default_analysis)
    comparison = compare_actors(table, default_analysis, ["Russia", "Iran"])
    russia = comparison.terms["Russia"]
    assert len(comparison.terms["Iran"]), "each chosen actor gets its own words"
    assert {"moscow", "russian", "russia"}.isdisjoint(russia["term"]), "an actor's own names are left out"
    assert (russia["z"].diff().dropna() <= 1e-9).all() and russia["z"].iloc[0] > 0
    assert "base" in set(russia["term"].head(10)) or "bases" in set(russia["term"].head(10))
    for actor, examples in comparison.examples.items():
        assert len(examples) and examples["actors"].str.contains(f"|{actor}|", regex=False).all()
    profile = comparison.events.groupby("actor")["share"].sum()
    assert ((profile - 1).abs() < 1e-9).all()


def test_group_vs_group_by_actors_lists_a_terms_sentences_on_both_sides(default_analysis):
    at = compare_page(compare="Group vs group", split="actors", actor_a="Iran", actor_b="Turkey")
    assert not at.exception and len(at.get("plotly_chart")) == 3
    term = at.selectbox(key="term").value
    table = sentence_table(default_analysis)
    rows_a, rows_b, _, _ = split_groups(table, by="actors", a="Iran", b="Turkey")
    expected = int(sentences_with_term(rows_a["text"], term).sum())
    assert any(m.value.startswith(f"**Iran**: {expected} sentence") for m in at.markdown)


def test_charts(default_analysis):
    table = sentence_table(default_analysis)
    comparison = compare_actors(table, default_analysis, ["Russia", "Turkey"])
    bar = distinctive_bar(comparison.terms["Turkey"], colour="#123456", title="t").data[0]
    assert list(bar.y)[-1] == comparison.terms["Turkey"]["term"].iloc[0]
    from analysis.query.compare import distinctive_terms

    rows_a, rows_b, _, _ = split_groups(table, by="actors", a="Russia", b="Turkey")
    scored = distinctive_terms(rows_a["text"], rows_b["text"], background=table["text"])
    scatter = term_scatter(scored, label_a="Russia", label_b="Turkey")
    assert scatter.layout.xaxis.type == "log" and len(scatter.data[0].x) == len(scored)


def test_group_vs_group_by_source_on_fakes(fakes_analysis, monkeypatch):
    monkeypatch.setenv("BRIEFING_CORPUS", str(shared_file(FAKES_CSV)))
    at = compare_page(compare="Group vs group", split="sources", source_a="sana", source_b="nna")
    assert not at.exception
    assert at.radio(key="split").options[:3] == ["sources", "a field", "dates"] and at.radio(key="split").value == "sources"
    assert any(m.value.startswith("**sana**") for m in at.markdown)
    at = compare_page(who=["Russia", "Turkey"])
    assert not at.exception and len(at.get("plotly_chart")) == 3


def test_split_by_a_metadata_field_on_fakes(fakes_analysis, monkeypatch):
    from dashboard.summary import metadata_fields

    fields = metadata_fields(fakes_analysis.documents)
    assert fields.get("label_credible") == ["0", "1"]
    table = sentence_table(fakes_analysis)
    rows_a, rows_b, label_a, _ = split_groups(table, by="field", a="1", b="0", field="label_credible", documents=fakes_analysis.documents)
    assert label_a == "label_credible = 1" and len(rows_a) + len(rows_b) == len(table)
    monkeypatch.setenv("BRIEFING_CORPUS", str(shared_file(FAKES_CSV)))
    at = compare_page(compare="Group vs group", split="a field", field="label_credible", value_a="1", value_b="0")
    assert not at.exception and any(m.value.startswith("**label\\_credible \\= 1**") for m in at.markdown)


def test_this_corpus_against_another_of_the_session():
    at = open_page("dashboard/pages/corpus.py")
    at.file_uploader(key="upload_files").set_value([("other.txt", b"Iran and Hezbollah fought near Aleppo in 2016. Iran wants a land corridor to Lebanon. Russia bombed Idlib.", "text/plain")]).run()
    at.button(key="upload_go").click().run()
    at.switch_page("dashboard/pages/compare.py").run()
    at.segmented_control(key="compare").set_value("Group vs group").run()
    at.radio(key="split").set_value("corpora").run()
    assert not at.exception
    assert any(m.value.startswith("**other**") and "Bundled corpus" in m.value for m in at.markdown)
    assert len(at.get("plotly_chart")) == 3


def test_groups_too_small_to_compare_get_a_message(show_text):
    show_text("Russia wants a base in Tartus. Iran wants oil from Iraq.", name="tiny.txt")
    at = compare_page(compare="Group vs group", split="actors", actor_a="Russia", actor_b="Iran")
    assert not at.exception and any("nothing to compare" in i.value for i in at.info)


def test_a_terms_listed_sentences_match_its_count():
    import pandas as pd

    from analysis.query.compare import term_counts

    texts = pd.Series(["The rebels' demands grew.", "A 'ceasefire' was agreed.", "Russia- and China-backed plans.", "No match here."])
    counts = term_counts(texts)
    for term in ("rebels", "ceasefire", "russia", "demands"):
        assert int(sentences_with_term(texts, term).sum()) == counts[term], term


def test_a_chart_of_terms_none_of_which_is_significant_says_so():
    import pandas as pd

    from dashboard.figures.compare_charts import distinctive_bar

    weak = pd.DataFrame({"term": ["bases", "port"], "z": [1.5, 1.2], "count_a": [5, 4], "count_b": [2, 2]})
    assert "none is significant" in distinctive_bar(weak, colour="#000000", title="Most A").layout.title.subtitle.text
    strong = weak.assign(z=[2.5, 1.2])
    assert distinctive_bar(strong, colour="#000000", title="Most A").layout.title.subtitle.text is None

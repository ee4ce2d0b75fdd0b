import math

import pandas as pd
import pytest

from analysis import analyze, load_corpus
from analysis.cli import main
from analysis.knowledge.curation import Curation, curation_toml
from dashboard.figures.charts import cooccurrence_heatmap, cooccurrence_network
from dashboard.interaction import selected_value
from dashboard.summary import alias_breakdown
from tests.conftest import FAKES_CSV, open_page, shared_file


def actors_page(**params):
    return open_page("dashboard/pages/actors.py", **params)


def test_actors_page_renders_charts_and_aliases():
    at = actors_page()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 3
    assert at.selectbox(key="name").value == "Russia"
    assert "Moscow" in set(at.dataframe[0].value["written as"])


def test_choosing_an_actor_reaches_its_sentences():
    at = actors_page(name="Turkey")
    assert at.selectbox(key="name").value == "Turkey"
    assert "Sentences naming Turkey (30)" in at.expander[0].label
    forms = set(at.dataframe[0].value["written as"])
    texts = [m.value.replace("\\", "") for m in at.expander[0].markdown]
    assert texts and all(any(form in text for form in forms) for text in texts)


def test_clicking_a_bar_selects_the_actor():
    at = actors_page()
    at.session_state["actor_bars"] = {"selection": {"points": [{"customdata": ["Iran", 38, 1]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception and at.selectbox(key="name").value == "Iran"


def test_helpers(default_analysis):
    breakdown = alias_breakdown(default_analysis.mentions, "Russia")
    assert breakdown["mentions"].sum() == int(default_analysis.actor_counts.set_index("actor").loc["Russia", "mentions"])
    assert selected_value({"selection": {"points": []}}) is None
    names = list(default_analysis.actor_counts["actor"].head(6))
    heat = cooccurrence_heatmap(default_analysis.cooccurrence, names).data[0]
    counts = heat.customdata
    assert (counts == counts.T).all(), "hover shows the true, symmetric counts"
    assert heat.z[0][1] == pytest.approx(math.log10(1 + counts[0][1])), "colour on a log scale"
    assert set(breakdown["written as"].str.casefold()) == set(breakdown["written as"].str.casefold().unique())
    assert len(breakdown["written as"].str.casefold().unique()) == len(breakdown), "case variants are one form"
    assert len(cooccurrence_network(default_analysis.cooccurrence, default_analysis.actor_counts, top=6).data) >= 2


def test_a_hand_choice_after_a_click_is_kept():
    at = actors_page()
    at.session_state["actor_bars"] = {"selection": {"points": [{"customdata": ["Iran", 38, 1]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    at.selectbox(key="name").set_value("Turkey").run()
    assert at.selectbox(key="name").value == "Turkey"


def test_fakes_actors_by_source_and_month(fakes_analysis, monkeypatch):
    from dashboard.summary import actor_mentions_by, has_groups

    assert has_groups(fakes_analysis, by="source") and has_groups(fakes_analysis, by="month")
    table = actor_mentions_by(fakes_analysis, by="source", actors=["Russia", "Syria"])
    russia = fakes_analysis.mentions[fakes_analysis.mentions["actor"] == "Russia"]
    assert table.loc[table["actor"] == "Russia", "mentions"].sum() == len(russia)

    monkeypatch.setenv("BRIEFING_CORPUS", str(shared_file(FAKES_CSV)))
    at = actors_page()
    assert not at.exception and len(at.tabs) == 2 and len(at.get("plotly_chart")) == 5
    at.session_state["actors_by_source"] = {"selection": {"points": [{"customdata": ["Turkey", "sana", 3]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception and at.selectbox(key="name").value == "Turkey"


def test_a_corpus_with_two_actors(show_text):
    show_text("Russia and Turkey met. Russia spoke again. Turkey listened.")
    at = actors_page()
    assert not at.exception and at.selectbox(key="name").options == ["Russia", "Turkey"]


def test_a_pair_leads_to_the_sentences_naming_both(default_analysis):
    from analysis.query.explore import SentenceFilter, filter_sentences, sentence_table
    from dashboard.summary import top_pairs

    pairs = top_pairs(default_analysis.cooccurrence, list(default_analysis.actor_counts["actor"]))
    (a, b), n = next(iter(pairs.items()))
    both = filter_sentences(sentence_table(default_analysis), SentenceFilter(actors=(a, b), all_actors=True))
    assert len(both) == n
    at = actors_page()
    assert not at.exception and at.selectbox(key="pair").value == (a, b)
    at = open_page("dashboard/pages/explorer.py", actor=[a, b], mode="all of them")
    assert int(at.metric[0].value.split(" of ")[0]) == n


def test_a_hand_choice_after_a_click_is_kept_when_breakdowns_are_shown(show_text):
    show_text(
        "text,source,date\n"
        '"Russia and Turkey met in Sochi. Iran was absent.",tass,2019-01-05\n'
        '"Turkey and Iran spoke. Russia waited.",anadolu,2019-02-07\n'
        '"Iran, Russia and Turkey signed a deal.",irna,2019-03-09\n',
        name="three.csv",
    )
    at = actors_page()
    assert len(at.tabs) == 2
    at.session_state["actor_bars"] = {"selection": {"points": [{"customdata": ["Turkey", 3, 3]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert at.selectbox(key="name").value == "Turkey"
    at.selectbox(key="name").set_value("Iran").run()
    at.run()
    assert at.selectbox(key="name").value == "Iran"


def test_merging_two_actors_on_the_actors_page_every_page_follows(show_text):
    show_text(
        "Tony Blair met Gordon Brown in London. Mr Blair said the talks went well.\n"
        "Gordon Brown told reporters that Tony Blair had agreed. Brown smiled.\n"
    )
    at = actors_page()
    assert not at.exception and {"Tony Blair", "Gordon Brown"} <= set(at.selectbox(key="name").options)
    at.radio(key="curate_action").set_value("merge into another").run()
    at.selectbox(key="curate_actor").set_value("Gordon Brown").run()
    at.selectbox(key="curate_into").set_value("Tony Blair").run()
    at.button(key="curate_apply").click().run()
    assert not at.exception
    assert "Gordon Brown" not in at.selectbox(key="name").options
    downloaded = at.get("download_button")
    assert downloaded, "the curated dictionary downloads"
    for page, key in (("dashboard/pages/motives.py", "wanter"), ("dashboard/pages/explorer.py", "actor"), ("dashboard/pages/compare.py", None)):
        at.switch_page(page).run()
        assert not at.exception, page
        if key == "wanter":
            assert "Gordon Brown" not in at.selectbox(key=key).options and "Tony Blair" in at.selectbox(key=key).options
        elif key == "actor":
            assert "Gordon Brown" not in at.multiselect(key=key).options
    at.switch_page("dashboard/pages/actors.py").run()
    at.button(key="curate_undo").click().run()
    assert "Gordon Brown" in at.selectbox(key="name").options  # undone: the model's actors again


def test_the_curated_dictionary_round_trips_through_the_command_line(tmp_path):
    corpus = tmp_path / "uk.txt"
    corpus.write_text("Tony Blair met Gordon Brown. Mr Blair said so. Specifically, Brown agreed.\n", encoding="utf-8")
    analysis = analyze(load_corpus(corpus), workers=1)
    text = curation_toml(Curation().merge("Gordon Brown", "Tony Blair").retype("Tony Blair", "political party"), analysis.actor_counts, analysis.mentions)
    (tmp_path / "curated.toml").write_text(text, encoding="utf-8")
    assert main([str(corpus), "--actors", str(tmp_path / "curated.toml"), "--out", str(tmp_path / "out"), "--no-cache", "--quiet"]) == 0
    counts = pd.read_csv(tmp_path / "out" / "actor_counts.csv")
    row = counts.set_index("actor").loc["Tony Blair"]
    assert "Gordon Brown" not in set(counts["actor"]) and row["type"] == "political party" and row["mentions"] >= 4

from tests.conftest import FAKES_CSV, open_page, shared_file


def motives_page(**params):
    return open_page("dashboard/pages/motives.py", **params)


def test_what_does_russia_want_shows_themes_with_quotes():
    at = motives_page()
    assert not at.exception and at.title[0].value == "What does it want?"
    assert at.selectbox(key="wanter").value == "Russia"
    labels = [e.label.replace("\\", "") for e in at.expander]
    assert any(label.startswith("Military bases and presence") for label in labels)
    assert any(label.startswith("Keeping an ally in power") for label in labels)
    quotes = [m.value for e in at.expander for m in e.markdown]
    assert quotes and all(":gray[" in q for q in quotes), "each quote says where it comes from"
    assert len(at.get("plotly_chart")) == 1 and len(at.get("download_button")) == 1


def test_clicking_a_theme_opens_it():
    at = motives_page()
    at.session_state["theme_bars"] = {"selection": {"points": [{"customdata": ["Keeping an ally in power"]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert at.selectbox(key="theme").value == "Keeping an ally in power"


def test_another_actor_and_fakes(fakes_analysis, monkeypatch):
    at = motives_page(wanter="Turkey")
    assert not at.exception and at.markdown[0].value.startswith("**")
    monkeypatch.setenv("BRIEFING_CORPUS", str(shared_file(FAKES_CSV)))
    at = motives_page(wanter="Russia")
    assert not at.exception and at.selectbox(key="wanter").value == "Russia"


def test_the_page_opens_on_the_most_mentioned_actor_that_states_a_goal(show_text):
    show_text(
        "France met Spain in Paris. France talked to Italy about fishing. France hosted a summit on trade. "
        "France signed a deal with Spain. Germany wants a new treaty on trade and a cap on the budget."
    )
    at = motives_page()
    assert not at.exception
    options = at.selectbox(key="wanter").options
    assert options[0] == "France" and "Germany" in options  # every actor can be chosen, most mentioned first
    assert at.selectbox(key="wanter").value == "Germany"

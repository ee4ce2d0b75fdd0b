from dashboard.highlight import escape_markdown, highlight
from tests.conftest import open_page


def explorer(**params):
    return open_page("dashboard/pages/explorer.py", **params)


def matching(at) -> int:
    return int(at.metric[0].value.split(" of ")[0].replace(",", ""))


def test_explorer_lists_every_sentence_by_default():
    at = explorer()
    assert not at.exception
    total = int(at.metric[0].value.split(" of ")[1].replace(",", ""))
    assert matching(at) == total > 200


def test_filters_change_the_sentence_table():
    at = explorer()
    at.multiselect(key="actor").set_value(["Iran"]).run()
    iran = matching(at)
    assert 0 < iran < 100
    at.text_input(key="q").input("Tartus").run()
    assert 0 < matching(at) < iran or matching(at) == 0
    assert len(at.dataframe[-1].value) == matching(at)


def test_deep_link_restores_a_filter():
    at = explorer(actor=["Turkey"], kw="Russia")
    assert not at.exception
    assert at.multiselect(key="actor").value == ["Turkey"]
    assert 0 < matching(at) < 30


def test_corpus_text_is_escaped():
    payload = "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) $5 and $10 *bold*"
    escaped = escape_markdown(payload)
    assert r"\<script\>" in escaped and r"\]\(javascript" in escaped and r"\$5" in escaped and r"\*bold\*" in escaped
    marked = highlight("Russia’s bases at Tartus", [(18, 24)])
    assert marked.endswith("bases at :orange-background[Tartus]"), "the space before a highlight is kept"


def test_chosen_actors_are_highlighted_as_written():
    at = open_page("dashboard/pages/explorer.py", actor="Russia")
    shown = [m.value for m in at.markdown if "orange-background" in m.value]
    assert shown and all(":orange-background[" in text for text in shown)
    assert any(":orange-background[Moscow]" in text or ":orange-background[Kremlin]" in text for text in shown), "aliases are highlighted too"


def test_explorer_on_fakes_filters_by_source_and_pages(fakes_analysis, monkeypatch):
    from tests.conftest import FAKES_CSV, shared_file

    monkeypatch.setenv("BRIEFING_CORPUS", str(shared_file(FAKES_CSV)))
    at = explorer()
    assert not at.exception
    total = matching(at)
    assert total > 5000 and at.number_input(key="page").max > 100, "large corpora are paged"
    at.multiselect(key="source").set_value(["sana"]).run()
    sana = matching(at)
    assert 0 < sana < total
    at.multiselect(key="actor").set_value(["Russia"]).run()
    assert 0 < matching(at) < sana
    assert set(at.dataframe[-1].value["source"]) == {"sana"}


def test_a_new_filter_goes_back_to_the_first_page():
    at = explorer()
    at.number_input(key="page").set_value(8).run()
    assert at.number_input(key="page").value == 8
    at.text_input(key="kw").input("Russia").run()
    assert at.number_input(key="page").value == 1


def test_paging_sets_its_state_without_a_duplicated_default(monkeypatch):
    import logging

    from streamlit.elements.lib import policies

    monkeypatch.setattr(policies, "_shown_default_value_warning", False)  # Streamlit warns once per process
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())
    policies._LOGGER.addHandler(handler)  # Streamlit's loggers do not propagate to pytest's capture
    try:
        at = explorer()
        at.number_input(key="page").set_value(3).run()
        at.text_input(key="kw").input("Russia").run()
        at.run()
    finally:
        policies._LOGGER.removeHandler(handler)
    assert at.number_input(key="page").value == 1
    assert not [r for r in records if "created with a default value" in r], records


def test_an_undated_corpus_is_not_offered_date_order_and_the_sentence_comes_first():
    at = explorer()
    assert "newest documents first" not in at.radio(key="order").options, "the default corpus has no dates"
    assert list(at.dataframe[-1].value.columns)[0] == "text"

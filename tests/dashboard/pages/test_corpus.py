"""The Corpus page: uploads through the same readers as the CLI, and a bad upload never loses the corpus shown."""

from __future__ import annotations

import pytest

from tests.conftest import open_page
from tests.dashboard.test_safety import LIVE

SYRIA = b"Russia keeps its naval base at Tartus. Moscow backs Assad in Damascus. Turkey and Iran met in Astana in 2017."
TABLE = (
    b"headline,story,outlet,published\n"
    b"Bases,Russia keeps its naval base at Tartus and its air base at Khmeimim.,tass,2019-01-05\n"
    b"Talks,Turkey and Iran met Russia in Astana to talk about Idlib.,anadolu,2019-02-07\n"
)
DICTIONARY = b'[[actor]]\nname = "Phoenix Brigade"\ntype = "armed group"\ncolor = "#8e44ad"\naliases = ["Phoenix fighters"]\n'


def corpus_page():
    return open_page("dashboard/pages/corpus.py")


def upload(at, *files: tuple[str, bytes]):
    at.file_uploader(key="upload_files").set_value([(name, data, "application/octet-stream") for name, data in files]).run()
    at.button(key="upload_go").click().run()
    return at


def shown(at) -> str:
    return at.markdown[0].value.replace("\\", "")


def test_corpus_page_shows_the_corpus_and_its_documents():
    at = corpus_page()
    assert not at.exception and at.title[0].value == "Corpus"
    assert "Bundled corpus" in shown(at) and "1 document" in shown(at)
    assert len(at.dataframe) == 1 and "top actors" in at.dataframe[0].value.columns


def test_an_upload_becomes_the_corpus_every_page_shows():
    at = upload(corpus_page(), ("syria.txt", SYRIA), ("more.txt", b"Iran and Hezbollah fought near Aleppo in 2016."))
    assert not at.exception
    assert "syria and 1 other file" in shown(at) and "2 documents" in shown(at)
    assert at.selectbox(key="corpus_choice").options == ["Bundled corpus", "syria and 1 other file"]
    at.switch_page("dashboard/pages/actors.py").run()
    assert not at.exception and "Hezbollah" in at.selectbox(key="name").options
    at.switch_page("dashboard/pages/explorer.py").run()
    assert at.metric[0].value.endswith("of 4")


def test_switching_back_needs_no_reupload():
    at = upload(corpus_page(), ("syria.txt", SYRIA))
    at.selectbox(key="corpus_choice").set_value("Bundled corpus").run()
    assert "Bundled corpus" in shown(at)
    at.selectbox(key="corpus_choice").set_value("syria").run()
    assert "syria" in shown(at) and "1 document" in shown(at)


def test_table_columns_are_detected_and_can_be_changed():
    at = corpus_page()
    at.file_uploader(key="upload_files").set_value([("news.csv", TABLE, "text/csv")]).run()
    assert at.selectbox(key="column_text").value == "story" and at.selectbox(key="column_source").value == "outlet"
    assert at.selectbox(key="column_date").value == "published" and at.selectbox(key="column_title").value == "headline"
    at.button(key="upload_go").click().run()
    assert "2 documents" in shown(at)
    docs = at.dataframe[-1].value
    assert list(docs["source"]) == ["tass", "anadolu"] and list(docs["date"]) == ["2019-01-05", "2019-02-07"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "binary"),
        ("numbers.csv", b"a,b\n1,2\n", "no text column"),
        ("list.json", b'{"a": 1}', "not a list of documents"),
    ],
)
def test_a_bad_upload_says_why_and_keeps_the_corpus(name, data, message):
    at = upload(corpus_page(), (name, data))
    assert not at.exception
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    assert "Bundled corpus" in shown(at), "the corpus shown is kept"


def test_pasted_text_is_analysed():
    at = corpus_page()
    at.text_area(key="paste_text").input(SYRIA.decode()).run()
    at.button(key="paste_go").click().run()
    assert not at.exception and "Pasted text" in shown(at)


def test_an_actor_dictionary_is_merged_or_refused_with_its_line():
    at = corpus_page()
    at.file_uploader(key="dictionary_file").set_value([("phoenix.toml", DICTIONARY, "application/toml")]).run()
    at.button(key="dictionary_go").click().run()
    assert not at.exception and "phoenix.toml (merged with the default)" in shown(at)
    upload(at, ("w.txt", b"Phoenix fighters left Syria. Russia denied it."))
    at.switch_page("dashboard/pages/actors.py").run()
    assert {"Phoenix Brigade", "Russia"} <= set(at.selectbox(key="name").options)

    bad = b'[[actor]]\nname = "A"\naliases = ["a"]\n\n[[actor]]\nname = "B"\ntype = "planet"\n'
    at = corpus_page()
    at.file_uploader(key="dictionary_file").set_value([("bad.toml", bad, "application/toml")]).run()
    at.button(key="dictionary_go").click().run()
    errors = [e.value.replace("\\", "") for e in at.error]
    assert errors and "bad.toml, line 5" in errors[0] and "kept" in errors[0]
    assert "actor dictionary: the default" in shown(at)


def test_lexicon_packs_can_be_turned_on_and_back_to_automatic():
    at = upload(corpus_page(), ("a.txt", b"The Conservatives attacked Labour over tax."), ("b.txt", b"Labour said the Conservatives were wrong."))
    assert "Packs to apply" in [m.label for m in at.multiselect] and at.multiselect(key="packs_picked").disabled
    at.switch_page("dashboard/pages/actors.py").run()
    assert "Conservative Party" not in at.selectbox(key="name").options, "no anchor name: the UK pack is not applied"

    at.switch_page("dashboard/pages/corpus.py").run()
    at.radio(key="packs_mode").set_value("chosen").run()
    at.multiselect(key="packs_picked").set_value(["uk_politics"]).run()
    at.button(key="packs_go").click().run()
    assert not at.exception and "UK politics" in " ".join(m.value for m in at.markdown)
    at.switch_page("dashboard/pages/actors.py").run()
    assert {"Conservative Party", "Labour Party"} <= set(at.selectbox(key="name").options)

    at.switch_page("dashboard/pages/corpus.py").run()
    at.radio(key="packs_mode").set_value("automatic").run()
    at.button(key="packs_go").click().run()
    at.switch_page("dashboard/pages/actors.py").run()
    assert "Conservative Party" not in at.selectbox(key="name").options


def test_upload_names_and_contents_are_shown_as_text():
    name = "[x](javascript:alert(1)) <img src=x onerror=alert(2)>.txt"
    at = upload(corpus_page(), (name, b"Russia <script>alert(3)</script> backs Assad. [y](javascript:alert(4))"))
    assert not at.exception
    texts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.success]
    assert any("javascript" in text for text in texts), "the name is shown"
    for text in texts:
        assert not any(live.search(text) for live in LIVE), text
    at.switch_page("dashboard/pages/explorer.py").run()
    assert not at.exception
    assert not any(live.search(m.value) for m in at.markdown for live in LIVE)


def test_a_second_upload_is_shown_and_the_first_can_be_chosen_again():
    at = upload(corpus_page(), ("first.txt", SYRIA))
    at = upload(at, ("second.txt", b"Iran and Hezbollah fought near Aleppo in 2016."))
    assert not at.exception and "second" in shown(at)
    at.run()
    assert "second" in shown(at), "the selectbox does not switch back to the previous corpus"
    at.selectbox(key="corpus_choice").set_value("first").run()
    assert "first" in shown(at)


def test_a_corpus_opened_with_briefing_corpus_is_named_by_its_file(show_text):
    show_text("Freedonia and Sylvania signed a treaty. Sylvania wants a port.", name="treaty.txt")
    at = corpus_page()
    assert not at.exception
    assert "treaty.txt (opened at start)" in shown(at) and "Bundled corpus" not in shown(at)

from analysis.query.explore import match_spans
from dashboard.figures.cloud import png_bytes, word_cloud
from dashboard.summary import keyword_colours, keyword_scopes, keywords_by_group
from tests.conftest import FAKES_CSV, open_page, shared_file


def keywords_page(**params):
    return open_page("dashboard/pages/keywords.py", **params)


def test_keywords_page_shows_bars_cloud_and_sentences():
    at = keywords_page()
    assert not at.exception
    assert at.title[0].value == "Keywords"
    assert len(at.get("plotly_chart")) == 1 and len(at.get("image")) == 1
    keyword = at.selectbox(key="keyword").value
    summary = next(m.value for m in at.markdown if m.value.startswith(f"**{keyword}**"))
    assert "occurrences in" in summary and "YAKE score" in summary
    listed = [m.value for m in at.expander[0].markdown]
    assert listed and all(":orange-background[" in text for text in listed)


def test_ngram_and_how_many_come_from_the_link(default_analysis):
    at = keywords_page(ngram="1", top_keywords="10")
    assert not at.exception
    options = at.selectbox(key="keyword").options
    actors = set(default_analysis.actor_counts["actor"])  # a name folded into its actor keeps the actor's name
    assert options and all(" " not in option or option in actors for option in options)
    bars = at.get("plotly_chart")[0]
    assert bars.proto.spec.count('"orientation":"h"') >= 1


def test_choosing_a_keyword_lists_exactly_its_sentences(default_analysis):
    keywords = default_analysis.keywords
    keyword = keywords[keywords["actor"] == ""]["keyword"].iloc[2]
    at = keywords_page(keyword=keyword)
    assert at.selectbox(key="keyword").value == keyword
    label = at.expander[0].label
    expected = sum(1 for text in default_analysis.sentences["text"] if match_spans(text, keyword=keyword))
    assert f"({expected})" in label


def test_a_keyword_naming_an_actor_lists_the_actors_sentences(default_analysis):
    keywords = default_analysis.keywords
    row = keywords[keywords["actor"] != ""].iloc[2]
    at = keywords_page(keyword=row["keyword"])
    counts = default_analysis.actor_counts.set_index("actor").loc[row["actor"]]
    assert f"({counts['sentences']})" in at.expander[0].label
    assert any("the actor's mentions" in m.value for m in at.markdown)


def test_clicking_a_bar_chooses_the_keyword(default_analysis):
    keyword = default_analysis.keywords["keyword"].iloc[2]
    at = keywords_page()
    at.session_state["keyword_bars"] = {"selection": {"points": [{"customdata": [keyword, 3, 0.01, 1]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception and at.selectbox(key="keyword").value == keyword


def test_word_cloud_is_deterministic_and_coloured_by_actor(default_analysis):
    from analysis.knowledge.lexicons import load_actor_lexicon

    top = default_analysis.keywords.head(20)
    lexicon = load_actor_lexicon(packs=["syria"])
    colours = keyword_colours(top, lexicon)
    assert colours["Russia"] == lexicon.colors["Russia"]
    weights = dict(zip(top["keyword"], top["count"]))
    first, second = png_bytes(word_cloud(weights, colours, width=400, height=200)), png_bytes(word_cloud(weights, colours, width=400, height=200))
    assert first == second and first.startswith(b"\x89PNG")


def test_single_document_corpus_has_no_scope_choice(default_analysis):
    assert list(keyword_scopes(default_analysis)) == ["whole corpus"]


def test_fakes_keywords_per_source_and_document(fakes_analysis, monkeypatch):
    by_source = keywords_by_group(fakes_analysis.doc_keywords, fakes_analysis.documents, by="source")
    assert len(by_source) == fakes_analysis.documents["source"].nunique()
    by_document = keywords_by_group(fakes_analysis.doc_keywords, fakes_analysis.documents, by="doc_id")
    assert len(by_document) == len(fakes_analysis.documents)

    monkeypatch.setenv("BRIEFING_CORPUS", str(shared_file(FAKES_CSV)))
    at = keywords_page()
    assert not at.exception and len(at.tabs) == 2
    source = sorted(fakes_analysis.documents["source"].unique())[0]
    at = keywords_page(scope="one source", in_source=source)
    assert not at.exception and at.selectbox(key="in_source").value == source
    links = [link for link in at.get("page_link")]
    assert links

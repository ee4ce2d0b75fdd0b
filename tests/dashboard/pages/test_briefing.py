import re

from analysis.extract.motives import motive_sentences, motive_themes
from analysis.query.explore import sentence_table
from dashboard.brief import brief_html, brief_markdown, compose_brief
from dashboard.figures.charts import actor_bar
from dashboard.figures.event_charts import event_timeline
from tests.conftest import FAKES_CSV, open_page, shared_file


def brief_of(analysis, title="A brief"):
    motives = motive_sentences(sentence_table(analysis), analysis.mentions, "Russia")
    return compose_brief(analysis, title=title, wanter="Russia", themes=motive_themes(motives), motive_count=len(motives))


def test_html_brief_is_self_contained_with_charts_and_quotes(default_analysis):
    brief = brief_of(default_analysis, title="<script>alert(1)</script> Russia in Syria")
    page = brief_html(brief, {"actors": actor_bar(default_analysis.actor_counts), "timeline": event_timeline(default_analysis.events)}, b"\x89PNG fake")
    assert page.startswith("<!DOCTYPE html>") and page.count("plotly.js v") == 1, "Plotly's JavaScript inlined once"
    assert not re.search(r"<script[^>]+src=", page), "nothing is fetched: opens offline"
    assert page.count('class="plotly-graph-div"') == 2 and "data:image/png;base64," in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    first_quote = brief.themes[0][3][0][0]
    assert first_quote[:40].replace("'", "&#x27;").replace('"', "&quot;") in page
    assert "@page { size: A4" in page and "@media print" in page


def test_markdown_brief_has_the_numbers_and_quotes(default_analysis):
    brief = brief_of(default_analysis)
    text = brief_markdown(brief)
    russia = default_analysis.actor_counts.set_index("actor").loc["Russia"]
    assert f"| Russia | {russia['mentions']} | {russia['sentences']} |" in text
    assert "## What Russia wants" in text and text.count("> — ") >= 4
    assert "## Method" in text and "Cleaning left out" in text


def test_briefing_page_and_presentation_mode():
    at = open_page("dashboard/pages/briefing.py", brief_title="Russia in Syria: a brief")
    assert not at.exception
    assert at.title[0].value == "Russia in Syria\\: a brief"
    assert len(at.get("plotly_chart")) == 2 and len(at.get("image")) == 1 and len(at.get("download_button")) == 2
    assert at.header[0].value == "What Russia wants" and len(at.subheader) >= 4
    at.toggle(key="present").set_value(True).run()
    assert not at.exception and len(at.get("download_button")) == 0 and at.button(key="leave_present")
    at.button(key="leave_present").click().run()
    assert at.toggle(key="present").value is False and len(at.get("download_button")) == 2


def test_briefing_on_fakes(fakes_analysis, monkeypatch):
    monkeypatch.setenv("BRIEFING_CORPUS", str(shared_file(FAKES_CSV)))
    at = open_page("dashboard/pages/briefing.py")
    assert not at.exception and at.title[0].value == "804 documents"


def test_markdown_reads_as_written_and_stays_inert(default_analysis):
    from dashboard.brief import markdown_text

    text = brief_markdown(brief_of(default_analysis))
    assert "Bashar al-Assad" in text and "al\\-Assad" not in text and "\\_" not in text
    assert markdown_text("what_does_russia_want") == "what_does_russia_want"
    hostile = markdown_text("# *x* [a](javascript:alert(1)) <script> a | b http://example.invalid 1. item")
    assert hostile.startswith("\\#") and "\\[a\\]" in hostile and "\\<script\\>" in hostile and "\\|" in hostile
    assert "http://" not in hostile, "no autolink"


def test_quotes_are_whole_sentences_where_the_theme_has_them():
    import pandas as pd

    from dashboard.brief import quotes_of, whole_sentence

    assert whole_sentence("Russia keeps its naval base at Tartus on the coast.")
    assert not whole_sentence("foothold in the Russia faces the prospect of losing key bases")
    assert not whole_sentence("Russia keeps its bases in Syria, with the U.")
    assert not whole_sentence("Does Russia Want in Ukraine? including redeploying thousands of fighters out of Syria.")
    rows = pd.DataFrame(
        {"doc_id": ["what_russia_wants"] * 3, "sentence_id": [1, 2, 3], "source": "", "date": "",
         "text": ["cut off in the middle of a sentence about bases", "Russia wants a warm-water port on the Mediterranean.", "Moscow seeks leverage over Ankara and Tehran."]}
    )
    quotes = quotes_of(rows)
    assert [text for text, _ in quotes] == ["Russia wants a warm-water port on the Mediterranean.", "Moscow seeks leverage over Ankara and Tehran."]
    assert quotes[0][1] == "What russia wants · sentence 2", "a readable document name, not the file stem"


def test_the_printed_timeline_has_no_interactive_hint(default_analysis):
    texts = [a.text for a in event_timeline(default_analysis.events, interactive=False).layout.annotations]
    assert texts and not any("click" in t for t in texts)

"""End-to-end: every dashboard page in a real Chromium against `streamlit run`, deep links, a click path, bad links.

Run with ``python -m pytest tests/browser -m browser``; skips without chromium or playwright.
Screenshots: ``screenshots/<page>.png`` (and ``FAILED-<test>.png`` when a test fails).
"""

from __future__ import annotations

import math
import re

import pytest

from tests.browser.conftest import open_and_settle, screenshot, settle

pytestmark = pytest.mark.browser

# Page name (and screenshot name) -> URL path relative to the base URL.
PAGES = {"overview": "", "corpus": "corpus", "actors": "actors", "sentences": "sentences", "keywords": "keywords", "events": "events", "compare": "compare", "wants": "wants", "briefing": "briefing"}
# The h1 each page must show; None = the overview's title, which is the corpus's own title.
TITLES = {"overview": None, "corpus": "Corpus", "actors": "Actors", "sentences": "Sentence explorer", "keywords": "Keywords", "events": "Events & places", "compare": "Compare", "wants": "What does it want?", "briefing": None}
CHARTLESS = {"sentences", "corpus"}  # text and tables

EXCEPTION = '[data-testid="stException"]'
CHART_OR_IMAGE = '[data-testid="stPlotlyChart"], [data-testid="stImage"], [data-testid="stMain"] img'


@pytest.fixture(scope="session")
def overview_title(default_analysis):
    from dashboard.summary import corpus_figures

    return corpus_figures(default_analysis)["title"]


def body_text(page) -> str:
    return page.locator("body").inner_text()


def assert_healthy(page, title: str) -> None:
    """No exception box, no traceback, no 'page not found' notice, and the page's own h1."""
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()
    text = body_text(page)
    for bad in ("Traceback", "Error running app", "Page not found"):
        assert bad not in text, f"{bad!r} on the page:\n{text[:2000]}"
    headings = [h.strip() for h in page.locator('[data-testid="stMain"] h1').all_inner_texts()]
    assert headings, "no h1 on the page"
    assert headings[0] == title, f"h1 is {headings[0]!r}, expected {title!r}"


def upload(page, app_url: str, path, *, wait: bool = True) -> None:
    """Upload one file on the Corpus page and press Read and analyse; with ``wait``, until its report shows."""
    open_and_settle(page, f"{app_url}/corpus")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(str(path))
    page.get_by_text(path.name).first.wait_for()
    page.get_by_role("button", name="Read and analyse").click()
    if wait:
        page.get_by_text(re.compile(rf"{re.escape(path.stem)}: \d+ documents?")).first.wait_for(timeout=60_000)


def follow_sidebar_link(page, name: str, url_part: str, title: str) -> None:
    """Click a page in the sidebar navigation and wait until it has run."""
    page.get_by_role("link", name=name).first.click()
    page.wait_for_url(re.compile(url_part))
    settle(page)
    assert_healthy(page, title)


def multiselect_tags(page, label: str) -> list[str]:
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text=label).first
    return [t.strip() for t in box.locator('[data-testid="stMultiSelectTagsContainer"] [data-tag] [title]').all_inner_texts()]


def matching_count(page) -> tuple[int, int]:
    """The explorer's 'Matching sentences' metric, 'N of M', as (N, M)."""
    value = page.locator('[data-testid="stMetric"]').filter(has_text="Matching sentences").locator('[data-testid="stMetricValue"]')
    shown, total = re.fullmatch(r"\s*([\d,]+) of ([\d,]+)\s*", value.inner_text()).groups()
    return int(shown.replace(",", "")), int(total.replace(",", ""))


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_without_errors(page, app_url, name, request):
    title = TITLES[name] or request.getfixturevalue("overview_title")
    open_and_settle(page, f"{app_url}/{PAGES[name]}")
    assert_healthy(page, title)
    if name not in CHARTLESS:
        assert page.locator(CHART_OR_IMAGE).count() >= 1, "no chart or image on the page"
    screenshot(page, name)


def test_deep_link_filters_the_explorer_by_actor(page, app_url):
    open_and_settle(page, f"{app_url}/sentences")
    assert_healthy(page, "Sentence explorer")
    unfiltered, total = matching_count(page)
    assert unfiltered == total and multiselect_tags(page, "Actors") == []

    open_and_settle(page, f"{app_url}/sentences?actor=Turkey")
    assert_healthy(page, "Sentence explorer")
    assert multiselect_tags(page, "Actors") == ["Turkey"]
    shown, same_total = matching_count(page)
    assert same_total == total and 0 < shown < unfiltered
    screenshot(page, "sentences-turkey")


def test_choosing_an_actor_and_following_its_link_to_the_explorer(page, app_url):
    open_and_settle(page, f"{app_url}/actors")
    assert_healthy(page, "Actors")
    choice = page.locator('[data-testid="stSelectbox"]').filter(has_text="Actor").get_by_role("combobox")
    assert choice.input_value() == "Russia"
    choice.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Iran")
    page.get_by_role("option", name="Iran", exact=True).wait_for()
    page.keyboard.press("Enter")
    page.get_by_text(re.compile(r"^Sentences naming Iran \(\d+\)$")).first.wait_for()
    settle(page)
    assert_healthy(page, "Actors")
    assert choice.input_value() == "Iran"

    link = page.locator('[data-testid="stPageLink"]').filter(has_text=re.compile(r"Open the [\d,]+ sentences? in the explorer"))
    n = int(re.search(r"Open the ([\d,]+) sentence", link.inner_text()).group(1).replace(",", ""))
    screenshot(page, "actors-iran")
    link.locator("a").click()
    page.wait_for_url(re.compile(r"/sentences\?"))
    settle(page)
    assert "sentences" in page.url and "actor=Iran" in page.url, page.url
    assert_healthy(page, "Sentence explorer")
    tags, (shown, total) = multiselect_tags(page, "Actors"), matching_count(page)
    assert (tags, shown) == (["Iran"], n), f"the link opened {page.url} with actor filter {tags}, {shown} of {total} sentences"
    screenshot(page, "sentences-iran")


def test_a_keyword_link_and_an_events_link_reach_the_explorer(page, app_url):
    open_and_settle(page, f"{app_url}/keywords?keyword=naval+base")
    assert_healthy(page, "Keywords")
    link = page.locator('[data-testid="stPageLink"]').filter(has_text=re.compile(r"Open these [\d,]+ sentences? in the explorer"))
    n = int(re.search(r"Open these ([\d,]+) sentence", link.inner_text()).group(1).replace(",", ""))
    link.locator("a").click()
    page.wait_for_url(re.compile(r"/sentences\?"))
    settle(page)
    assert_healthy(page, "Sentence explorer")
    assert matching_count(page)[0] == n, page.url

    open_and_settle(page, f"{app_url}/events?where=Aleppo")
    assert_healthy(page, "Events & places")
    page.locator('[data-testid="stPageLink"]').filter(has_text="Open them in the sentence explorer").locator("a").click()
    page.wait_for_url(re.compile(r"/sentences\?"))
    settle(page)
    assert_healthy(page, "Sentence explorer")
    assert multiselect_tags(page, "Places") == ["Aleppo"]
    screenshot(page, "sentences-from-events")


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("actors?top_actors=abc&name=Nobody&zzz=1", "Actors"),
        ("sentences?year=notayear&actor=<script>alert(1)</script>", "Sentence explorer"),
    ],
    ids=["actors", "sentences"],
)
def test_malformed_links_show_the_page(page, app_url, path, title):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_and_settle(page, f"{app_url}/{path}")
    assert_healthy(page, title)
    assert dialogs == [], f"the link ran script: {dialogs}"
    assert "could not use and ignored" in body_text(page), "a notice names the ignored parameters"
    screenshot(page, f"malformed-{path.split('?')[0]}")


def test_uploading_a_file_shows_its_analysis(page, app_url, tmp_path):
    upload_file = tmp_path / "wagner_notes.txt"
    upload_file.write_text("Iran and Hezbollah fought near Aleppo in 2016. Russia bombed Idlib in 2019. Turkey objected.", encoding="utf-8")
    upload(page, app_url, upload_file)
    settle(page)
    assert_healthy(page, "Corpus")
    screenshot(page, "corpus-uploaded")
    follow_sidebar_link(page, "Actors", r"/actors", "Actors")
    assert "Hezbollah" in body_text(page) and "Sentences naming" in body_text(page)


def test_an_uploaded_corpus_on_another_topic_shows_its_own_cast(page, app_url, tmp_path):
    upload_file = tmp_path / "westminster.csv"
    rows = [
        "Tony Blair told the Commons that Labour would cut taxes. Gordon Brown agreed with the prime minister.",
        "Michael Howard said the Conservatives would win. Mr Blair dismissed the claim.",
        "The Liberal Democrats leader Charles Kennedy attacked Mr Howard. Brown defended the budget.",
        "Microsoft and Apple unveiled new software in London. Gordon Brown welcomed the investment.",
    ]
    upload_file.write_text("text\n" + "\n".join(f'"{row}"' for row in rows) + "\n", encoding="utf-8")
    upload(page, app_url, upload_file)
    settle(page)
    follow_sidebar_link(page, "Actors", r"/actors", "Actors")
    labels = " ".join(page.locator(".js-plotly-plot svg text").all_text_contents())  # the charts' axis and node labels
    for name in ("Tony Blair", "Gordon Brown", "Michael Howard", "Labour"):
        assert name in labels, name
    assert "Syrian rebels" not in labels and "Bashar al-Assad" not in body_text(page)
    screenshot(page, "actors-uploaded-other-topic")


def test_a_file_over_the_upload_limit_is_refused_and_the_corpus_kept(page, app_url, tmp_path):
    import tomllib

    from analysis.paths import PROJECT_ROOT

    limit_mb = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate((limit_mb + 1) * 1024 * 1024)  # sparse: no real disk or memory cost
    open_and_settle(page, f"{app_url}/corpus")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(str(huge))
    page.get_by_text(re.compile(r"File must be .* or smaller")).first.wait_for(timeout=30_000)
    settle(page)
    assert_healthy(page, "Corpus")
    assert "Now showing Bundled corpus" in body_text(page)
    screenshot(page, "corpus-too-large")


def test_the_html_brief_downloads_as_a_standalone_file(page, app_url, tmp_path):
    open_and_settle(page, f"{app_url}/briefing")
    assert_healthy(page, page.locator('[data-testid="stMain"] h1').first.inner_text().strip())
    quote = page.locator('[data-testid="stMain"] blockquote').first.inner_text().split("\n")[0].strip()
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Download the brief \\(HTML")).click()
    path = tmp_path / "brief.html"
    download_info.value.save_as(path)
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "plotly.js v" in html and not re.search(r"<script[^>]+src=", html)
    assert html.count('class="plotly-graph-div"') >= 1 and "data:image/png;base64," in html
    assert quote[:30].replace("'", "&#x27;") in html, "the quotes are in the file"
    brief = page.context.new_page()
    brief.goto(path.as_uri())
    brief.wait_for_selector(".plotly-graph-div .main-svg", timeout=30_000)
    screenshot(brief, "brief-html")
    brief.close()


def test_presentation_mode_hides_the_sidebar_and_controls(page, app_url):
    open_and_settle(page, f"{app_url}/briefing?present=true")
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    assert page.get_by_role("button", name="Leave presentation mode").is_visible()
    assert page.locator(".stDownloadButton").count() == 0 and page.locator(".stTextInput").first.is_hidden()
    screenshot(page, "briefing-presenting")


def test_arabic_and_russian_uploads_are_shown_right_to_left_and_as_written(page, app_url, tmp_path):
    upload_file = tmp_path / "mixed.txt"
    upload_file.write_text("روسيا تدعم الأسد في دمشق. Russia backs Assad, said Turkey. Москва поддерживает Асада.", encoding="utf-8")
    upload(page, app_url, upload_file)
    follow_sidebar_link(page, "Sentence explorer", r"/sentences", "Sentence explorer")
    arabic = page.get_by_text("روسيا تدعم الأسد في دمشق").first
    arabic.wait_for()
    paragraph = arabic.evaluate_handle("e => e.closest('p') || e")
    assert paragraph.evaluate("e => getComputedStyle(e).unicodeBidi") == "plaintext", "direction from the text itself"
    text_right = "e => { const r = document.createRange(); r.selectNodeContents(e.closest('p') || e); return r.getBoundingClientRect().right; }"
    english = page.get_by_text("Russia backs Assad, said Turkey.").first
    assert arabic.evaluate(text_right) > english.evaluate(text_right) + 200, "the Arabic sentence is aligned right"
    assert "Москва поддерживает Асада" in body_text(page)
    screenshot(page, "sentences-rtl")


@pytest.mark.parametrize("path", ["sentences?=x", "actors?top_actors=5&=x", "?=&present=false"], ids=["alone", "appended", "empty"])
def test_a_link_with_an_empty_parameter_name_shows_the_page_and_is_cleaned(page, app_url, path):
    open_and_settle(page, f"{app_url}/{path}")
    title = {"sentences": "Sentence explorer", "actors": "Actors"}.get(path.split("?")[0])
    if title is None:
        title = page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
    assert_healthy(page, title)
    assert "StreamlitValueError" not in body_text(page)
    assert "=x" not in page.url.split("?", 1)[-1].replace("top_actors", ""), f"the bad key is dropped from the URL: {page.url}"
    page.reload(wait_until="domcontentloaded")
    settle(page)
    assert_healthy(page, title)


def test_hostile_text_gives_no_live_link_and_a_safe_csv(page, app_url, tmp_path):
    upload_file = tmp_path / "hostile.txt"
    upload_file.write_text(
        'Russia said =HYPERLINK("http://example.invalid","x") was a lie. '
        "Turkey wrote to press@example.invalid and posted www.example.invalid today. "
        "+SUM(A1) and @cmd and -2+3 were written by Iran.",
        encoding="utf-8",
    )
    upload(page, app_url, upload_file)
    follow_sidebar_link(page, "Sentence explorer", r"/sentences", "Sentence explorer")
    assert "example" in body_text(page)
    links = page.locator('[data-testid="stMain"] a').evaluate_all("links => links.map((a) => a.href)")
    assert not [href for href in links if "example.invalid" in href], f"corpus text became links: {links}"
    page.get_by_role("tab", name="Table and export").click()
    settle(page)  # on a loaded CI machine a click before the rerun ends never starts the download
    with page.expect_download(timeout=90_000) as download_info:
        page.get_by_role("button", name="Download these sentences (CSV)").click()
    path = tmp_path / "sentences.csv"
    download_info.value.save_as(path)
    import csv

    cells = [cell for row in csv.reader(path.open(encoding="utf-8")) for cell in row]
    assert any(cell.startswith("'+SUM") for cell in cells), cells
    risky = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    assert not risky, f"formula-like cells written raw: {risky}"


def test_no_page_makes_the_browser_fetch_anything_from_another_host(page, app_url):
    from urllib.parse import urlparse

    own = urlparse(app_url).netloc
    elsewhere: list[str] = []
    page.on("request", lambda request: elsewhere.append(request.url) if urlparse(request.url).netloc not in (own, "") else None)
    for name, path in PAGES.items():
        open_and_settle(page, f"{app_url}/{path}")
    open_and_settle(page, f"{app_url}/actors?present=true")
    assert not [url for url in elsewhere if not url.startswith(("data:", "blob:"))], f"third-party requests: {sorted(set(elsewhere))[:10]}"


SIZES = {"laptop": (1400, 900), "projector": (1920, 1080)}
# Tick labels of every Plotly chart, per axis: its title and, per label, its box, font size and rotation.
_TICK_BOXES_JS = r"""() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((plot) =>
    [...plot.querySelectorAll('.xaxislayer-above, .yaxislayer-above')].map((layer) => ({
        chart: (plot.querySelector('.gtitle') || {}).textContent || '',
        labels: [...layer.querySelectorAll('.xtick text, .ytick text')].map((t) => {
            const r = t.getBoundingClientRect();
            const turn = /rotate\((-?[\d.]+)/.exec(t.getAttribute('transform') || '');
            return {x: r.x, y: r.y, w: r.width, h: r.height, text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize),
                    angle: turn ? Math.abs(parseFloat(turn[1])) : 0};
        }).filter((b) => b.w > 0 && b.text.trim()),
    })))"""


def _overlap(a: dict, b: dict) -> bool:
    """Whether two tick labels of one axis overlap: boxes for level text; for text turned by an angle, the gap
    between their parallel baselines (the distance between their ticks times the sine of the angle) against the type size."""
    if a["angle"] and a["angle"] == b["angle"] and 0 < a["angle"] < 90:
        dx = abs((a["x"] + a["w"]) - (b["x"] + b["w"]))  # turned labels end at their tick (text-anchor: end)
        return dx * math.sin(math.radians(a["angle"])) < 0.9 * a["size"]
    return min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"]) > 1 and min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"]) > 1


def overlapping_ticks(page) -> list[tuple[str, str, str]]:
    """(chart title, label, label) for tick labels of one axis that overlap."""
    pairs = []
    for axis in page.evaluate(_TICK_BOXES_JS):
        labels = axis["labels"]
        pairs += [(axis["chart"], a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1 :] if _overlap(a, b)]
    return pairs


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("mode", ["normal", "presenting"])
def test_every_page_in_both_modes_at_both_sizes(page, app_url, mode, size, overview_title):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    problems = []
    for name, path in PAGES.items():
        query = "?present=true" if mode == "presenting" else ""
        open_and_settle(page, f"{app_url}/{path}{query}")
        title = TITLES[name] or page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
        assert_healthy(page, title)
        heading = page.locator('[data-testid="stMain"] h1').first.bounding_box()
        if heading["y"] < 0:
            problems.append(f"{name}: the h1 starts above the page ({heading['y']:.0f} px)")
        overlaps = overlapping_ticks(page)
        if overlaps:
            problems.append(f"{name}: overlapping tick labels {overlaps[:3]}")
        if mode == "presenting":
            leave = page.get_by_role("button", name="Leave presentation mode").bounding_box()
            if not leave or leave["y"] > 80:
                problems.append(f"{name}: the way out is not at the top ({leave})")
            value = page.locator('[data-testid="stMetricValue"]')
            if value.count():
                label_px = page.locator('[data-testid="stMetricLabel"] p').first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
                value_px = value.first.locator("p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
                if value_px < 1.8 * label_px:
                    problems.append(f"{name}: metric values ({value_px}px) barely larger than labels ({label_px}px)")
            hints = [t for t in page.locator('[data-testid="stCaptionContainer"]').all_inner_texts() if t.strip().startswith("Click")]
            if [h for h in hints if page.get_by_text(h).first.is_visible()]:
                problems.append(f"{name}: interaction hints shown without their controls: {hints[:2]}")
        screenshot(page, f"{name}-{mode}-{size}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_brief_prints_on_one_page(browser, default_analysis, tmp_path, paper):
    import io

    from pypdf import PdfReader

    from analysis.extract.motives import motive_sentences, motive_themes
    from analysis.query.explore import sentence_table
    from dashboard.brief import brief_html, compose_brief
    from dashboard.figures.charts import actor_bar
    from dashboard.figures.event_charts import event_timeline

    motives = motive_sentences(sentence_table(default_analysis), default_analysis.mentions, "Russia")
    brief = compose_brief(default_analysis, title="What Russia wants in Syria", wanter="Russia", themes=motive_themes(motives), motive_count=len(motives))
    charts = {"actors": actor_bar(default_analysis.actor_counts, top=10), "timeline": event_timeline(default_analysis.events, interactive=False)}
    path = tmp_path / "brief.html"
    from dashboard.loader import keyword_cloud

    path.write_text(brief_html(brief, charts, keyword_cloud(default_analysis.keywords.head(30))), encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector(".plotly-graph-div .main-svg", timeout=30_000)
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper, prefer_css_page_size=False)))
    text = pdf.pages[0].extract_text()
    page.close()
    assert len(pdf.pages) == 1, f"the brief prints on {len(pdf.pages)} {paper} pages"
    assert "double-click" not in text and "Method" in text and "What Russia wants" in text


def test_a_highlight_adds_no_space_around_the_words(page, app_url):
    open_and_settle(page, f"{app_url}/sentences?kw=Russia")
    span = page.locator('[data-testid="stMain"] .stMarkdownColoredBackground').first
    widths = span.evaluate(
        "e => { const s = getComputedStyle(e); return [s.paddingLeft, s.marginLeft, s.paddingRight, s.marginRight].map(parseFloat); }"
    )
    assert abs(widths[0] + widths[1]) < 0.5 and abs(widths[2] + widths[3]) < 0.5, f"padding and margin (left, right): {widths}"


def test_page_down_steps_from_section_to_section_in_presentation_mode(page, app_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_and_settle(page, f"{app_url}/actors?present=true")
    main = page.locator('[data-testid="stMain"]')
    assert main.evaluate("e => getComputedStyle(e).scrollSnapType").startswith("y")
    main.click(position={"x": 5, "y": 300})
    page.keyboard.press("PageDown")
    page.wait_for_timeout(1200)
    offset = main.evaluate(
        """e => {
            const top = e.getBoundingClientRect().top;
            const starts = [...e.querySelectorAll('*')].filter((c) => getComputedStyle(c).scrollSnapAlign.includes('start'))
                .map((c) => Math.abs(c.getBoundingClientRect().top - top));
            return {scrolled: e.scrollTop, nearest: Math.min(...starts)};
        }"""
    )
    assert offset["scrolled"] > 0, "Page Down moved the page"
    assert offset["nearest"] < 4, f"the page stopped {offset['nearest']:.0f} px from a section's top"


def test_an_upload_analysis_can_be_cancelled_and_the_corpus_is_kept(page, app_url, tmp_path):
    upload_file = tmp_path / "long_notes.txt"
    upload_file.write_text(" ".join(f"Minister Anna Berg met envoy Piet Dorn in Zenda on day {i}. They talked about grain." for i in range(6000)), encoding="utf-8")
    upload(page, app_url, upload_file, wait=False)
    page.get_by_role("button", name="Cancel the analysis").click(timeout=30_000)
    page.get_by_text("The analysis was cancelled").first.wait_for(timeout=30_000)
    settle(page)
    assert_healthy(page, "Corpus")
    assert "Now showing Bundled corpus" in body_text(page)


def test_presentation_mode_hides_segmented_controls_and_scales_legends(page, app_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_and_settle(page, f"{app_url}/compare?present=true")
    assert page.locator('[data-testid="stButtonGroup"]').count() and not page.locator('[data-testid="stButtonGroup"]').first.is_visible()
    legend_px = page.locator(".js-plotly-plot .legend text").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert legend_px >= 17, f"legend type is {legend_px}px in presentation mode"

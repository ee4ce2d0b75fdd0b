"""Corpus text and link parameters are shown as text: never as HTML, never as live Markdown (links, images)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import open_page

PAGES = ["dashboard/pages/overview.py", "dashboard/pages/corpus.py", "dashboard/pages/keywords.py", "dashboard/pages/actors.py", "dashboard/pages/events.py", "dashboard/pages/motives.py", "dashboard/pages/compare.py", "dashboard/pages/briefing.py", "dashboard/pages/explorer.py"]
TITLE = "What does Russia want [click](javascript:alert(1)) <script>alert(0)</script>"
BODY = """
Russia wants bases <script>alert(1)</script> in Syria, Moscow said after the 2015 intervention.
The Kremlin <img src=x onerror=alert(2)> backs Assad in Damascus and Aleppo.
Turkey and Iran met in Astana [x](javascript:alert(3)) ![img](http://example.com/x.png) in 2017.
Russian strikes on Idlib *bold* $x^2$ `code` <b>bold</b> &amp; continued through 2019.
Russia seeks a naval base at Tartus, a <iframe src=javascript:alert(4)> port on the Mediterranean.
"""
LIVE = [
    re.compile(r"(?<!\\)<(?:script|img|iframe|b)\b", re.IGNORECASE),  # an unescaped tag
    re.compile(r"(?<!\\)\]\((?:javascript|http)"),  # a live Markdown link or image
]


@pytest.fixture
def payload_corpus(tmp_path, monkeypatch):
    path = tmp_path / "payload.txt"
    path.write_text(TITLE + "\n" + BODY, encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CORPUS", str(path))
    return path


def shown_texts(at) -> list[tuple[str, str, bool]]:
    """(element type, text, HTML allowed) for every element that renders Markdown."""
    found = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "expander"):
        for element in at.get(kind):
            text = element.label if kind == "expander" else element.value
            found.append((kind, text, bool(getattr(element.proto, "allow_html", False))))
    return found


@pytest.mark.parametrize("page", PAGES)
def test_payloads_in_the_corpus_are_shown_as_text(payload_corpus, page):
    params = {"actor": "Russia", "q": "script"} if page.endswith("explorer.py") else {"where": "Aleppo"} if page.endswith("events.py") else {}
    at = open_page(page, **params)
    assert not at.exception
    texts = shown_texts(at)
    assert texts
    for kind, text, allow_html in texts:
        assert not allow_html, (kind, text)
        for live in LIVE:
            assert not live.search(text), f"{kind} renders live markup: {text[:200]}"
    if page.endswith("explorer.py"):
        assert any(r"\<" in text and r"alert\(1\)" in text for _, text, _ in texts), "the payload is shown, escaped"


def test_link_parameters_are_shown_as_text():
    at = open_page("dashboard/pages/actors.py", evil="[x](javascript:alert(1))", name="<script>alert(1)</script>")
    assert not at.exception
    for kind, text, allow_html in shown_texts(at):
        assert not allow_html
        for live in LIVE:
            assert not live.search(text), f"{kind} renders live markup: {text[:200]}"


def test_bare_addresses_in_corpus_text_cannot_become_links():
    from dashboard.highlight import WORD_JOINER, escape_markdown

    shown = escape_markdown("see http://example.invalid, HTTPS://x.invalid, www.example.invalid and a@example.invalid")
    plain = shown.replace("\\", "")
    for pattern in (r"https?://", r"www\.", r"\w@\w"):
        assert not re.search(pattern, plain, re.IGNORECASE), f"{pattern} survives in {plain!r}"
    assert plain.replace(WORD_JOINER, "") == "see http://example.invalid, HTTPS://x.invalid, www.example.invalid and a@example.invalid"

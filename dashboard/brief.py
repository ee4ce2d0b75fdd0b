"""The one-page brief: its content from an analysis, and its exports (self-contained HTML, Markdown).

Pure functions (no Streamlit): the Briefing page shows the same content and offers these files.
Corpus text is escaped in both exports (``html.escape`` / Markdown escaping).
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from analysis import Analysis
from analysis.extract.motives import MotiveTheme
from dashboard.highlight import unlinked
from dashboard.summary import KIND_LABELS, corpus_figures, counted, source_line

QUOTES_PER_THEME = 2
THEMES_SHOWN = 5
# On the printed page: the first themes with their first quote (the screen and the Markdown have them all).
PRINTED_THEMES, PRINTED_QUOTES = 3, 1
# A quote reads as a whole sentence: it opens with a capital, a digit or an opening quote, ends with
# . ! or ? (perhaps inside a closing quote or bracket), and not on a lone initial ("… with the U.").
_WHOLE_START = re.compile(r"^[\"'“‘(]?[A-Z0-9\u00C0-\u024F]")
_WHOLE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"'”’)]?$")
QUOTE_LENGTH = (40, 320)
# Two snippets glued together show as a question or exclamation mark followed by a lower-case word
# ("…Want in Ukraine? including redeploying…").
_GLUED_INSIDE = re.compile(r"[?!]\s+[a-z]")


@dataclass
class Brief:
    """Everything a one-page brief says, as plain values."""

    title: str
    figures: dict[str, str]
    actors: pd.DataFrame  # actor, mentions, sentences
    keywords: list[str]
    wanter: str
    themes: list[tuple[str, list[str], int, list[tuple[str, str]]]]  # name, keywords, sentences, quotes (text, where)
    method: list[str] = field(default_factory=list)


def compose_brief(analysis: Analysis, *, title: str, wanter: str, themes: list[MotiveTheme], motive_count: int) -> Brief:
    """The brief of an analysis: headline figures, top actors and keywords, the wanter's themes with quotes, a method note."""
    figures = corpus_figures(analysis)
    counts = analysis.cleaning.get("counts", {})
    removed = "; ".join(f"{counted(n, KIND_LABELS.get(kind, kind).split(' (')[0])}" for kind, n in counts.items()) or "nothing"
    method = [
        f"{counted(figures['documents'], 'document')}, {counted(figures['sentences'], 'sentence')} and {figures['words']:,} words analysed.",
        "Actors are the names the lexicons list (states, international organisations, any curated pack or dictionary; "
        "with aliases, demonyms and capitals standing for governments) plus the people, organisations and groups the NER model "
        "finds, merged within the corpus (titles dropped, a surname joined to its full name, acronyms to their names); "
        "keywords are YAKE keyphrases of the analysed sentences (lower score = more relevant).",
        "Event references are sentences with an event trigger word; the timeline places them by a written year, a named event or the document date.",
        f"“What {wanter} wants”: {counted(motive_count, 'sentence')} where {wanter} is the one wanting (wants, seeks, its goals, interests or strategy, "
        "in order to…), grouped into themes labelled by their most distinctive words.",
        f"Cleaning left out before counting: {removed}.",
    ]
    quoted = [(t.name, t.keywords, len(t.sentences), quotes_of(t.sentences)) for t in themes[:THEMES_SHOWN]]
    return Brief(
        title=title.strip() or figures["title"],
        figures={"Documents": str(figures["documents"]), "Sentences": f"{figures['sentences']:,}", "Words": f"{figures['words']:,}", figures["date_label"]: figures["date_span"]},
        actors=analysis.actor_counts[["actor", "mentions", "sentences"]].head(10),
        keywords=list(analysis.keywords["keyword"].head(15)),
        wanter=wanter,
        themes=quoted,
        method=method,
    )


def whole_sentence(text: str) -> bool:
    """Whether a sentence can stand as a quote: a capital to open, a full stop to close, a readable length."""
    text = text.strip()
    return (
        QUOTE_LENGTH[0] <= len(text) <= QUOTE_LENGTH[1]
        and bool(_WHOLE_START.search(text))
        and bool(_WHOLE_END.search(text))
        and not _GLUED_INSIDE.search(text)
    )


def quotes_of(sentences: pd.DataFrame, *, limit: int = QUOTES_PER_THEME) -> list[tuple[str, str]]:
    """(text, where) of a theme's first sentences that read as whole sentences; cut snippets only when there is nothing else."""
    rows = list(sentences.itertuples())
    whole = [row for row in rows if whole_sentence(row.text)]
    return [(row.text.strip(), source_line(row)) for row in (whole or rows)[:limit]]


_MARKDOWN_INLINE = re.compile(r"([\\`*\[\]<>|])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*\d*)([#>+\-=]|(?<=\d)[.)])")
_UNDERSCORE_EDGE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def markdown_text(text: str) -> str:
    """Text for a Markdown file a person reads: only what Markdown would act on is escaped (no "al\\-Assad", no "what\\_does")."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    text = _UNDERSCORE_EDGE.sub(r"\\_", text)  # an underscore inside a word never starts emphasis
    text = unlinked(text)
    return _MARKDOWN_LINE_START.sub(r"\1\\\2", text)


def brief_markdown(brief: Brief) -> str:
    """The brief as Markdown: figures, the numbers behind the charts, themes with their quotes, the method note."""
    lines = [f"# {markdown_text(brief.title)}", ""]
    lines += [" · ".join(f"**{name}:** {markdown_text(value)}" for name, value in brief.figures.items()), "", "## Who is talked about", ""]
    lines += ["| actor | mentions | sentences |", "|---|---:|---:|"]
    lines += [f"| {markdown_text(r.actor)} | {r.mentions} | {r.sentences} |" for r in brief.actors.itertuples()]
    lines += ["", "## What is said", "", ", ".join(markdown_text(k) for k in brief.keywords), ""]
    lines += [f"## What {markdown_text(brief.wanter)} wants", ""]
    for name, keywords, count, quotes in brief.themes:
        lines += [f"### {markdown_text(name)} ({counted(count, 'sentence')})", "", f"*{markdown_text(', '.join(keywords))}*", ""]
        lines += [f"> {markdown_text(text)}  \n> — {markdown_text(where)}\n" for text, where in quotes]
    lines += ["## Method", ""] + [f"- {markdown_text(line)}" for line in brief.method]
    return "\n".join(lines) + "\n"


# The brief is a page: 700 px wide on screen too (A4's printable width at 96 dpi), so its charts are drawn
# at the width they print at and the whole brief fits one A4 (or Letter) sheet.
PAGE_WIDTH = 700
PRINT_CSS = f"""
body {{ font-family: 'Source Sans Pro', Arial, sans-serif; color: #1f2d3a; width: {PAGE_WIDTH}px; margin: 16px auto; font-size: 12px; line-height: 1.35; }}
h1 {{ font-size: 22px; margin: 0 0 4px; }} h2 {{ font-size: 14px; margin: 10px 0 4px; border-bottom: 1px solid #d5d8dc; }}
h3 {{ font-size: 12.5px; margin: 6px 0 1px; }}
.figures {{ display: flex; gap: 28px; margin: 4px 0; }} .figures div {{ font-size: 11px; color: #5b6770; }}
.figures b {{ display: block; font-size: 18px; color: #1f2d3a; }}
.row {{ display: grid; grid-template-columns: 1fr 1fr; gap: 10px; align-items: center; }}
blockquote {{ margin: 2px 0 4px 0; padding-left: 8px; border-left: 3px solid #1f3a93; }} .where {{ color: #5b6770; font-size: 10.5px; }}
.keywords {{ color: #5b6770; font-style: italic; margin: 0; }} img.cloud {{ width: 100%; }}
.method {{ font-size: 9.5px; color: #5b6770; padding-left: 16px; margin: 2px 0; }}
@page {{ size: A4; margin: 10mm; }}
@media print {{ body {{ margin: 0 auto; }} .screen-only {{ display: none; }} h2, h3, blockquote, .chart {{ break-inside: avoid; }} }}
"""
# Chart heights on the page, in pixels.
BRIEF_CHART_HEIGHTS = {"actors": 270, "timeline": 190}


def brief_figure(name: str, figure: go.Figure) -> go.Figure:
    """A chart at the brief's size: compact type and margins, no toolbar."""
    compact = go.Figure(figure)
    compact.update_layout(
        height=BRIEF_CHART_HEIGHTS.get(name, 240), font=dict(size=10.5), title_font=dict(size=12.5), margin=dict(l=6, r=24, t=34, b=24),
        legend=dict(font=dict(size=10)),
    )
    compact.update_xaxes(tickfont=dict(size=10), title_font=dict(size=10.5))
    compact.update_yaxes(tickfont=dict(size=10), title_font=dict(size=10.5))
    compact.update_annotations(font_size=10)
    return compact


def brief_html(brief: Brief, charts: dict[str, go.Figure], cloud_png: bytes | None) -> str:
    """The brief as one self-contained HTML page: Plotly's JavaScript inlined once, opens offline, prints on one A4/Letter sheet."""
    drawn = {
        name: f'<div class="chart">{brief_figure(name, figure).to_html(full_html=False, include_plotlyjs="inline" if i == 0 else False, config=dict(displaylogo=False, displayModeBar=False, staticPlot=False))}</div>'
        for i, (name, figure) in enumerate(charts.items())
    }
    cloud = f'<img class="cloud" alt="keyword cloud" src="data:image/png;base64,{base64.b64encode(cloud_png).decode()}">' if cloud_png else ""
    figures = "".join(f"<div><b>{html.escape(value)}</b>{html.escape(name)}</div>" for name, value in brief.figures.items())
    themes = "".join(_theme_html(i, theme) for i, theme in enumerate(brief.themes))
    method = "".join(f"<li>{html.escape(line)}</li>" for line in brief.method)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(brief.title)}</title><style>{PRINT_CSS}</style></head><body>"
        f"<h1>{html.escape(brief.title)}</h1><div class='figures'>{figures}</div>"
        f"<div class='row'>{drawn.get('actors', '')}<div>{cloud}</div></div>{drawn.get('timeline', '')}"
        f"<h2>What {html.escape(brief.wanter)} wants</h2>{themes or '<p>No sentence states it.</p>'}"
        f"<h2>Method</h2><ul class='method'>{method}</ul></body></html>"
    )


def _theme_html(position: int, theme: tuple[str, list[str], int, list[tuple[str, str]]]) -> str:
    """One theme: heading, its words, its quotes; beyond the printed page's share, shown on screen only."""
    name, keywords, count, quotes = theme
    screen_only = " class='screen-only'" if position >= PRINTED_THEMES else ""
    quoted = "".join(
        f"<blockquote{' class=screen-only' if i >= PRINTED_QUOTES else ''}>{html.escape(text)}<br><span class='where'>— {html.escape(where)}</span></blockquote>"
        for i, (text, where) in enumerate(quotes)
    )
    return f"<div{screen_only}><h3>{html.escape(name)} ({html.escape(counted(count, 'sentence'))})</h3><p class='keywords'>{html.escape(', '.join(keywords))}</p>{quoted}</div>"

"""The one-page brief: its content from an analysis, and its exports (self-contained HTML, Markdown).

Pure functions (no Streamlit): the Briefing page shows the same content and offers these files.
Corpus text is escaped in both exports (``html.escape`` / Markdown escaping).
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from analysis import Analysis
from analysis.motives import MotiveTheme
from dashboard.highlight import escape_markdown
from dashboard.summary import KIND_LABELS, corpus_figures, counted, source_line

QUOTES_PER_THEME = 2
THEMES_SHOWN = 5


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
    quoted = [
        (t.name, t.keywords, len(t.sentences), [(row.text, source_line(row)) for row in t.sentences.head(QUOTES_PER_THEME).itertuples()])
        for t in themes[:THEMES_SHOWN]
    ]
    return Brief(
        title=title.strip() or figures["title"],
        figures={"Documents": str(figures["documents"]), "Sentences": f"{figures['sentences']:,}", "Words": f"{figures['words']:,}", "Dates": figures["date_span"]},
        actors=analysis.actor_counts[["actor", "mentions", "sentences"]].head(10),
        keywords=list(analysis.keywords["keyword"].head(15)),
        wanter=wanter,
        themes=quoted,
        method=method,
    )


def brief_markdown(brief: Brief) -> str:
    """The brief as Markdown: figures, the numbers behind the charts, themes with their quotes, the method note."""
    lines = [f"# {escape_markdown(brief.title)}", ""]
    lines += [" · ".join(f"**{name}:** {escape_markdown(value)}" for name, value in brief.figures.items()), "", "## Who is talked about", ""]
    lines += ["| actor | mentions | sentences |", "|---|---:|---:|"]
    lines += [f"| {escape_markdown(r.actor)} | {r.mentions} | {r.sentences} |" for r in brief.actors.itertuples()]
    lines += ["", "## What is said", "", ", ".join(escape_markdown(k) for k in brief.keywords), ""]
    lines += [f"## What {escape_markdown(brief.wanter)} wants", ""]
    for name, keywords, count, quotes in brief.themes:
        lines += [f"### {escape_markdown(name)} ({counted(count, 'sentence')})", "", f"*{escape_markdown(', '.join(keywords))}*", ""]
        lines += [f"> {escape_markdown(text)}  \n> — {escape_markdown(where)}\n" for text, where in quotes]
    lines += ["## Method", ""] + [f"- {escape_markdown(line)}" for line in brief.method]
    return "\n".join(lines) + "\n"


PRINT_CSS = """
body { font-family: 'Source Sans Pro', Arial, sans-serif; color: #1f2d3a; max-width: 1100px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 30px; margin-bottom: 4px; } h2 { font-size: 20px; margin-top: 28px; border-bottom: 1px solid #d5d8dc; }
.figures { display: flex; gap: 32px; margin: 12px 0 4px; } .figures div { font-size: 14px; color: #5b6770; }
.figures b { display: block; font-size: 26px; color: #1f2d3a; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; } .wide { grid-column: 1 / -1; }
blockquote { margin: 6px 0 10px 0; padding-left: 12px; border-left: 3px solid #1f3a93; } .where { color: #5b6770; font-size: 13px; }
.keywords { color: #5b6770; font-style: italic; } img.cloud { width: 100%; max-width: 520px; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; max-width: none; } .charts { grid-template-columns: 1fr 1fr; } h2, blockquote, .chart { break-inside: avoid; } }
"""


def brief_html(brief: Brief, charts: dict[str, go.Figure], cloud_png: bytes | None) -> str:
    """The brief as one self-contained HTML file: Plotly's JavaScript inlined once, opens offline, prints on A4/Letter."""
    first = True
    blocks = []
    for name, figure in charts.items():
        blocks.append(
            f'<div class="chart{" wide" if name == "timeline" else ""}">'
            + figure.to_html(full_html=False, include_plotlyjs="inline" if first else False, config={"displaylogo": False, "responsive": True})
            + "</div>"
        )
        first = False
    cloud = f'<img class="cloud" alt="keyword cloud" src="data:image/png;base64,{base64.b64encode(cloud_png).decode()}">' if cloud_png else ""
    figures = "".join(f"<div><b>{html.escape(value)}</b>{html.escape(name)}</div>" for name, value in brief.figures.items())
    themes = "".join(
        f"<h3>{html.escape(name)} ({html.escape(counted(count, 'sentence'))})</h3><p class='keywords'>{html.escape(', '.join(keywords))}</p>"
        + "".join(f"<blockquote>{html.escape(text)}<br><span class='where'>— {html.escape(where)}</span></blockquote>" for text, where in quotes)
        for name, keywords, count, quotes in brief.themes
    )
    method = "".join(f"<li>{html.escape(line)}</li>" for line in brief.method)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(brief.title)}</title><style>{PRINT_CSS}</style></head><body>"
        f"<h1>{html.escape(brief.title)}</h1><div class='figures'>{figures}</div>"
        f"<div class='charts'>{''.join(blocks)}</div>"
        f"<h2>What is said</h2>{cloud}"
        f"<h2>What {html.escape(brief.wanter)} wants</h2>{themes or '<p>No sentence states it.</p>'}"
        f"<h2>Method</h2><ul>{method}</ul></body></html>"
    )

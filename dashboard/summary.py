"""Headline figures and report tables for pages (pandas work kept out of page layouts)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis import Analysis

KIND_LABELS = {
    "repeated_passage": "repeated passage (80+ characters seen earlier)",
    "wire_code": "wire-service code",
    "footnote_mark": "footnote mark",
    "gibberish": "gibberish run",
    "cut_word": "word cut in two, rejoined",
    "boilerplate_line": "boilerplate line kept from keywords",
}


def corpus_figures(analysis: Analysis) -> dict[str, Any]:
    """Title, counts and date span of the analysed corpus."""
    docs = analysis.documents
    dates = pd.to_datetime(docs["date"], errors="coerce").dropna()
    if len(dates):
        span, help_text = f"{dates.min():%Y-%m} – {dates.max():%Y-%m}", "Publication dates of the documents."
    else:
        years = analysis.events["year"].dropna()
        span = f"{int(years.min())} – {int(years.max())}" if len(years) else "—"
        help_text = "The documents have no dates; this is the span of years written in event references."
    counts = analysis.cleaning.get("counts", {})
    removed = ", ".join(f"{n} {KIND_LABELS.get(kind, kind)}" for kind, n in counts.items()) or "nothing removed"
    title = docs["title"].iloc[0] if len(docs) == 1 and docs["title"].iloc[0] else f"{len(docs)} documents"
    return {
        "title": title[:1].upper() + title[1:] + ("?" if title.lower().startswith(("what", "why", "how", "who")) and not title.endswith("?") else ""),
        "documents": len(docs),
        "sentences": int(docs["n_sentences"].sum()),
        "words": int(docs["n_words"].sum()),
        "date_span": span,
        "date_help": help_text,
        "removed": removed,
    }


def cleaning_tables(report: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The cleaning report as three tables: counts by kind, examples, repeated passages."""
    counts = pd.DataFrame(
        [(KIND_LABELS.get(kind, kind), n) for kind, n in report.get("counts", {}).items()], columns=["removed or merged", "count"]
    )
    examples = pd.DataFrame(
        [{"kind": KIND_LABELS.get(kind, kind), **example} for kind, items in report.get("examples", {}).items() for example in items]
    )
    repeats = pd.DataFrame(report.get("repeated_passages", []))
    return counts, examples, repeats

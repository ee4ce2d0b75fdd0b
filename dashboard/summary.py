"""Headline figures and report tables for pages (pandas work kept out of page layouts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from analysis import Analysis
from analysis.lexicons import load_event_types

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


def event_type_labels() -> dict[str, str]:
    """Event type key -> display label, in taxonomy order."""
    return {t.key: t.label for t in load_event_types()}


def explorer_options(analysis: Analysis) -> dict[str, Any]:
    """Choices for the explorer's filters: actors by mentions, places, sources, documents, year range."""
    years = analysis.events["timeline_year"].dropna()
    return {
        "actors": list(analysis.actor_counts["actor"]),
        "places": list(analysis.places["place"].value_counts().index),
        "sources": sorted(s for s in analysis.documents["source"].unique() if s),
        "documents": list(analysis.documents["doc_id"]),
        "years": (int(years.min()), int(years.max())) if len(years) else None,
    }


def page_of(frame: pd.DataFrame, page: int, size: int) -> pd.DataFrame:
    """Rows of page ``page`` (1-based) of ``size`` rows each."""
    return frame.iloc[(page - 1) * size : page * size]


def neighbours(table: pd.DataFrame, doc_id: str, sentence_id: int) -> tuple[str, str]:
    """The texts of the sentences just before and after one sentence of a document ("" at the edges)."""
    rows = table[(table["doc_id"] == doc_id) & table["sentence_id"].isin([sentence_id - 1, sentence_id + 1])]
    texts = dict(zip(rows["sentence_id"], rows["text"]))
    return texts.get(sentence_id - 1, ""), texts.get(sentence_id + 1, "")


def keyword_in_context(
    sentences: pd.DataFrame, spans_of: Callable[[str], list[tuple[int, int]]], *, width: int = 60, limit: int = 2000
) -> pd.DataFrame:
    """One row per match (``spans_of(text)`` gives them): left context, the match, right context, and where it is."""
    rows = []
    for row in sentences.itertuples():
        for start, end in spans_of(row.text):
            rows.append(
                {
                    "left": row.text[max(0, start - width) : start],
                    "match": row.text[start:end],
                    "right": row.text[end : end + width],
                    "doc_id": row.doc_id,
                    "sentence_id": row.sentence_id,
                }
            )
            if len(rows) >= limit:
                return pd.DataFrame(rows)
    return pd.DataFrame(rows, columns=["left", "match", "right", "doc_id", "sentence_id"])


def alias_breakdown(mentions: pd.DataFrame, actor: str) -> pd.DataFrame:
    """How often each surface form was counted for an actor, commonest first."""
    forms = mentions.loc[mentions["actor"] == actor, "surface"]
    return forms.value_counts().rename_axis("written as").reset_index(name="mentions")


def selected_value(event: Any, field: int = 0) -> str | None:
    """The customdata field of the first point chosen on a Plotly chart (None when nothing is chosen)."""
    points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) or hasattr(event, "get") else []
    for point in points:
        data = point.get("customdata")
        if data:
            return str(data[field])
    return None

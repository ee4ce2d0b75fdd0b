"""The sentence explorer's table and filters: every sentence with what was found in it.

``sentence_table`` joins each sentence with its document's metadata and with the actors,
event types, timeline years and places found in it; ``filter_sentences`` applies a
:class:`SentenceFilter`. Multi-valued cells are "|"-delimited ("|Russia|Syria|") so that
membership is one vectorised string test, fast enough for 100,000+ sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analysis.keywords import keyword_prefilter, keyword_spans
from analysis.pipeline import Analysis

TABLE_COLUMNS = [
    "doc_id", "sentence_id", "title", "source", "date", "start", "end", "text",
    "actors", "event_types", "years", "places",
]


@dataclass(frozen=True)
class SentenceFilter:
    """What to keep; empty fields keep everything.

    ``keyword`` matches whole words as keyword counts do (any case, possessives, plurals);
    ``text`` is a literal, case-insensitive substring.
    """

    actors: tuple[str, ...] = ()
    all_actors: bool = False
    keyword: str = ""
    event_types: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    places: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    text: str = ""


def lists(column: pd.Series, value: str) -> pd.Series:
    """Which cells of a "|"-delimited column ("|Russia|Syria|") list the value (a boolean mask)."""
    return column.str.contains(f"|{value}|", regex=False)


def sentence_table(analysis: Analysis) -> pd.DataFrame:
    """One row per sentence with document metadata and "|"-delimited actors, event types, years, places."""
    key = ["doc_id", "sentence_id"]
    table = analysis.sentences.merge(analysis.documents[["doc_id", "title", "source", "date"]], on="doc_id", how="left")
    events = analysis.events.assign(year=analysis.events["timeline_year"].astype("string"))
    for column, frame, field in (
        ("actors", analysis.mentions, "actor"),
        ("event_types", events, "event_type"),
        ("years", events.dropna(subset=["timeline_year"]), "year"),
        ("places", analysis.places, "place"),
    ):
        table = table.merge(_joined(frame, key, field, column), on=key, how="left")
        table[column] = table[column].fillna("|")
    return table[TABLE_COLUMNS]


def filter_sentences(table: pd.DataFrame, chosen: SentenceFilter) -> pd.DataFrame:
    """The rows of :func:`sentence_table` that pass every non-empty part of the filter."""
    mask = pd.Series(True, index=table.index)
    if chosen.actors:
        tests = [lists(table["actors"], a) for a in chosen.actors]
        mask &= pd.concat(tests, axis=1).all(axis=1) if chosen.all_actors else pd.concat(tests, axis=1).any(axis=1)
    for column, values in (("event_types", chosen.event_types), ("places", chosen.places)):
        if values:
            mask &= pd.concat([lists(table[column], v) for v in values], axis=1).any(axis=1)
    if chosen.doc_ids:
        mask &= table["doc_id"].isin(chosen.doc_ids)
    if chosen.sources:
        mask &= table["source"].isin(chosen.sources)
    if chosen.years:
        mask &= _any_year_in(table["years"], *chosen.years)
    # The text tests are the slow ones: they run only on the rows the other filters kept.
    if chosen.keyword.strip():
        mask &= _on_kept(table["text"], mask, lambda texts: _has_keyword(texts, chosen.keyword))
    if chosen.text.strip():
        # An escaped pattern: literal, and case-blind exactly as match_spans highlights it.
        pattern = re.escape(chosen.text.strip())
        mask &= _on_kept(table["text"], mask, lambda texts: texts.str.contains(pattern, case=False, regex=True))
    return table[mask]


def _on_kept(texts: pd.Series, mask: pd.Series, test: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``test`` applied to the texts still kept by ``mask``; False for the others."""
    kept = texts[mask]
    return test(kept).reindex(texts.index, fill_value=False) if len(kept) else mask


def event_sentences(
    table: pd.DataFrame,
    events: pd.DataFrame,
    *,
    year: int | None = None,
    month: int | None = None,
    event_type: str | None = None,
    named_event: str | None = None,
    place: str | None = None,
) -> pd.DataFrame:
    """Sentences behind the event references that match every given field, each sentence once.

    With no event field given, every sentence passes the event test (so ``place`` alone lists
    the sentences naming that place). Adds ``triggers``: the matched references' trigger words,
    "; "-joined.

    Args:
        table: The explorer table (:func:`sentence_table`).
        events: The analysis's ``events`` table.
        year, month: Where the timeline puts the reference (``timeline_year``/``timeline_month``).
        event_type: An event type key.
        named_event: A named event's name.
        place: A place name (``places`` table); the sentence must name it.
    """
    if month is not None and not 1 <= month <= 12:
        raise ValueError("month must be between 1 and 12")
    chosen = table
    if place:
        chosen = chosen[lists(chosen["places"], place)]
    criteria = {"timeline_year": year, "timeline_month": month, "event_type": event_type, "named_event": named_event}
    criteria = {column: value for column, value in criteria.items() if value is not None and value != ""}
    if not criteria:
        return chosen.assign(triggers="")
    mask = pd.Series(True, index=events.index)
    for column, value in criteria.items():
        mask &= events[column] == value
    triggers = events[mask.fillna(False)].groupby(["doc_id", "sentence_id"], sort=False)["trigger"].agg(
        lambda t: "; ".join(dict.fromkeys(t))
    )
    return chosen.merge(triggers.rename("triggers").reset_index(), on=["doc_id", "sentence_id"], how="inner")


def actor_surfaces(mentions: pd.DataFrame, actors: tuple[str, ...]) -> dict[tuple[str, int], set[str]]:
    """(doc_id, sentence_id) -> the words that named any of ``actors`` there, whitespace collapsed (for highlighting)."""
    chosen = mentions[mentions["actor"].isin(actors)]
    found: dict[tuple[str, int], set[str]] = {}
    for doc_id, sentence_id, surface in zip(chosen["doc_id"], chosen["sentence_id"], chosen["surface"]):
        found.setdefault((doc_id, int(sentence_id)), set()).add(" ".join(surface.split()))
    return found


def match_spans(text: str, *, keyword: str = "", literal: str = "") -> list[tuple[int, int]]:
    """Where a sentence matches the filter's keyword (as counted, variants included) and literal text."""
    spans = keyword_spans(text, keyword) if keyword.strip() else []
    if literal.strip():
        spans += [m.span() for m in re.finditer(re.escape(literal.strip()), text, re.IGNORECASE)]
    return sorted(spans)


def _has_keyword(texts: pd.Series, keyword: str) -> pd.Series:
    candidates = texts.str.contains(keyword_prefilter(keyword), regex=True)
    return candidates & texts.where(candidates, "").map(lambda t: bool(t) and bool(keyword_spans(t, keyword)))


def _joined(frame: pd.DataFrame, key: list[str], field: str, column: str) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=[*key, column])
    values = frame[[*key, field]].dropna().drop_duplicates()
    joined = values.groupby(key, sort=False)[field].agg(lambda v: "|" + "|".join(map(str, v)) + "|")
    return joined.rename(column).reset_index()


def _any_year_in(years: pd.Series, first: int, last: int) -> pd.Series:
    if first > last:
        raise ValueError("the first year must not be after the last")
    pattern = "|".join(rf"\|{year}\|" for year in range(first, last + 1))
    return years.str.contains(pattern, regex=True)

"""The sentence explorer's table and filters: every sentence with what was found in it.

``sentence_table`` joins each sentence with its document's metadata and with the actors,
event types, timeline years and places found in it; ``filter_sentences`` applies a
:class:`SentenceFilter`. Multi-valued cells are "|"-delimited ("|Freedonia|Sylvania|") so that
membership is one vectorised string test, fast enough for 100,000+ sentences.

The table's last column, ``words``, is a helper for the keyword filter, not for display or
export: the sentence's words as keyword counts see them (lower case, possessives dropped),
space-joined with a space at each end (" russia military bases "), so that a keyword is a
vectorised substring test instead of tokenising every sentence on every filter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.engines.pipeline import Analysis
from analysis.extract.keywords import keyword_key, keyword_spans, normal_words, plural_forms

TABLE_COLUMNS = [
    "doc_id", "sentence_id", "title", "source", "date", "start", "end", "text",
    "actors", "event_types", "years", "places", "words",
]
_YEAR = re.compile(r"-?[1-9][0-9]*|0")  # an int as str() writes it


@dataclass(frozen=True)
class SentenceFilter:
    """What to keep; empty fields keep everything.

    ``keyword`` matches whole words as keyword counts do (any case, possessives, plurals); a
    keyword that is an actor's name also keeps the sentences naming that actor in any form, as
    the keywords table counts such a keyword (:mod:`analysis.extract.keyword_names`);
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
    """Which cells of a "|"-delimited column ("|Freedonia|Sylvania|") list the value (a boolean mask)."""
    return column.str.contains(f"|{value}|", regex=False)


def sentence_table(analysis: Analysis) -> pd.DataFrame:
    """One row per sentence with document metadata, "|"-delimited actors, event types, years, places, and ``words``."""
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
    table["words"] = sentence_words(table["text"])
    return table[TABLE_COLUMNS]


def sentence_words(texts: pd.Series) -> pd.Series:
    """The ``words`` column for these sentence texts (see the module docstring)."""
    return texts.fillna("").map(_words).astype("str")


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
        mask &= _keyword_mask(table, mask, chosen.keyword) | lists(table["actors"], chosen.keyword.strip())
    if chosen.text.strip():
        # An escaped pattern: literal, and case-blind exactly as match_spans highlights it.
        pattern = re.escape(chosen.text.strip())
        mask &= _on_kept(table["text"], mask, lambda texts: texts.str.contains(pattern, case=False, regex=True))
    return table[mask]


def _on_kept(texts: pd.Series, mask: pd.Series, test: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``test`` applied to the texts still kept by ``mask``; False for the others."""
    kept = mask.to_numpy(dtype=bool, na_value=False)
    if not kept.any():
        return mask
    passed = np.zeros(len(texts), dtype=bool)
    passed[kept] = test(_one_chunk(texts[kept])).to_numpy(dtype=bool, na_value=False)
    return pd.Series(passed, index=texts.index)


def _one_chunk(texts: pd.Series) -> pd.Series:
    """The texts in one Arrow chunk if they are in several (as after ``pd.concat``): pyarrow compiles a regex per chunk."""
    arrow = texts.array.__arrow_array__() if hasattr(texts.array, "__arrow_array__") else None
    if getattr(arrow, "num_chunks", 1) < 2:
        return texts
    return pd.Series(pd.array(arrow.combine_chunks(), dtype=texts.dtype), index=texts.index, name=texts.name)


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


def _words(text: str) -> str:
    return f" {' '.join(normal_words(text))} "


def _keyword_mask(table: pd.DataFrame, mask: pd.Series, keyword: str) -> pd.Series:
    """Rows kept by ``mask`` whose sentence has the keyword where :func:`keyword_spans` finds it."""
    pattern = _keyword_pattern(keyword)
    if not pattern:
        return pd.Series(False, index=table.index)
    in_words = _contains(pattern)
    if "words" not in table:  # built without the helper column (by hand, or cached before it existed)
        return _on_kept(table["text"], mask, lambda texts: in_words(sentence_words(texts)))
    return _on_kept(table["words"], mask, in_words)


def _contains(pattern: str | re.Pattern[str]) -> Callable[[pd.Series], pd.Series]:
    return lambda texts: texts.str.contains(pattern, regex=True)


def _keyword_pattern(keyword: str) -> str:
    """A regex for ``words`` that finds the keyword's key with its last word in any form singularising to it ("" for none)."""
    *head, last = keyword_key(keyword).split() or [""]
    forms = plural_forms(last)
    # Plain literals (no classes or anchors), so pyarrow's RE2 and Python's re agree.
    return f" {''.join(re.escape(w) + ' ' for w in head)}(?:{'|'.join(map(re.escape, forms))}) " if forms else ""


def _joined(frame: pd.DataFrame, key: list[str], field: str, column: str) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=[*key, column])
    values = frame[[*key, field]].dropna().drop_duplicates()
    joined = values.groupby(key, sort=False)[field].agg(lambda v: "|" + "|".join(map(str, v)) + "|")
    return joined.rename(column).reset_index()


def _any_year_in(years: pd.Series, first: int, last: int) -> pd.Series:
    if first > last:
        raise ValueError("the first year must not be after the last")
    # Few distinct cells: test each once, in Python (a regex of every year in a long range is slow).
    codes, cells = pd.factorize(years)
    hits = [any(_YEAR.fullmatch(y) and first <= int(y) <= last for y in cell.split("|")[1:-1]) for cell in cells]
    return pd.Series(np.array([*hits, False])[codes], index=years.index)  # code -1 (a missing cell) -> False

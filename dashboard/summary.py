"""Headline figures and report tables for pages (pandas work kept out of page layouts)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis import Analysis
from analysis.extract.actors import actor_named
from analysis.extract.motives import MotiveTheme
from analysis.knowledge.lexicons import ActorLexicon, load_event_types, reporting_event_types
from analysis.query.explore import lists

KIND_LABELS = {
    "repeated_passage": "repeated passage (80+ characters seen earlier)",
    "wire_code": "wire-service code",
    "footnote_mark": "footnote mark",
    "gibberish": "gibberish run",
    "cut_word": "word cut in two, rejoined",
    "boilerplate_line": "boilerplate line kept from keywords",
}


# Above this share of document-dated references the timeline says it mostly shows publication dates.
DOCUMENT_DATED_MAJORITY = 0.5


def corpus_figures(analysis: Analysis) -> dict[str, Any]:
    """Title, counts and date span of the analysed corpus."""
    docs = analysis.documents
    dates = pd.to_datetime(docs["date"], errors="coerce").dropna()
    if len(dates):
        label, span, help_text = "Dates", f"{dates.min():%Y-%m} – {dates.max():%Y-%m}", "Publication dates of the documents."
    else:
        label, span, help_text = "Years mentioned", *_years_mentioned(charted_events(analysis.events))
    counts = analysis.cleaning.get("counts", {})
    removed = ", ".join(f"{KIND_LABELS.get(kind, kind)} × {n}" for kind, n in counts.items()) or "nothing removed"
    title = docs["title"].iloc[0] if len(docs) == 1 and docs["title"].iloc[0] else counted(len(docs), "document")
    return {
        "title": display_title(title, " ".join(analysis.sentences["text"].head(2000))),
        "documents": len(docs),
        "sentences": int(docs["n_sentences"].sum()),
        "words": int(docs["n_words"].sum()),
        "date_label": label,
        "date_span": span,
        "date_help": help_text,
        "removed": removed,
    }


def _years_mentioned(events: pd.DataFrame) -> tuple[str, str]:
    """The span of years the timeline opens on (a stray "1834" before a long gap does not set it), and its help."""
    per_year = events.dropna(subset=["timeline_year"]).groupby("timeline_year").size()
    if per_year.empty:
        return "—", "The documents have no dates, and no event reference writes a year or cites a dated named event."
    first, last = main_span(per_year, latest=newest_document_year(events))
    span = str(first) if first == last else f"{first} – {last}"
    return span, (
        "The documents have no dates. These are not publication dates: the years written in event references or "
        f"of the named events they cite, as the timeline opens on them ({int(per_year.sum()):,} references; "
        f"all of them span {int(per_year.index.min())} – {int(per_year.index.max())})."
    )


def main_span(per_year: pd.Series, *, gap: int = 10, share: float = 0.1, latest: int | None = None) -> tuple[int, int]:
    """The years the timeline opens on: all, less a few references beyond a long gap at either end.

    A stray "1834" or "by 2048" would squash the rest: the references before the last gap of more
    than ``gap`` years (or after the first such gap from the end) are left out when they are at
    most ``share`` of all. Years after ``latest`` (the newest document's) are left out too: a
    forecast, not an event.
    """
    if latest is not None and (per_year.index <= latest).any():
        per_year = per_year[per_year.index <= latest]
    years = sorted(int(y) for y in per_year.index)
    if not years:
        return 0, 0
    total = per_year.sum()
    first, last = years[0], years[-1]
    for before, after in zip(years, years[1:]):
        if after - before > gap and per_year[per_year.index <= before].sum() <= share * total:
            first = after
    for before, after in reversed(list(zip(years, years[1:]))):
        if before >= first and after - before > gap and per_year[per_year.index >= after].sum() <= share * total:
            last = before
    return first, last


def newest_document_year(events: pd.DataFrame) -> int | None:
    """The latest year events are placed at by their document's date (None for an undated corpus)."""
    dated = events.loc[events["date_basis"] == "document", "timeline_year"].dropna()
    return int(dated.max()) if len(dated) else None


def document_dated_share(events: pd.DataFrame) -> float:
    """Share of the timeline's references that have no date of their own and sit at their document's date."""
    placed = events.dropna(subset=["timeline_year"])
    return float((placed["date_basis"] == "document").mean()) if len(placed) else 0.0


def timeline_note(events: pd.DataFrame) -> str | None:
    """A warning when most of the timeline is publication dates rather than event dates; None otherwise."""
    share = document_dated_share(events)
    if share <= DOCUMENT_DATED_MAJORITY:
        return None
    return (
        f"{share:.0%} of the references on the timeline write no year and belong to no dated named event: they sit at their "
        "document's publication date, so the timeline mostly shows when the articles appeared, not when the events happened."
    )


_WORD = re.compile(r"\w[\w'’-]*")


def display_title(title: str, text: str) -> str:
    """A title fit for a slide: first letter capitalised, names capitalised as the text writes them, a question marked."""
    written = Counter(_WORD.findall(text))

    def as_written(match: re.Match[str]) -> str:
        word = match.group()
        capitalised = word[:1].upper() + word[1:]
        return capitalised if word.islower() and written[capitalised] > written[word] else word

    shown = _WORD.sub(as_written, title.strip())
    shown = shown[:1].upper() + shown[1:]
    if shown.lower().startswith(("what ", "why ", "how ", "who ", "where ", "when ", "which ")) and not shown.endswith("?"):
        shown += "?"
    return shown


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


def charted_events(events: pd.DataFrame, *, reporting: bool = False) -> pd.DataFrame:
    """The event references the charts show: without reporting verbs unless ``reporting``."""
    return events if reporting else events[~events["event_type"].isin(reporting_event_types())]


def charted_profiles(profiles: pd.DataFrame) -> pd.DataFrame:
    """Actors' event profiles (actor, event_type, references, share) without reporting verbs, shares recomputed."""
    kept = charted_events(profiles)
    return kept.assign(share=kept["references"] / kept.groupby("actor")["references"].transform("sum"))


NAMED_SOURCES = {"catalogue": "from the catalogue", "text": "found in the text"}


def named_event_table(events: pd.DataFrame) -> pd.DataFrame:
    """Named events by references, with where the name comes from, its first and its most-cited year.

    Columns: named event, references, source ("catalogue" or "text"), from (in words), first year,
    most cited year (years on the timeline; "—" where no reference is placed).
    """
    named = events[events["named_event"] != ""]
    if named.empty:
        return pd.DataFrame(columns=["named event", "references", "source", "from", "first year", "most cited year"])
    source = named["named_source"] if "named_source" in named else pd.Series("catalogue", index=named.index)
    rows = []
    for name, group in named.assign(source=source.replace("", "catalogue")).groupby("named_event", sort=False):
        years = group["timeline_year"].dropna().astype(int)
        top = years.value_counts()
        rows.append({
            "named event": name, "references": len(group), "source": group["source"].iloc[0],
            "first year": str(years.min()) if len(years) else "—",
            # Most cited: the commonest year, the earlier on a tie.
            "most cited year": str(min(top[top == top.max()].index)) if len(top) else "—",
        })
    table = pd.DataFrame(rows).sort_values(["references", "named event"], ascending=[False, True], kind="stable")
    return table.assign(**{"from": table["source"].map(NAMED_SOURCES)})[
        ["named event", "references", "source", "from", "first year", "most cited year"]
    ].reset_index(drop=True)


def event_type_labels() -> dict[str, str]:
    """Event type key -> display label, in taxonomy order."""
    return {t.key: t.label for t in load_event_types()}


def explorer_options(analysis: Analysis) -> dict[str, Any]:
    """Choices for the explorer's filters: actors by mentions, places, sources, documents, year range."""
    return {
        "actors": list(analysis.actor_counts["actor"]),
        "places": list(analysis.places["place"].value_counts().index),
        "sources": sources_of(analysis.documents),
        "documents": list(analysis.documents["doc_id"]),
        "years": year_range(analysis.events),
    }


def year_range(events: pd.DataFrame) -> tuple[int, int] | None:
    """First and last year on the events timeline (None when no reference is placed)."""
    years = events["timeline_year"].dropna()
    return (int(years.min()), int(years.max())) if len(years) else None


def sources_of(documents: pd.DataFrame) -> list[str]:
    """The documents' non-empty sources, sorted."""
    return sorted(s for s in documents["source"].unique() if s)


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
    """How often each surface form was counted for an actor, and by which rule (see ``mentions.rule``), commonest first."""
    own = mentions.loc[mentions["actor"] == actor]
    forms = own["surface"]
    # Case variants ("Army chief", "army chief") are one form, shown as most often written.
    folded = forms.str.casefold()
    shown = forms.groupby(folded).agg(lambda f: f.value_counts().index[0])
    counts = folded.value_counts()
    table = pd.DataFrame({"written as": shown.reindex(counts.index).to_numpy(), "mentions": counts.to_numpy()})
    if "rule" in own:
        rules = own.groupby(folded)["rule"].agg(lambda r: ", ".join(f"{rule} {n}" for rule, n in r.value_counts().items()))
        table["found by"] = rules.reindex(counts.index).to_numpy()
    return table


ORIGIN_LABELS = {"world": "built-in world lexicon", "dictionary": "curated dictionary", "model": "found by the NER model"}


def actor_coverage(counts: pd.DataFrame, top: int) -> dict[str, int | float]:
    """How much of all actor mentions the ``top`` charted actors hold, and how many actors only the model found."""
    total = int(counts["mentions"].sum()) if len(counts) else 0
    shown = int(counts["mentions"].head(top).sum()) if len(counts) else 0
    model = int((counts["origin"] == "model").sum()) if "origin" in counts else 0
    return {"actors": len(counts), "mentions": total, "share": shown / total if total else 0.0, "model_actors": model}


# Keywords that name no actor are drawn in greys, darkest for the most relevant.
KEYWORD_GREYS = ("#1f2d3a", "#34495e", "#4d5d6c", "#66737f")


def keyword_colours(keywords: pd.DataFrame, lexicon: ActorLexicon) -> dict[str, str]:
    """Keyword -> colour: its actor's dictionary colour when it names one, else a grey by rank."""
    colours = lexicon.colors
    result = {}
    for position, keyword in enumerate(keywords["keyword"]):
        actor = actor_named(keyword, lexicon)
        grey = KEYWORD_GREYS[min(len(KEYWORD_GREYS) - 1, position * len(KEYWORD_GREYS) // max(len(keywords), 1))]
        result[keyword] = colours.get(actor, grey) if actor else grey
    return result


def keyword_scopes(analysis: Analysis) -> dict[str, list[str]]:
    """The ways keywords can be drawn: whole corpus, and per source / per document when there are several."""
    docs = analysis.documents
    scopes = {"whole corpus": []}
    sources = sources_of(docs)
    if len(sources) > 1:
        scopes["one source"] = sources
    if len(docs) > 1:
        scopes["one document"] = list(docs["doc_id"])
    return scopes


def documents_of(analysis: Analysis, *, source: str | None = None, doc_id: str | None = None) -> tuple[str, ...] | None:
    """The doc_ids of one source or the one document chosen; None for the whole corpus."""
    if source is not None:
        return tuple(analysis.documents.loc[analysis.documents["source"] == source, "doc_id"])
    return (doc_id,) if doc_id is not None else None


def keywords_by_group(doc_keywords: pd.DataFrame, documents: pd.DataFrame, *, by: str, top: int = 8) -> pd.DataFrame:
    """One row per document (by="doc_id") or source (by="source"): its top keywords, best first."""
    merged = doc_keywords.merge(documents[["doc_id", "title", "source"]], on="doc_id")
    if by == "doc_id":
        merged = merged[merged["rank"] <= top]
        joined = merged.sort_values(["doc_id", "rank"]).groupby("doc_id", sort=False)["keyword"].agg(" · ".join)
        table = documents[["doc_id", "title", "source"]].copy()
        table["top keywords"] = table["doc_id"].map(joined).fillna("— (no keyword: empty or a duplicate)")
        return table
    if by != "source":
        raise ValueError('by must be "doc_id" or "source"')
    ranked = (
        merged[merged["source"] != ""]
        .groupby(["source", "keyword"])
        .agg(documents=("doc_id", "nunique"), count=("count", "sum"), best=("score", "min"))
        .reset_index()
        .sort_values(["source", "documents", "count", "best"], ascending=[True, False, False, True])
    )
    top_rows = ranked.groupby("source").head(top)
    return top_rows.groupby("source", sort=True)["keyword"].agg(" · ".join).reset_index(name="top keywords")


def event_choices(events: pd.DataFrame, places: pd.DataFrame) -> dict[str, list[str]]:
    """Options for the Events page's choosers: years, "YYYY-MM" months, event types, named events, places."""
    years = events["timeline_year"].dropna().astype(int)
    dated = events.dropna(subset=["timeline_year", "timeline_month"])
    months = sorted({f"{int(y)}-{int(m):02d}" for y, m in zip(dated["timeline_year"], dated["timeline_month"])})
    return {
        "year": [str(y) for y in sorted(years.unique())],
        "month": months,
        "event": list(events["event_type"].value_counts().index),
        "named": list(events.loc[events["named_event"] != "", "named_event"].value_counts().index),
        "place": list(places["place"]) if len(places) else [],
    }


@dataclass(frozen=True)
class EventQuery:
    """What the Events page's choosers ask for, parsed (None = any)."""

    year: int | None = None
    month: int | None = None
    event_type: str | None = None
    event_label: str | None = None
    named_event: str | None = None
    place: str | None = None
    conflict: str | None = None

    @property
    def empty(self) -> bool:
        """Whether nothing is chosen."""
        return not any((self.year, self.month, self.event_type, self.named_event, self.place))


def event_query(
    *, year: str | None, month: str | None, event_label: str | None, named_event: str | None, place: str | None, labels: dict[str, str]
) -> EventQuery:
    """The choosers' values ("2015", "2015-09", an event type's label, …) as one query; a month implies its year."""
    month_year, month_number = (int(part) for part in month.split("-")) if month else (None, None)
    conflict = f"{month} is not in {year}: no reference can match both." if year and month_year and int(year) != month_year else None
    keys = {label: key for key, label in labels.items()}
    return EventQuery(
        year=int(year) if year else month_year, month=month_number, event_type=keys.get(event_label, event_label) if event_label else None,
        event_label=event_label, named_event=named_event, place=place, conflict=conflict,
    )


def explorer_link_for_events(query: EventQuery, *, years_available: int) -> dict[str, str | list[str]]:
    """Sentence-explorer URL parameters that show exactly the same sentences, or {} when the explorer cannot.

    The explorer filters sentences, not single references: a year and an event type from two
    different references of one sentence would pass there but not here; months and named events
    have no explorer filter; a corpus with a single year has no year slider.
    """
    if query.month or query.named_event or (query.year and query.event_type) or (query.year and years_available < 2):
        return {}
    link: dict[str, str | list[str]] = {}
    if query.year:
        link["years"] = [str(query.year)] * 2
    if query.event_label:
        link["event"] = query.event_label
    if query.place:
        link["place"] = query.place
    return link


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 sentence", "1,204 sentences"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def document_label(doc_id: str, title: str = "") -> str:
    """A document's name for people: its title, else its id made readable ("what_russia_wants" -> "What russia wants")."""
    if isinstance(title, str) and title.strip():
        return title.strip()
    words = re.sub(r"[_\s]+", " ", str(doc_id)).strip()
    return words[:1].upper() + words[1:]


def source_line(row: Any) -> str:
    """Where a sentence comes from: the document's title, sentence number, and source and date when known."""
    parts = (document_label(row.doc_id, getattr(row, "title", "")), f"sentence {row.sentence_id}", getattr(row, "source", ""), getattr(row, "date", ""))
    return " · ".join(part for part in parts if isinstance(part, str) and part)  # NaN or empty metadata is left out


def sorted_sentences(sentences: pd.DataFrame, order: str) -> pd.DataFrame:
    """The explorer's rows in "document order", "newest documents first" or "longest first"."""
    if order == "newest documents first":
        return sentences.sort_values(["date", "doc_id", "sentence_id"], ascending=[False, True, True], kind="stable")
    if order == "longest first":
        return sentences.loc[sentences["text"].str.len().sort_values(ascending=False, kind="stable").index]
    return sentences


def actor_mentions_by(analysis: Analysis, *, by: str, actors: list[str]) -> pd.DataFrame:
    """Mentions of each actor per source (by="source") or per month of the document date (by="month").

    Columns: actor, group, mentions, sentences. Documents without the field are left out.
    """
    if by not in ("source", "month"):
        raise ValueError('by must be "source" or "month"')
    docs = analysis.documents[["doc_id", "source", "date"]].copy()
    if by == "month":
        docs["group"] = publication_months(docs)
    else:
        docs["group"] = docs["source"].where(docs["source"] != "")
    mentions = analysis.mentions[analysis.mentions["actor"].isin(actors)].merge(docs[["doc_id", "group"]], on="doc_id")
    mentions = mentions.dropna(subset=["group"])
    if mentions.empty:
        return pd.DataFrame(columns=["actor", "group", "mentions", "sentences"])
    mentions = mentions.assign(sentence=mentions["doc_id"].astype(str) + "#" + mentions["sentence_id"].astype(str))
    table = mentions.groupby(["actor", "group"]).agg(mentions=("surface", "size"), sentences=("sentence", "nunique")).reset_index()
    return table.sort_values(["group", "mentions"], ascending=[True, False], ignore_index=True)


def has_groups(analysis: Analysis, *, by: str) -> bool:
    """Whether the corpus has at least two sources (by="source") or two document months (by="month")."""
    docs = analysis.documents
    return len(sources_of(docs)) > 1 if by == "source" else publication_months(docs).nunique() > 1


def publication_months(documents: pd.DataFrame) -> pd.Series:
    """Each document's publication month as "YYYY-MM" (NaN where the date is missing or unreadable)."""
    return pd.to_datetime(documents["date"], errors="coerce").dt.strftime("%Y-%m")


def top_pairs(cooccurrence: pd.DataFrame, actors: list[str]) -> dict[tuple[str, str], int]:
    """(actor_a, actor_b) -> sentences naming both, for pairs among ``actors``, most shared first."""
    shown = cooccurrence[cooccurrence["actor_a"].isin(actors) & cooccurrence["actor_b"].isin(actors)]
    shown = shown.sort_values(["sentences", "actor_a", "actor_b"], ascending=[False, True, True])
    return {(a, b): int(n) for a, b, n in zip(shown["actor_a"], shown["actor_b"], shown["sentences"])}


def documents_table(analysis: Analysis, *, top_actors: int = 3) -> pd.DataFrame:
    """One row per document: title, source, date, length, sentences and its most mentioned actors."""
    docs = analysis.documents[["doc_id", "title", "source", "date", "n_chars", "n_sentences"]].copy()
    mentions = analysis.mentions
    if len(mentions):
        counts = mentions.groupby(["doc_id", "actor"]).size().reset_index(name="n").sort_values(["doc_id", "n", "actor"], ascending=[True, False, True])
        leading = counts.groupby("doc_id").head(top_actors).groupby("doc_id")["actor"].agg(", ".join)
        docs["top actors"] = docs["doc_id"].map(leading).fillna("")
    else:
        docs["top actors"] = ""
    return docs.rename(columns={"n_chars": "characters", "n_sentences": "sentences"})


def events_by_source(events: pd.DataFrame, documents: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Event references per event type (rows) and source (columns), with a total column."""
    joined = events.merge(documents[["doc_id", "source"]], on="doc_id")
    joined = joined[joined["source"] != ""]
    if joined.empty:
        return pd.DataFrame()
    table = pd.crosstab(joined["event_type"].map(lambda k: labels.get(k, k)), joined["source"])
    table["all sources"] = table.sum(axis=1)
    return table.sort_values("all sources", ascending=False).rename_axis("event type").reset_index()


def events_by_document(events: pd.DataFrame, documents: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """One row per document: its event references, the commonest type, and the years it refers to."""
    rows = []
    grouped = dict(tuple(events.groupby("doc_id"))) if len(events) else {}
    for doc_id, title, source in documents[["doc_id", "title", "source"]].itertuples(index=False):
        own = grouped.get(doc_id)
        if own is None:
            rows.append((doc_id, title, source, 0, "", ""))
            continue
        years = sorted({int(y) for y in own["timeline_year"].dropna()})
        commonest = own["event_type"].value_counts().index[0]
        rows.append((doc_id, title, source, len(own), labels.get(commonest, commonest), ", ".join(map(str, years))))
    return pd.DataFrame(rows, columns=["doc_id", "title", "source", "event references", "commonest type", "years"])


SPLIT_KEYS = {"sources": "source", "a field": "field", "dates": "date", "actors": "actors", "corpora": "corpus"}
SPLIT_HELP = (
    "sources: two sources; a field: two values of a metadata field of the input table (e.g. label_credible); "
    "dates: before vs from a date; actors: sentences naming actor A vs actor B; corpora: this corpus vs another of this session."
)
FIXED_DOCUMENT_COLUMNS = ("doc_id", "title", "source", "date", "n_chars", "n_sentences", "n_words")


def split_choices(documents: pd.DataFrame, table: pd.DataFrame, *, corpora: int) -> list[str]:
    """The group splits this corpus allows (sources and dates only when it has them, corpora when the session has two)."""
    allowed = {
        "sources": len(sources_of(documents)) > 1, "a field": bool(metadata_fields(documents)), "dates": date_span(table) is not None,
        "actors": True, "corpora": corpora > 1,
    }
    return [label for label, ok in allowed.items() if ok]


def metadata_fields(documents: pd.DataFrame, *, most: int = 30) -> dict[str, list[str]]:
    """Extra metadata fields of the documents with two to ``most`` distinct non-empty values -> those values."""
    fields = {}
    for column in documents.columns:
        if column in FIXED_DOCUMENT_COLUMNS:
            continue
        values = sorted(v for v in documents[column].astype(str).unique() if v.strip())
        if 2 <= len(values) <= most:
            fields[column] = values
    return fields


def split_groups(
    table: pd.DataFrame, *, by: str, a: str, b: str, field: str | None = None, documents: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, str, str]:
    """Two disjoint groups of explorer rows and their labels.

    by="source": sentences of documents from source ``a`` vs ``b``; by="field": documents whose
    metadata ``field`` is ``a`` vs ``b`` (pass ``documents``); by="date": documents dated
    before ``a`` (YYYY-MM-DD) vs on or after it (``b`` unused); by="actors": sentences naming ``a``
    but not ``b`` vs naming ``b`` but not ``a`` (sentences naming both belong to neither).
    """
    if by == "source":
        return table[table["source"] == a], table[table["source"] == b], a, b
    if by == "field":
        if field is None or documents is None or field not in documents:
            raise ValueError("a field split needs the field and the documents table")
        value = table["doc_id"].map(dict(zip(documents["doc_id"], documents[field].astype(str))))
        return table[value == a], table[value == b], f"{field} = {a}", f"{field} = {b}"
    if by == "date":
        dates = pd.to_datetime(table["date"], errors="coerce")
        cutoff = pd.Timestamp(a)
        return table[dates < cutoff], table[dates >= cutoff], f"before {a}", f"from {a}"
    if by == "actors":
        names_a, names_b = lists(table["actors"], a), lists(table["actors"], b)
        return table[names_a & ~names_b], table[names_b & ~names_a], a, b
    raise ValueError('by must be "source", "field", "date" or "actors"')


def date_span(table: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last document date in the table (None when fewer than two dates are known)."""
    dates = pd.to_datetime(table["date"], errors="coerce").dropna()
    return (dates.min(), dates.max()) if dates.nunique() > 1 else None


def motive_table(themes: list[MotiveTheme]) -> pd.DataFrame:
    """Every motive sentence once per theme it joined, with the theme and its label keywords (for export)."""
    frames = [t.sentences.assign(theme=t.name, theme_keywords=", ".join(t.keywords)) for t in themes]
    columns = ["theme", "theme_keywords", "doc_id", "sentence_id", "source", "date", "cue", "text"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def leaning_to_b(scored: pd.DataFrame) -> pd.DataFrame:
    """A log-odds table seen from group B: most B-leaning terms first, z and counts swapped."""
    flipped = scored.iloc[::-1].copy()
    flipped["z"] = -flipped["z"]
    flipped[["count_a", "count_b"]] = flipped[["count_b", "count_a"]].to_numpy()
    return flipped.reset_index(drop=True)

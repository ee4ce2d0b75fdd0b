"""Event references: trigger, type, date as written (normalised where stated), named event."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.extract.alternation import fold_case, required_literals, trie_alternation
from analysis.extract.dates import DateExpression, date_nearest, find_dates
from analysis.extract.matching import normalise_apostrophes
from analysis.knowledge.lexicons import NamedEvent, load_event_types, load_named_events

EVENT_COLUMNS = [
    "doc_id", "sentence_id", "event_type", "trigger", "trigger_start", "trigger_end", "date_text",
    "year", "month", "day", "year_end", "named_event", "timeline_year", "timeline_month", "date_basis", "actors",
]


@dataclass(frozen=True)
class EventReference:
    """One event reference in a sentence; offsets are relative to the sentence text searched."""

    event_type: str
    trigger: str
    start: int
    end: int
    date: DateExpression | None
    named_event: NamedEvent | None


@lru_cache(maxsize=1)
def _trigger_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every trigger of every type, and group name -> type key."""
    named = [(f"t{i}_{j}", trigger, t.key) for i, t in enumerate(load_event_types()) for j, trigger in enumerate(t.triggers)]
    pattern = re.compile(rf"\b(?:{trie_alternation([(name, trigger) for name, trigger, _ in named])})\b", re.IGNORECASE)
    return pattern, {name: key for name, _, key in named}


@dataclass(frozen=True)
class _NamedPatterns:
    """The named events' patterns, indexed by the strings one of which each needs (see :func:`required_literals`)."""

    alternatives: tuple[tuple[str, str], ...]  # (group name, pattern)
    events: dict[str, NamedEvent]  # group name -> named event
    by_literal: dict[str, tuple[int, ...]]  # required string -> indices of the patterns needing it
    always: tuple[int, ...]  # patterns with no required string: tried on every sentence


@lru_cache(maxsize=1)
def _named_patterns() -> _NamedPatterns:
    named = [(f"e{i}_{j}", p.removeprefix("\\b"), e) for i, e in enumerate(load_named_events()) for j, p in enumerate(e.patterns)]
    by_literal: dict[str, list[int]] = {}
    always = []
    for index, (_, pattern, _) in enumerate(named):
        literals = required_literals(pattern)
        always += [] if literals else [index]
        for literal in literals:
            by_literal.setdefault(literal, []).append(index)
    return _NamedPatterns(
        tuple((name, p) for name, p, _ in named),
        {name: event for name, _, event in named},
        {literal: tuple(indices) for literal, indices in by_literal.items()},
        tuple(always),
    )


@lru_cache(maxsize=512)
def _named_subset(indices: tuple[int, ...]) -> re.Pattern[str]:
    """One pattern for some of the named events' patterns, in their order."""
    alternatives = _named_patterns().alternatives
    return re.compile(rf"\b(?:{trie_alternation([alternatives[i] for i in indices])})", re.IGNORECASE)


def _named_matches(text: str) -> list[re.Match[str]]:
    """Named-event matches in ``text``, as one alternation of all patterns would find them.

    Only the patterns whose required strings the sentence contains are tried: the others cannot
    match anywhere in it, so leaving them out changes nothing, and most sentences need none.
    """
    named = _named_patterns()
    folded = fold_case(text)
    chosen = set(named.always)
    for literal, indices in named.by_literal.items():
        if literal in folded:
            chosen.update(indices)
    return list(_named_subset(tuple(sorted(chosen))).finditer(text)) if chosen else []


def trigger_matches(text: str) -> list[tuple[str, int, int]]:
    """(event type, start, end) of every trigger in ``text``, before any choice of one per type."""
    pattern, types = _trigger_pattern()
    return [(types[m.lastgroup], m.start(), m.end()) for m in pattern.finditer(normalise_apostrophes(text))]


def find_events(text: str) -> list[EventReference]:
    """The event references of one sentence: one per event type present, plus named events."""
    searchable = normalise_apostrophes(text)
    pattern, types = _trigger_pattern()
    triggers = list(pattern.finditer(searchable))
    names = _named_matches(searchable)
    if not triggers and not names:
        return []  # most sentences: no need to look for dates
    dates = find_dates(text)
    found: dict[str, EventReference] = {}
    for match in triggers:
        key = types[match.lastgroup]
        if not dates and f"{key}@" in found:
            continue  # without dates a type needs only its first trigger
        date = date_nearest(dates, match.start(), text)
        # One reference per type and date: "fought ... in 2006 and fought ... again in 2008" is two.
        slot = f"{key}@{date.start if date else ''}"
        if slot not in found:
            found[slot] = EventReference(key, text[match.start() : match.end()], match.start(), match.end(), date, None)
    found = _first_per_type_and_date(found)
    named_events = _named_patterns().events
    for match in names:
        named = named_events[match.lastgroup]
        overlapping = next(
            (k for k, r in found.items() if r.event_type == named.event_type and r.named_event is None and r.start < match.end() and match.start() < r.end),
            None,
        )
        if overlapping is not None:  # "the 2015 intervention": the trigger is part of the name
            current = found[overlapping]
            found[overlapping] = EventReference(current.event_type, current.trigger, current.start, current.end, current.date, named)
        elif not any(r.named_event == named for r in found.values()):
            found[f"{named.name}@{match.start()}"] = EventReference(
                named.event_type, text[match.start() : match.end()], match.start(), match.end(), date_nearest(dates, match.start(), text), named
            )
    return sorted(found.values(), key=lambda e: (e.start, e.event_type))


def _first_per_type_and_date(found: dict[str, EventReference]) -> dict[str, EventReference]:
    """Keyed by type for the first reference of each type; later dated ones keep their own keys."""
    by_type: dict[str, EventReference] = {}
    for slot, reference in found.items():
        key = reference.event_type if reference.event_type not in by_type else slot
        by_type[key] = reference
    return by_type


def timeline_date(reference: EventReference, document_date: str) -> tuple[int | None, int | None, str]:
    """Year and month to place a reference on a timeline, and where they came from.

    A year written in the sentence always wins; then the named event's date; then the
    document's own date (a report is placed when it was published); else nothing.
    """
    date = reference.date
    if date is not None and date.year is not None:
        return date.year, date.month, "text"
    if reference.named_event is not None:
        return reference.named_event.year, reference.named_event.month, "named_event"
    match = re.match(r"(\d{4})-(\d{2})", document_date or "")
    if match:
        month = date.month if date is not None and date.month is not None else int(match.group(2))
        return int(match.group(1)), month, "document"
    return None, None, ""

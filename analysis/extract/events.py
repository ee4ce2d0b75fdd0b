"""Event references: trigger, type, date as written (normalised where stated), named event."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from analysis.extract.alternation import fold_case, required_literals, trie_alternation
from analysis.extract.dates import DateExpression, date_nearest, find_dates
from analysis.extract.event_names import EventName, head_type
from analysis.extract.matching import normalise_apostrophes
from analysis.knowledge.lexicons import (
    EventType,
    NamedEvent,
    event_context_window,
    event_document_cues,
    load_event_types,
    load_named_events,
    named_event_document_anchors,
)

EVENT_COLUMNS = [
    "doc_id", "sentence_id", "event_type", "trigger", "trigger_start", "trigger_end", "date_text",
    "year", "month", "day", "year_end", "named_event", "timeline_year", "timeline_month", "date_basis", "actors", "named_source",
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
    text_name: str = ""  # an event name written in the sentence, where the catalogue has none


def reference_name(reference: EventReference) -> tuple[str, str]:
    """(named event, where its name comes from: "catalogue", "text" or "")."""
    if reference.named_event is not None:
        return reference.named_event.name, "catalogue"
    return (reference.text_name, "text") if reference.text_name else ("", "")


@dataclass(frozen=True)
class _TypeRules:
    """One event type's compiled rules (see data/event_types.toml)."""

    key: str
    rank: int  # its place in the file: the last tie-break between types
    triggers: re.Pattern[str] | None
    ambiguous: re.Pattern[str] | None
    context: re.Pattern[str] | None
    not_when: re.Pattern[str] | None
    document_wide: bool


def _either(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive whole-word pattern for any of ``patterns``; None for none."""
    if not patterns:
        return None
    return re.compile(rf"\b(?:{trie_alternation([(None, p) for p in patterns])})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _typing_rules() -> tuple[re.Pattern[str], tuple[_TypeRules, ...], int]:
    """Where any trigger may start, each type's rules, and the context window in words."""
    types = load_event_types()
    every = _either(tuple(alternative for t in types for p in t.triggers + t.ambiguous for alternative in _leading_choices(p)))
    rules = tuple(_compile_rules(t, rank) for rank, t in enumerate(types))
    return every, rules, event_context_window()


# A document-wide sense ranks after any cue in the sentence's window, more cues before fewer.
_DOCUMENT_DISTANCE = 1_000_000


@dataclass(frozen=True)
class DocumentContext:
    """What a sentence's whole document says about its events (see :func:`document_context`)."""

    senses: Mapping[str, int] = field(default_factory=dict)  # type -> its context cues in the document
    anchored: frozenset[str] = frozenset()  # named events whose anchors the document holds enough of
    year: int | None = None  # the document's publication year


def document_context(text: str, date: str = "") -> DocumentContext:
    """The document-wide senses, anchored named events and publication year of one document."""
    year = re.match(r"(\d{4})", date or "")
    return DocumentContext(document_senses(text), _anchored_events(normalise_apostrophes(text)), int(year.group(1)) if year else None)


def _anchored_events(text: str) -> frozenset[str]:
    least = named_event_document_anchors()
    counts: dict[re.Pattern[str], int] = {}  # events sharing an anchor set share its pattern: one scan each
    for anchors in _anchor_patterns().values():
        if anchors is not None and anchors not in counts:
            counts[anchors] = sum(1 for _ in anchors.finditer(text))
    return frozenset(name for name, anchors in _anchor_patterns().items() if anchors is not None and counts[anchors] >= least)


@lru_cache(maxsize=1)
def _anchor_patterns() -> dict[str, re.Pattern[str] | None]:
    """Named event's name -> one pattern for its anchors (None: it has none and fits anywhere)."""
    compiled: dict[tuple[str, ...], re.Pattern[str] | None] = {}
    for event in load_named_events():
        if event.anchors not in compiled:
            compiled[event.anchors] = _either(event.anchors)
    return {event.name: compiled[event.anchors] for event in load_named_events()}


def _fits(event: NamedEvent, text: str, written: DateExpression | None, document: DocumentContext) -> bool:
    """Whether a named event's match belongs: an anchor nearby, and no date before the event."""
    anchors = _anchor_patterns()[event.name]
    anchored = anchors is None or event.name in document.anchored or anchors.search(text) is not None
    too_early = (document.year is not None and document.year < event.year) or (
        written is not None and written.year is not None and written.year < event.year
    )
    return anchored and not too_early


def document_senses(text: str) -> dict[str, int]:
    """Type -> how many of its context cues the whole document holds, for the types it holds enough of.

    An ambiguous trigger with no cue near it still counts for such a type: "the attack" in a
    report of fighting elsewhere in the article, "the campaign" in an election story.
    """
    _, rules, _ = _typing_rules()
    searchable = normalise_apostrophes(text)
    counts = {r.key: sum(1 for _ in r.context.finditer(searchable)) for r in rules if r.document_wide and r.context is not None}
    least = event_document_cues()
    return {key: n for key, n in counts.items() if n >= least}


_PLAIN_CHOICES = re.compile(r"\(\?:((?:[\w' -]+\|)*[\w' -]+)\)(?![?*+{])")


def _leading_choices(pattern: str) -> list[str]:
    """``pattern`` split at a leading group of plain words, so the trie can share their letters.

    "(?:price|bid) wars?" becomes "price wars?" and "bid wars?": a pattern starting with a group
    is otherwise tried at every position of every sentence.
    """
    match = _PLAIN_CHOICES.match(pattern)
    if not match:
        return [pattern]
    return [choice + pattern[match.end() :] for choice in match.group(1).split("|")]


def _compile_rules(event_type: EventType, rank: int) -> _TypeRules:
    return _TypeRules(
        event_type.key, rank, _either(event_type.triggers), _either(event_type.ambiguous),
        _either(event_type.context), _either(event_type.not_when), event_type.document_wide,
    )


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


def trigger_matches(text: str, *, document: DocumentContext | None = None) -> list[tuple[str, int, int]]:
    """(event type, start, end) of every trigger in ``text`` whose sense its context supports.

    ``document`` is :func:`document_context` of the sentence's whole document, when known.
    """
    searchable = normalise_apostrophes(text)
    every, rules, window = _typing_rules()
    found: list[tuple[str, int, int]] = []
    near: _Window | None = None
    for candidate in every.finditer(searchable):
        near = near or _Window(searchable, window)
        typed = _type_in_context(searchable, candidate.start(), rules, near, document.senses if document else {})
        if typed is not None:
            found.append(typed)
    return found


def _type_in_context(text: str, start: int, rules: tuple[_TypeRules, ...], near: _Window, document: Mapping[str, int]) -> tuple[str, int, int] | None:
    """The type of the trigger starting at ``start``.

    The longest trigger wins; then a plain trigger over an ambiguous one; then, between ambiguous
    ones, the type whose context cue is nearest ("soldiers fighting" near an election poster is
    fighting), a cue anywhere in the document coming after any in the window; then the type
    listed first.
    """
    best: tuple[int, int, int, int, str] | None = None
    for rule in rules:
        for needs_context, pattern in ((0, rule.triggers), (1, rule.ambiguous)):
            match = pattern.match(text, start) if pattern is not None else None
            if match is None:
                continue
            end = match.end()
            distance = near.distance(rule.context, start, end) if needs_context else 0
            if distance is None and rule.key in document:
                distance = _DOCUMENT_DISTANCE - document[rule.key]
            if distance is not None and not _refused(rule, text, start, end, near):
                choice = (start - end, needs_context, distance, rule.rank, rule.key)
                best = choice if best is None or choice < best else best
            break  # a type's plain trigger, when it matches, decides for that type
    return None if best is None else (best[4], start, start - best[0])


def _refused(rule: _TypeRules, text: str, start: int, end: int, near: _Window) -> bool:
    """Whether a `not_when` phrase of the type contains or touches the trigger."""
    if rule.not_when is None:
        return False
    low, high = near.bounds(start, end)
    return any(m.start() <= end and start <= m.end() for m in rule.not_when.finditer(text, low, high))


class _Window:
    """The words of a sentence, to find the few around each trigger."""

    def __init__(self, text: str, words: int) -> None:
        self.text, self.words = text, words
        spans = [m.span() for m in _WORD.finditer(text)]
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Offsets from ``words`` words before the trigger to ``words`` words after it."""
        first = bisect_left(self._starts, start)  # words starting before the trigger: [0, first)
        last = bisect_right(self._ends, end)  # words ending after it: [last, ...)
        low = self._starts[max(first - self.words, 0)] if first else start
        high = self._ends[min(last + self.words, len(self._ends)) - 1] if last < len(self._ends) else end
        return low, high

    def distance(self, pattern: re.Pattern[str] | None, start: int, end: int) -> int | None:
        """How many characters separate the trigger from the nearest ``pattern`` in the window; None if none."""
        if pattern is None:
            return None
        low, high = self.bounds(start, end)
        gaps = [start - m.end() if m.end() <= start else m.start() - end for m in pattern.finditer(self.text, low, high)]
        return min((gap for gap in gaps if gap >= 0), default=None)


_WORD = re.compile(r"\S+")


def find_events(text: str, *, document: DocumentContext | None = None, written: Sequence[EventName] = ()) -> list[EventReference]:
    """The event references of one sentence: one per event type present, plus named events.

    ``document`` is :func:`document_context` of the sentence's whole document, when known;
    without it, a named event's anchors must be in the sentence itself. ``written`` are the
    event names the sentence writes (:func:`analysis.extract.event_names.find_event_names`):
    each names the reference it overlaps, or makes one typed by the trigger inside it.
    """
    document = document or DocumentContext()
    searchable = normalise_apostrophes(text)
    triggers = trigger_matches(searchable, document=document)
    names = _named_matches(searchable)
    if not triggers and not names and not written:
        return []  # most sentences: no need to look for dates
    dates = find_dates(text)
    found: dict[str, EventReference] = {}
    for key, start, end in triggers:
        if not dates and f"{key}@" in found:
            continue  # without dates a type needs only its first trigger
        date = date_nearest(dates, start, text)
        # One reference per type and date: "fought ... in 2006 and fought ... again in 2008" is two.
        slot = f"{key}@{date.start if date else ''}"
        if slot not in found:
            found[slot] = EventReference(key, text[start:end], start, end, date, None)
    found = _first_per_type_and_date(found)
    named_events = _named_patterns().events
    for match in names:
        named = named_events[match.lastgroup]
        if not _fits(named, searchable, date_nearest(dates, match.start(), text), document):
            continue
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
    _name_written_events(found, written, triggers, dates, text)
    return sorted(found.values(), key=lambda e: (e.start, e.event_type))


def _name_written_events(
    found: dict[str, EventReference], written: Sequence[EventName], triggers: list[tuple[str, int, int]], dates: list[DateExpression], text: str
) -> None:
    """Attach each written event name to the reference it overlaps, or add one typed by its trigger."""
    for name in written:
        overlapping = [k for k, r in found.items() if r.start < name.end and name.start < r.end]
        if any(found[k].named_event is not None or found[k].text_name for k in overlapping):
            continue  # the catalogue, or a longer written name, already names it
        if overlapping:
            current = found[overlapping[0]]
            found[overlapping[0]] = replace(current, text_name=name.text)
            continue
        kind = next((kind for kind, start, end in triggers if name.start <= start and end <= name.end), None) or head_type(name)
        if kind:
            found[f"{name.text}@{name.start}"] = EventReference(kind, name.text, name.start, name.end, date_nearest(dates, name.start, text), None, name.text)


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

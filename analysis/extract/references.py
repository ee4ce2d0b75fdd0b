"""Descriptions that stand for an actor the document names: "the government", "the home secretary".

News writes a state's government by description once it has set the scene: "Freedonia's economy
shrank ... The government was keen to play down the data". Such a description counts as a
mention of the document's home state, the state it names clearly more than any other, with the
rule ``reference``; where no state leads, it stays unresolved. An office written with "the"
counts for the one person the document names right after that title. Which descriptions and
offices count, and how clearly a state must lead, is data (``data/discovery.toml``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

from analysis.extract.discovery import DiscoveryRules, load_rules

REFERENCE_RULE = "reference"  # the ``mentions`` rule of a resolved description
TITLE_REACH = 40  # characters before a name that a title may take


def home_state(named: Iterable[str], *, rules: DiscoveryRules | None = None) -> str | None:
    """The state a document (or corpus) is set in, from the states it names (one item a mention), or None.

    It must be named at least ``home_state_min_mentions`` times and ``home_state_dominance`` times
    as often as the next state.
    """
    rules = rules or load_rules()
    ranked = Counter(named).most_common(2)
    if not ranked or ranked[0][1] < rules.home_state_min_mentions:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= rules.home_state_dominance * runner_up else None


def government_references(text: str, start: int, end: int, *, rules: DiscoveryRules | None = None) -> list[tuple[int, int]]:
    """The (start, end) offsets of the government descriptions in ``text[start:end]``."""
    pattern = _reference_pattern((rules or load_rules()).government_references)
    if pattern is None:
        return []
    return [(start + m.start(), start + m.end()) for m in pattern.finditer(text[start:end])]


def resolve_references(
    text: str, sentences: Sequence[tuple[int, int, int]], mentions: Sequence[tuple[str, int, int]], *,
    states: Collection[str], people: Collection[str] = (), corpus_home: str | None = None, rules: DiscoveryRules | None = None,
) -> list[tuple[int, str, int, int]]:
    """(sentence_id, actor, start, end) of one document's descriptions that refer to an actor it names.

    A government description ("the government") is its home state's; a document that names no
    state at all is set in ``corpus_home``, the corpus's own home state, if it has one. An office
    ("the home secretary") is the one person the document names right after that title ("Home
    Secretary Jo Bloggs"); with two such people it stays unresolved. ``sentences`` are
    (sentence_id, start, end); ``mentions`` the document's (actor, start, end) so far, whose spans a
    description never overlaps; ``states`` and ``people`` the actors of those types.
    """
    rules = rules or load_rules()
    named = [actor for actor, _, _ in mentions if actor in states]
    home = home_state(named, rules=rules) if named else corpus_home
    holders = title_holders(text, mentions, people, rules=rules)
    taken = [(s, e) for _, s, e in mentions]
    found = []
    for sentence_id, start, end in sentences:
        spans = [(home, s, e) for s, e in government_references(text, start, end, rules=rules)] if home else []
        spans += [(holders[title], s, e) for title, s, e in _office_references(text, start, end, holders, rules)]
        for actor, s, e in sorted(spans, key=lambda span: span[1]):
            if not any(a < e and s < b for a, b in taken):
                found.append((sentence_id, actor, s, e))
                taken.append((s, e))
    return found


def title_holders(
    text: str, mentions: Sequence[tuple[str, int, int]], people: Collection[str], *, rules: DiscoveryRules | None = None
) -> dict[str, str]:
    """Title (lower case) -> the one person a document names right after it ("Home Secretary Jo Bloggs")."""
    pattern = _title_before((rules or load_rules()).office_titles)
    held: dict[str, set[str]] = {}
    for actor, start, _ in mentions:
        if actor in people and pattern is not None and (match := pattern.search(text, max(0, start - TITLE_REACH), start)):
            held.setdefault(" ".join(match.group(1).lower().split()), set()).add(actor)
    return {title: next(iter(holders)) for title, holders in held.items() if len(holders) == 1}


def _office_references(text: str, start: int, end: int, holders: dict[str, str], rules: DiscoveryRules) -> list[tuple[str, int, int]]:
    """(title, start, end) of "the <title>" in ``text[start:end]`` for the titles a person holds here."""
    pattern = _office_pattern(rules.office_titles)
    if not holders or pattern is None:
        return []
    found = []
    for m in pattern.finditer(text, start, end):
        title = " ".join(m.group(1).lower().split())
        if title in holders:
            found.append((title, m.start(), m.end()))
    return found


@lru_cache(maxsize=4)
def _title_before(titles: tuple[str, ...]) -> re.Pattern[str] | None:
    """A title, as written before a name, at the end of the text searched."""
    if not titles:
        return None
    return re.compile(rf"(?<![\w-])({_alternatives(titles)})\.?\s+$")


@lru_cache(maxsize=4)
def _office_pattern(titles: tuple[str, ...]) -> re.Pattern[str] | None:
    """ "the <title>" in any case, not followed by "of" or a name ("the Prime Minister of ...", "the President Jo Bloggs")."""
    if not titles:
        return None
    return re.compile(rf"(?<![\w-])(?i:the\s+({_alternatives(titles)}))(?![\w-])(?!\s+(?i:of)\b)(?!\s+[A-Z])")


def _alternatives(phrases: Sequence[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=4)
def _reference_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """The descriptions as whole words, any case, not followed by "of" ("the government of Japan" names its state)."""
    if not phrases:
        return None
    return re.compile(rf"(?<![\w-])(?:{_alternatives(phrases)})(?![\w-])(?!\s+of\b)", re.IGNORECASE)

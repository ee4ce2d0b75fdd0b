"""Find whole-word surface forms (aliases) in text: longest match first, offsets kept.

Shared by actors, places and named events. Case rules: an alias is matched ignoring case
unless it is a short all-capital acronym ("US", "IS", "UN") or listed as case-sensitive.
Apostrophes ' and ’ are treated alike; a possessive 's may follow any alias.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from analysis.extract.alternation import trie_alternation

_OTHER_APOSTROPHES = ("’", "‘", "`", "ʼ")
_APOSTROPHES = str.maketrans(dict.fromkeys(_OTHER_APOSTROPHES, "'"))
_ACRONYM = re.compile(r"[A-Z][A-Z.]{0,4}")
_CAPS_WORD = re.compile(r"\b[A-Z]{4,}\b")
T = TypeVar("T")


@dataclass(frozen=True)
class Match:
    """One alias found at [start, end), naming ``key`` (None for an ignore phrase)."""

    key: str | None
    start: int
    end: int


class AliasMatcher:
    """Compiled matcher for many aliases, each mapped to a key such as an actor's name."""

    def __init__(
        self, aliases: Iterable[tuple[str, str | None]], *, case_sensitive: Iterable[str] = (), bare_possessive: bool = False
    ) -> None:
        """Compile the aliases.

        Args:
            aliases: (surface form, key) pairs; key None marks a phrase to ignore.
            case_sensitive: Aliases that must match their case exactly.
            bare_possessive: Also match a capitalised alias followed by a bare "s", the
                possessive of text stripped of apostrophes ("Sylvanias", "Fenwicks");
                the "s" is not part of the match.
        """
        forced = {normalise_apostrophes(a) for a in case_sensitive}
        exact: dict[str, str | None] = {}
        folded: dict[str, str | None] = {}
        for alias, key in aliases:
            alias = normalise_apostrophes(alias.strip())
            if not alias:
                continue
            if alias in forced or _ACRONYM.fullmatch(alias):
                exact.setdefault(alias, key)
            else:
                folded.setdefault(alias.lower(), key)
        self._exact = exact
        self._folded = folded
        self._exact_re = _compile(exact, 0, bare_possessive)
        self._folded_re = _compile(folded, re.IGNORECASE, bare_possessive)
        # The same patterns without the bare possessive, to retry a match that took a plural "s".
        self._exact_plain = _compile(exact, 0, False)
        self._folded_plain = _compile(folded, re.IGNORECASE, False)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in ``text``, leftmost-longest, ignore phrases removed."""
        normalised = normalise_apostrophes(text)
        found: list[Match] = []
        for pattern, plain, table, fold in (
            (self._exact_re, self._exact_plain, self._exact, False),
            (self._folded_re, self._folded_plain, self._folded, True),
        ):
            if pattern is not None:
                found += _scan(normalised, pattern, plain, table, fold)
        return [m for m in leftmost_longest(found) if m.key is not None]



def _scan(text: str, pattern: re.Pattern[str], plain: re.Pattern[str], table: dict[str, str | None], fold: bool) -> list[Match]:
    found = []
    position = 0
    while (m := pattern.search(text, position)) is not None:
        surface = m.group()
        if text[m.end() : m.end() + 1] == "s" and not surface[0].isupper():
            # a bare possessive "s" only after a capitalised name: retry here without it
            start = m.start()
            m = plain.match(text, start)
            if m is None:
                position = start + 1
                continue
            surface = m.group()
        position = m.end()
        if not fold and surface.isupper() and _in_capitals_run(text, m.start(), m.end()):
            continue  # "FREEDONIA WARNS US" in a headline is not the state US
        found.append(Match(table.get(surface.lower() if fold else surface), m.start(), m.end()))
    return found


def normalise_apostrophes(text: str) -> str:
    """The text with typographic apostrophes replaced by ' (same length)."""
    # translate() looks every character up in a dict; most sentences have nothing to replace.
    return text.translate(_APOSTROPHES) if any(a in text for a in _OTHER_APOSTROPHES) else text


def _compile(table: dict[str, str | None], flags: int, bare_possessive: bool) -> re.Pattern[str] | None:
    if not table:
        return None
    # Longest first, so the longest alias wins at each position; as a trie of shared beginnings,
    # so the regex engine rules most aliases out after a letter or two.
    alternatives = trie_alternation([(None, re.escape(alias)) for alias in sorted(table, key=lambda a: (-len(a), a))])
    # The possessive "s" is allowed only after a capitalised alias ("Sylvanias"), never
    # after a common word ("the regimes") or an acronym ("USs").
    possessive = "s?" if bare_possessive else ""
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?={possessive}(?!\w)(?!\.\w))", flags)


def leftmost_longest(spans: Iterable[T], bounds: Callable[[T], tuple[int, int]] = lambda m: (m.start, m.end)) -> list[T]:
    """Non-overlapping spans, leftmost first and the longest at each start; on a tie the earlier in ``spans``."""
    chosen: list[T] = []
    end = -1
    for span in sorted(spans, key=lambda s: (bounds(s)[0], bounds(s)[0] - bounds(s)[1])):
        start, stop = bounds(span)
        if start >= end:
            chosen.append(span)
            end = stop
    return chosen


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 30) : end + 30]
    return len(_CAPS_WORD.findall(window)) >= 2

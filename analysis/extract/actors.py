"""Actor mentions (with offsets), counts and sentence-level co-occurrence."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from analysis.extract.matching import normalise_apostrophes
from analysis.knowledge.lexicons import ActorLexicon

MENTION_COLUMNS = ["doc_id", "sentence_id", "actor", "surface", "start", "end", "rule"]
COUNT_COLUMNS = ["actor", "type", "color", "mentions", "sentences", "documents", "origin"]
COOCCURRENCE_COLUMNS = ["actor_a", "actor_b", "sentences"]


# A place-name metonym ("Marsovia") names the place, not the government, after these words
# or before these nouns: "fled Marsovia", "near Marsovia", "the Marsovia countryside".
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|into|near|to|from|at|around|outside|toward|towards|across|entered|entering|fled|reached|"
    r"captured|seized|took|fall of|outskirts of|south of|north of|east of|west of|city of|streets of|visited|visiting|visit|"
    r"declared|shelled|bombed|struck|besieged|surrounded|left|leaving|(?:provinces?|cities|towns|areas) of \S+ and)|the) $",
    re.IGNORECASE,
)
_PLACE_NOUN_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:countryside|province|governorate|suburbs?|airport|city|shrine|outskirts|region|conference|"
    r"summit|university|street|neighbou?rhoods?|district|residents)\b",
    re.IGNORECASE,
)
_DATELINE_AFTER = re.compile(r"^(?:,| \(| —| -)")
# A name followed by an organisation noun is part of that organisation's name:
# "Freedonian Academy of Sciences", "Sylvania Live Network", "Sylvania Now".
_ORGANISATION_AFTER = re.compile(
    r"^(?: [A-Z][a-z]+){0,2} (?:Academy|Institute|Council|Network|News|Now|Today|Agency|University|Cent(?:er|re)|Foundation|"
    r"Society|Times|Post|Press|Television|TV|Radio|Media|Airlines|Museum|Observatory|Review|Journal|Herald|Tribune)\b"
)


def find_mentions(text: str, start: int, end: int, lexicon: ActorLexicon) -> list[tuple[str, int, int]]:
    """(actor, start, end) of every actor mention in text[start:end], offsets into ``text``."""
    return [(actor, s, e) for actor, s, e, _ in find_ruled_mentions(text, start, end, lexicon)]


def find_ruled_mentions(text: str, start: int, end: int, lexicon: ActorLexicon) -> list[tuple[str, int, int, str]]:
    """(actor, start, end, rule) of every actor mention in text[start:end]; rule: which lexicon layer or alias kind found it."""
    segment = text[start:end]
    metonyms, guards, rules = lexicon.metonyms, lexicon.guard_for, lexicon.rules
    found = []
    for m in lexicon.matcher.find(segment):
        surface = segment[m.start : m.end]
        folded = surface.lower()
        if _is_dateline(segment, m.start, m.end, surface):
            continue
        if folded in metonyms and _names_the_place(segment, m.start, m.end):
            continue
        if surface[:1].isupper() and _ORGANISATION_AFTER.match(segment[m.end : m.end + 40]):
            continue
        guard = guards.get(folded)
        if guard is not None and guard.blocks(segment[max(0, m.start - 30) : m.start], segment[m.end : m.end + 30]):
            continue
        found.append((m.key, start + m.start, start + m.end, rules.get(normalise_apostrophes(folded), "dictionary")))
    return found


def actor_named(phrase: str, lexicon: ActorLexicon) -> str | None:
    """The first actor a short phrase (e.g. a keyword) names, or None."""
    found = find_mentions(phrase, 0, len(phrase), lexicon)
    return found[0][0] if found else None


def _is_dateline(segment: str, start: int, end: int, surface: str) -> bool:
    """'ZENDA (AP) —' or 'MARSOVIA, Sylvania —' at the head of a sentence: a place, not an actor."""
    return surface.isupper() and len(surface) > 3 and start <= 2 and bool(_DATELINE_AFTER.match(segment[end : end + 3]))


def _names_the_place(segment: str, start: int, end: int) -> bool:
    return bool(_LOCATIVE_BEFORE.search(segment[max(0, start - 20) : start]) or _PLACE_NOUN_AFTER.match(segment[end : end + 20]))


def actor_counts(mentions: pd.DataFrame, lexicon: ActorLexicon) -> pd.DataFrame:
    """Per actor: mentions, distinct sentences and documents, with type and colour; most mentioned first."""
    if mentions.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    grouped = mentions.groupby("actor")
    counts = pd.DataFrame(
        {
            "mentions": grouped.size(),
            "sentences": mentions.drop_duplicates(["actor", "doc_id", "sentence_id"]).groupby("actor").size(),
            "documents": grouped["doc_id"].nunique(),
        }
    ).reset_index()
    _describe(counts, lexicon)
    counts = counts.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable")
    return counts[COUNT_COLUMNS].reset_index(drop=True)


def _describe(counts: pd.DataFrame, lexicon: ActorLexicon) -> None:
    """Add each actor's type, colour and origin from the lexicon (in place)."""
    for column, values in (("type", lexicon.types), ("color", lexicon.colors), ("origin", lexicon.origins)):
        counts[column] = counts["actor"].map(values)


def merge_actor_counts(parts: Sequence[pd.DataFrame], lexicon: ActorLexicon) -> pd.DataFrame:
    """:func:`actor_counts` of a corpus from the counts of parts that share no document."""
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    summed = pd.concat(parts).groupby("actor")[["mentions", "sentences", "documents"]].sum().reset_index()
    _describe(summed, lexicon)
    summed = summed.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable")
    return summed[COUNT_COLUMNS].reset_index(drop=True)


def merge_cooccurrence(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """:func:`cooccurrence` of a corpus from that of parts that share no document."""
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    frame = pd.concat(parts).groupby(["actor_a", "actor_b"])["sentences"].sum().reset_index()
    return frame.sort_values(["sentences", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable").reset_index(drop=True)[COOCCURRENCE_COLUMNS]


def cooccurrence(mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors named in the same sentence, with how many sentences (actor_a < actor_b)."""
    if mentions.empty:
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    named = mentions[["doc_id", "sentence_id", "actor"]].drop_duplicates()
    pairs = named.merge(named, on=["doc_id", "sentence_id"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_a"] < pairs["actor_b"]]
    frame = pairs.groupby(["actor_a", "actor_b"]).size().rename("sentences").reset_index()
    return frame.sort_values(["sentences", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable").reset_index(drop=True)

"""What an actor wants: the sentences that state its goals, grouped into themes.

A motive sentence has a cue from data/motive_cues.toml about the actor as the one wanting (see
that file for the kinds of cue). For a wanting verb the one wanting is the verb's subject in the
dependency parse (:mod:`analysis.extract.syntax`), word order deciding only where the parse cannot.
Curated themes come from data/motive_themes.toml; sentences none of them takes are grouped by the
distinctive terms of what they want (:mod:`analysis.extract.goal_themes`). Each theme is labelled
by the keywords that set its sentences apart from the actor's other motive sentences.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.extract.discovery import load_rules
from analysis.extract.goal_themes import term_clusters
from analysis.extract.syntax import subject_spans
from analysis.knowledge.lexicons import read_toml
from analysis.paths import DATA_DIR
from analysis.query.compare import distinctive_terms
from analysis.query.explore import lists

MOTIVE_COLUMNS = ["doc_id", "sentence_id", "text", "source", "date", "cue", "cue_start", "cue_end"]
OTHER_THEME = "Other stated goals"
# How far before a verb cue the wanting actor may stand, and what may not lie between them.
MAX_GAP = 90
_CLAUSE_BREAK = re.compile(r"[;:?!]|\b(?:but|while|whereas|although|though|however)\b|—", re.IGNORECASE)
_JOINER = re.compile(r"^\s*,?\s*(?:and|&|as well as|nor)\s*$", re.IGNORECASE)
_RELATIVE = re.compile(r",\s*(?:which|who|whose|that|whom)\b[^,;]*,", re.IGNORECASE)
_NEGATED = re.compile(r"\bnot\s+$", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
# A demonym owns a goal without 's ("Freedonian strategy", "Fenwickian interests").
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|an|ish|ese|i)$")
# "X's goal", "X's strategic interests"; "Freedonian strategy" (a demonym, see _DEMONYM); "the aim of X".
_OWNER_GAP = re.compile(r"^['’]s?\s+(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
_DEMONYM_GAP = re.compile(r"^\s+(?:[a-z-]+\s+){0,1}$", re.IGNORECASE)
_OF_GAP = re.compile(r"^\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "the rationale for X", "X's motives for": "for" links a reason to its owner, not a plan to its target.
_FOR_GAP = re.compile(r"^\s+for\s+(?:the\s+)?$", re.IGNORECASE)
_REASON_NOUNS = frozenset({"rationale", "motive", "motives", "motivation", "motivations", "reason", "reasons", "priority", "priorities"})
_TO_GAP = re.compile(r"^\s+(?:to|for)\s+(?:the\s+)?$", re.IGNORECASE)
_APPOSITIVE_GAP = re.compile(r"\s*[,–—-]\s*")
_FRAME = re.compile(r"^\s*(?:for|to)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Theme:
    """A kind of motive and the terms that mark it."""

    name: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    data = _cue_file()
    return {kind: _alternatives(data[kind]) for kind in ("verbs", "nouns", "appositive", "purpose", "infinitives", "matters", "framing")}


@lru_cache(maxsize=1)
def load_themes() -> tuple[Theme, ...]:
    """The motive themes of data/motive_themes.toml, in file order."""
    data = _themes_file()
    return tuple(Theme(entry["name"], _alternatives(entry["terms"])) for entry in data["theme"])


@lru_cache(maxsize=1)
def _themes_file() -> dict:
    return read_toml(DATA_DIR / "motive_themes.toml")


def themes_for(packs: Collection[str]) -> tuple[Theme, ...]:
    """The curated themes that fit a corpus with these lexicon packs applied (none where no listed pack applies)."""
    listed = _themes_file().get("packs")
    return load_themes() if listed is None or set(listed) & set(packs) else ()


@lru_cache(maxsize=1)
def _cue_file() -> dict:
    return read_toml(DATA_DIR / "motive_cues.toml")


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """The nouns whose name words stand for the one wanting ("Zendan forces want…"): data/motive_cues.toml's [bodies]."""
    return frozenset(word.lower() for word in _cue_file().get("bodies", []))


@lru_cache(maxsize=1)
def _theme_stopwords() -> re.Pattern[str]:
    """Words that never found a theme: the cue words themselves, reporting and calendar words, and the words
    of the descriptions that stand for an actor ("the government", data/discovery.toml): who wants, not what."""
    data = _cue_file()
    words = [w for kind in ("verbs", "nouns", "appositive", "purpose", "infinitives", "theme_stopwords") for w in data.get(kind, [])]
    words += [re.escape(w) for phrase in load_rules().government_references for w in phrase.lower().split()[1:]]
    return re.compile("(?:" + "|".join(f"(?:{w})" for w in words) + ")", re.IGNORECASE)


def _alternatives(patterns: list[str]) -> re.Pattern[str]:
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(f"(?:{p})" for p in ordered) + r")(?![\w'’-])", re.IGNORECASE)


def actor_spans(text: str, surfaces: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, actor) of every surface form found in the text (longest first, no overlaps)."""
    found: list[tuple[int, int, str]] = []
    for surface in sorted(surfaces, key=len, reverse=True):
        for match in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text):
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), surfaces[surface]))
    return sorted(found)


def wanting_cue(text: str, actor: str, spans: list[tuple[int, int, str]]) -> tuple[str, int, int] | None:
    """The first cue in the sentence that states what ``actor`` wants (as the one wanting), or None."""
    own = [(s, e) for s, e, a in spans if a == actor]
    if not own:
        return None
    cues = _cues()
    tests = {
        "nouns": lambda m: _owns(text, m, own),
        "verbs": lambda m: _is_subject(text, m, actor, spans, own, verb=True),
        "appositive": lambda m: any(_APPOSITIVE_GAP.fullmatch(text[end : m.start()]) for _, end in own),
        "purpose": lambda m: _clause_subject(text, m.start(), spans) == actor,
        "infinitives": lambda m: _is_subject(text, m, actor, spans, own, verb=False),
        "matters": lambda m: any(start >= m.end() and _TO_GAP.match(text[m.end() : start]) for start, _ in own),
        "framing": lambda m: _framed_by(text, own, m),
    }
    for kind, test in tests.items():
        for match in cues[kind].finditer(text):
            if test(match):
                return match.group(), match.start(), match.end()
    return None


def _is_subject(text: str, cue: re.Match[str], actor: str, spans: list[tuple[int, int, str]], own: list[tuple[int, int]], *, verb: bool) -> bool:
    """Whether ``actor`` is the subject of the wanting verb: by the parse, or by word order where the parse has no verdict."""
    subject = subject_spans(text, cue.start(), cue.end(), verb=verb, bodies=_bodies())
    if subject is None:
        return _subject_before(text, cue.start(), actor, spans)
    return any(start <= a and b <= end for a, b in subject for start, end in own)


def _clause_subject(text: str, cue_start: int, spans: list[tuple[int, int, str]]) -> str | None:
    """The first actor of the clause the cue ends ("Freedonia was granted a lease on a base in Sylvania in order to…" -> Freedonia)."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text[:cue_start])]
    clause_start = breaks[-1] if breaks else 0
    inside = [a for s, e, a in spans if clause_start <= s and e <= cue_start]
    return inside[0] if inside else None


def _framed_by(text: str, own: list[tuple[int, int]], cue: re.Match[str]) -> bool:
    """ "For X, …<cue>…": the sentence opens on X and the cue follows the comma."""
    first_start, first_end = own[0]
    return bool(_FRAME.match(text[:first_start])) and text[first_end : first_end + 3].lstrip().startswith(",") and cue.start() > first_end


def _owns(text: str, cue: re.Match[str], own: list[tuple[int, int]]) -> bool:
    """X's goal / X's strategic interests / Freedonian strategy / the aim of X."""
    before = any(
        end <= cue.start()
        and (_OWNER_GAP.match(text[end : cue.start()]) or (_DEMONYM.match(text[start:end]) and _DEMONYM_GAP.match(text[end : cue.start()])))
        for start, end in own
    )
    linked = (_OF_GAP, _FOR_GAP) if cue.group().lower() in _REASON_NOUNS else (_OF_GAP,)
    after = any(start >= cue.end() and any(gap.match(text[cue.end() : start]) for gap in linked) for start, _ in own)
    return before or after


def _subject_before(text: str, cue_start: int, actor: str, spans: list[tuple[int, int, str]]) -> bool:
    """Whether ``actor`` is the nearest actor before the cue (or joined to it by "and"/","), in the same clause."""
    hidden = [m.span() for m in _RELATIVE.finditer(text[:cue_start])]
    preceding = [
        span for span in spans
        if span[1] <= cue_start and cue_start - span[1] <= MAX_GAP and _can_be_subject(text, span, hidden)
    ]
    if not preceding:
        return False
    chain = [preceding[-1]]
    for span in reversed(preceding[:-1]):
        if _JOINER.match(text[span[1] : chain[-1][0]]):
            chain.append(span)
        else:
            break
    if actor not in {a for _, _, a in chain}:
        return False
    between = _RELATIVE.sub(",", text[chain[0][1] : cue_start])
    return not _CLAUSE_BREAK.search(between)


def _can_be_subject(text: str, span: tuple[int, int, str], hidden: list[tuple[int, int]]) -> bool:
    """Not a possessor ("Freedonia's opponents"), not negated ("not Freedonia"), not inside a relative clause (", which backed Marsovia,")."""
    start, end, _ = span
    if _POSSESSIVE_AFTER.match(text[end:]) or _NEGATED.search(text[max(0, start - 6) : start]):
        return False
    return not any(h_start < start and end <= h_end for h_start, h_end in hidden)


def motive_sentences(table: pd.DataFrame, mentions: pd.DataFrame, actor: str) -> pd.DataFrame:
    """The sentences of the explorer ``table`` that state what ``actor`` wants, with the cue found.

    Args:
        table: The explorer table (:func:`analysis.query.explore.sentence_table`).
        mentions: The analysis's ``mentions`` table.
        actor: The actor whose motives to find.
    """
    naming = table[lists(table["actors"], actor)]
    if naming.empty:
        return pd.DataFrame(columns=MOTIVE_COLUMNS)
    keys = set(zip(naming["doc_id"], naming["sentence_id"]))
    here = mentions[[key in keys for key in zip(mentions["doc_id"], mentions["sentence_id"])]]
    surfaces: dict[tuple[str, int], dict[str, str]] = {}
    for doc_id, sentence_id, name, surface in here[["doc_id", "sentence_id", "actor", "surface"]].itertuples(index=False):
        surfaces.setdefault((doc_id, int(sentence_id)), {})[" ".join(surface.split())] = name
    rows = []
    for row in naming.itertuples(index=False):
        if row.text.rstrip().endswith("?"):  # a question asks what X wants; it does not say
            continue
        spans = actor_spans(row.text, surfaces.get((row.doc_id, int(row.sentence_id)), {}))
        cue = wanting_cue(row.text, actor, spans)
        if cue:
            rows.append((row.doc_id, row.sentence_id, row.text, row.source, row.date, *cue))
    return pd.DataFrame(rows, columns=MOTIVE_COLUMNS)


def first_wanter(table: pd.DataFrame, mentions: pd.DataFrame, actors: Sequence[str], *, limit: int = 25) -> str | None:
    """The first of ``actors`` (give them most mentioned first) with a sentence stating what it wants; None if none of the first ``limit``."""
    return next((actor for actor in actors[:limit] if not motive_sentences(table, mentions, actor).empty), None)


@dataclass
class MotiveTheme:
    """One theme of an actor's motives: its name, label keywords and sentences."""

    name: str
    keywords: list[str]
    sentences: pd.DataFrame


def motive_themes(
    motives: pd.DataFrame, *, keywords: int = 5, background: Sequence[str] = (), curated: Sequence[Theme] | None = None
) -> list[MotiveTheme]:
    """Motive sentences grouped by theme, most sentences first, "other" last.

    A sentence joins the ``curated`` theme(s) whose terms it holds most (default: all of
    data/motive_themes.toml; see :func:`themes_for`); the others are grouped by the distinctive
    terms of what they want (:mod:`analysis.extract.goal_themes`, against ``background``: the
    corpus's sentences, default the motive sentences themselves).
    """
    themes = load_themes() if curated is None else tuple(curated)
    hits = pd.DataFrame({t.name: motives["text"].map(lambda text, t=t: len(t.pattern.findall(text))) for t in themes}, index=motives.index)
    best = hits.max(axis=1) if len(hits.columns) else pd.Series(0, index=motives.index)
    grouped = []
    for theme in themes:
        members = motives[(hits[theme.name] > 0) & (hits[theme.name] == best)]
        if len(members):
            grouped.append(MotiveTheme(theme.name, _label(members, motives, keywords), members))
    unthemed = motives[best == 0]
    for cluster in term_clusters(unthemed, motives, background=background, ignore=_theme_stopwords()):
        members = motives.loc[cluster.members]
        grouped.append(MotiveTheme(cluster.name.capitalize(), _label(members, motives, keywords), members))
    grouped.sort(key=lambda t: -len(t.sentences))
    clustered = {index for theme in grouped for index in theme.sentences.index}
    other = unthemed[~unthemed.index.isin(clustered)]
    if len(other):
        grouped.append(MotiveTheme(OTHER_THEME, _label(other, motives, keywords), other))
    return grouped


def _label(members: pd.DataFrame, everything: pd.DataFrame, top: int) -> list[str]:
    """The terms that most set a theme's sentences apart from all the actor's motive sentences."""
    rest = everything.drop(index=members.index)
    if rest.empty:
        return []
    scored = distinctive_terms(members["text"], rest["text"], background=everything["text"], min_count=2)
    return list(scored[scored["z"] > 0]["term"].head(top))

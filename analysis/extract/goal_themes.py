"""Themes an actor's goals fall into, found in the corpus rather than set in advance.

The goal sentences no curated theme (data/motive_themes.toml) takes are grouped by their terms
(lower case, last word singular, names left out). A term counts when it leans to those sentences
against the rest of the corpus (log-odds z-score above 0, as the Compare page ranks terms). The term shared by most of the sentences left founds a theme, named by it and
the term its sentences share next; its sentences leave the pool; and so on, while more than
:data:`OTHER_SHARE` of the actor's goal sentences are left. A sentence left then joins the theme
whose seed terms it shares most; the sentences that share none go to "Other stated goals".
Names (capitalised words) and words common in any English (data/background_frequency.tsv) never
found a theme: "Wednesday" or "make" say nothing of what is wanted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.extract.keywords import keyword_key, phrase_rarity
from analysis.query.compare import log_odds, term_counts, terms

OTHER_SHARE = 0.25
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
MAX_THEMES = 12
MIN_SENTENCES = 2
MIN_Z = 0.0
# A seed must be no more common in general English than Zipf 6 (rarity 3): "cut", "tax", not "make".
# (Measured on the BBC politics and tech corpora, actors with 5+ goals, when this was chosen: seeds
# from whole sentences, stemmed, leaning at all, left 23% of an actor's goals in "other" on average;
# from the words after the cue, 59%; from nouns only, 44% against 35% now.)
MIN_SEED_RARITY = 3.0
MIN_SEED_LENGTH = 3


@dataclass(frozen=True)
class TermCluster:
    """Goal sentences grouped by a term they share: its name and the members' index labels."""

    name: str
    members: pd.Index


def term_clusters(
    goals: pd.DataFrame, everything: pd.DataFrame, *, background: Sequence[str] = (), ignore: re.Pattern[str] | None = None
) -> list[TermCluster]:
    """Clusters of the ``goals`` rows (a subset of the actor's goal sentences ``everything``) by distinctive terms.

    ``ignore`` matches (whole) words that never found or name a theme, such as the cue words ("wants", "plan").
    """
    if goals.empty:
        return []
    wanted = {index: {t for t in _goal_terms(text) if not (ignore and ignore.fullmatch(t))} for index, text in goals["text"].items()}
    scores = _distinctive(wanted.values(), background or list(everything["text"]))
    pool = set(wanted)
    allowed_left = OTHER_SHARE * len(everything)
    clusters = []
    while len(pool) > allowed_left and len(clusters) < MAX_THEMES:
        cover = Counter(term for index in pool for term in wanted[index] if term in scores)
        seeds = [(n, scores[term], term) for term, n in cover.items() if n >= MIN_SENTENCES]
        if not seeds:
            break
        _, _, seed = max(seeds)
        members = sorted(index for index in pool if seed in wanted[index])
        clusters.append(TermCluster(_name(seed, [wanted[i] for i in members], scores), pd.Index(members)))
        pool -= set(members)
    return _with_nearest(clusters, {index: wanted[index] for index in pool}, wanted, scores)


BACKGROUND_SENTENCES = 5000


def background_sample(texts: pd.Series, *, limit: int = BACKGROUND_SENTENCES) -> list[str]:
    """Every n-th of a corpus's sentences, at most about ``limit``: enough to tell a goal's terms from the corpus's."""
    return list(texts.iloc[:: max(1, len(texts) // limit)])


def _with_nearest(clusters: list[TermCluster], left: dict, wanted: dict, scores: dict[str, float]) -> list[TermCluster]:
    """Each sentence left joins the cluster whose members' distinctive terms it shares most (by z-score)."""
    if not clusters:
        return clusters
    vocab = [{t for i in c.members for t in wanted[i] if t in scores} for c in clusters]
    joined: dict[int, list] = {n: [] for n in range(len(clusters))}
    for index, words in left.items():
        weights = [sum(scores[t] for t in words & v) for v in vocab]
        best = max(range(len(clusters)), key=lambda n: (weights[n], -n))
        if weights[best] > 0:
            joined[best].append(index)
    return [TermCluster(c.name, c.members.append(pd.Index(joined[n]))) if joined[n] else c for n, c in enumerate(clusters)]


def _goal_terms(text: str) -> set[str]:
    """The words of a goal that can found a theme: no names, no short or very common words."""
    capitalised = {_POSSESSIVE.sub("", w.lower()) for w in _CAPITALISED.findall(text)}
    return {
        keyword_key(t) for t in terms(text) if len(t) >= MIN_SEED_LENGTH and t not in capitalised and phrase_rarity(t) >= MIN_SEED_RARITY
    }


def _distinctive(wanted: Iterable[set[str]], background: Sequence[str]) -> dict[str, float]:
    """Term -> z-score of the goal words against the background, for terms that lean to the goals."""
    counts = Counter(term for words in wanted for term in words)
    rest = term_counts(background)
    if not counts or not rest:
        return {}
    table = log_odds(counts, rest, min_count=1)
    leaning = table[table["z"] > MIN_Z]
    return dict(zip(leaning["term"], leaning["z"]))


def _name(seed: str, member_terms: list[set[str]], scores: dict[str, float]) -> str:
    """The seed term and the distinctive term its sentences share next ("budget · rebate")."""
    shared = Counter(term for words in member_terms for term in words if term != seed and term in scores)
    runner = max(((n, scores[t], t) for t, n in shared.items() if n >= MIN_SENTENCES), default=None)
    return f"{seed} · {runner[2]}" if runner else seed

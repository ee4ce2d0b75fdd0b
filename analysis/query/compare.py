"""Which terms distinguish two groups of sentences: log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5: for a term w with counts y_a, y_b
in groups of n_a, n_b terms, and prior pseudo-counts alpha_w summing to alpha_0,

    delta_w = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
            - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
    var(delta_w) ~= 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
    z_w = delta_w / sqrt(var(delta_w))

The prior is the term's frequency in a background (by default both groups together), scaled to
``prior_size`` pseudo-counts: common words are shrunk towards no difference, rare ones are not
over-trusted. Positive z: the term leans to group A; negative: to group B. The formula is a few
lines, so it is written here rather than taken from a library.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.engines.pipeline import Analysis
from analysis.extract.alternation import trie_alternation
from analysis.extract.keywords import stopwords
from analysis.query.explore import lists

LOG_ODDS_COLUMNS = ["term", "count_a", "count_b", "freq_a", "freq_b", "delta", "variance", "z"]
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
DEFAULT_PRIOR_SIZE = 1000.0


def name_pattern(mentions: pd.DataFrame) -> re.Pattern[str] | None:
    """The corpus's multi-word actor names as written ("Rudolf Rassendyll"), as one pattern for :func:`terms` (None if none)."""
    surfaces = {" ".join(surface.split()) for surface in mentions["surface"].unique() if len(_WORD.findall(surface)) > 1}
    if not surfaces:
        return None
    longest_first = sorted(surfaces, key=len, reverse=True)
    source = trie_alternation([(None, r"\s+".join(re.escape(word) for word in name.split())) for name in longest_first])
    return re.compile(rf"(?<![\w'’-])(?:{source})(?:['’]s)?(?![\w'’-])", re.IGNORECASE)


def terms(text: str, *, ngram: int = 1, names: re.Pattern[str] | None = None) -> list[str]:
    """Lower-cased words (possessive 's dropped) and, for ngram=2, adjacent word pairs without stopwords at their edges.

    ``names`` (see :func:`name_pattern`): each multi-word name found is one term ("rudolf rassendyll"), not its words.
    """
    if ngram not in (1, 2):
        raise ValueError("ngram must be 1 or 2")
    found_names: list[str] = []
    if names is not None:
        def fold(match: re.Match[str]) -> str:
            found_names.append(" ".join(re.sub(r"['’]s$", "", match.group().lower()).split()))
            return " , "  # a break: the words on either side of a name do not pair up across it
        text = names.sub(fold, text)
    words = [re.sub(r"['’]s$", "", w.lower()) for w in _WORD.findall(text)]
    stop = stopwords()
    found = [w for w in words if w not in stop and len(w) > 1]
    if ngram == 2:
        found += [f"{a} {b}" for a, b in zip(words, words[1:]) if a not in stop and b not in stop and len(a) > 1 and len(b) > 1]
    return found + found_names


def term_counts(texts: Iterable[str], *, ngram: int = 1, names: re.Pattern[str] | None = None) -> Counter:
    """How often each term occurs in the texts."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(terms(text, ngram=ngram, names=names))
    return counts


def log_odds(
    counts_a: Counter, counts_b: Counter, *, prior: Counter | None = None, prior_size: float = DEFAULT_PRIOR_SIZE, min_count: int = 1
) -> pd.DataFrame:
    """Every term's log-odds ratio between groups A and B, its variance and z-score, most A-leaning first.

    Args:
        counts_a: Term counts of group A.
        counts_b: Term counts of group B.
        prior: Background term counts for the prior; default: A and B together.
        prior_size: alpha_0, the prior's total pseudo-count.
        min_count: Leave out terms seen fewer times than this in A and B together.

    Raises:
        ValueError: A group is empty, or prior_size is not positive.
    """
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    if n_a == 0 or n_b == 0:
        raise ValueError("both groups need at least one term")
    if prior_size <= 0:
        raise ValueError("prior_size must be positive")
    background = prior if prior is not None else counts_a + counts_b
    total = sum(background.values())
    rows = []
    for term in sorted(set(counts_a) | set(counts_b)):
        y_a, y_b = counts_a.get(term, 0), counts_b.get(term, 0)
        if y_a + y_b < min_count:
            continue
        alpha = prior_size * background.get(term, 0) / total if total else 0.0
        alpha = max(alpha, 0.01)  # a term absent from the background still gets a sliver of prior
        delta = math.log((y_a + alpha) / (n_a + prior_size - y_a - alpha)) - math.log((y_b + alpha) / (n_b + prior_size - y_b - alpha))
        variance = 1 / (y_a + alpha) + 1 / (y_b + alpha)
        rows.append((term, y_a, y_b, y_a / n_a, y_b / n_b, delta, variance, delta / math.sqrt(variance)))
    frame = pd.DataFrame(rows, columns=LOG_ODDS_COLUMNS)
    return frame.sort_values(["z", "term"], ascending=[False, True], ignore_index=True)


def distinctive_terms(
    texts_a: Iterable[str],
    texts_b: Iterable[str],
    *,
    background: Iterable[str] | None = None,
    ngram: int = 1,
    min_count: int = 2,
    names: re.Pattern[str] | None = None,
) -> pd.DataFrame:
    """:func:`log_odds` of the terms of two groups of texts (prior: ``background`` texts, default both groups; ``names`` as in :func:`terms`)."""
    counts_a, counts_b = term_counts(texts_a, ngram=ngram, names=names), term_counts(texts_b, ngram=ngram, names=names)
    prior = term_counts(background, ngram=ngram, names=names) if background is not None else None
    return log_odds(counts_a, counts_b, prior=prior, min_count=min_count)


def _term_pattern(term: str) -> re.Pattern[str]:
    """A term as :func:`terms` counts it: its words in any case, possessive allowed, not inside a longer word."""
    words = term.split()
    return re.compile(r"(?<![\w'’-])" + r"\W+".join(re.escape(w) for w in words) + r"(?:['’]s)?(?![\w'’-])", re.IGNORECASE)


def sentences_with_term(texts: pd.Series, term: str, *, ngram: int = 1, names: re.Pattern[str] | None = None) -> pd.Series:
    """Which texts contain the term exactly as :func:`term_counts` counts it (a boolean mask)."""
    size = max(ngram, len(term.split()))
    return texts.map(lambda text: term in terms(text, ngram=min(size, 2), names=names))


def term_spans(text: str, chosen: Iterable[str]) -> list[tuple[int, int]]:
    """Where the chosen terms occur in a text (character spans, for highlighting)."""
    return [m.span() for term in chosen for m in _term_pattern(term).finditer(text)]


def representative(texts: pd.Series, distinctive: pd.DataFrame, *, top: int = 3, weighted_terms: int = 30) -> pd.Series:
    """The texts that carry most of a group's distinctive terms (its top positive z-scores), best first, of readable length."""
    leaning = distinctive[distinctive["z"] > 0].head(weighted_terms)
    weights = dict(zip(leaning["term"], leaning["z"]))
    readable = texts[texts.str.len().between(60, 400)]
    if readable.empty or not weights:
        return readable.head(top)
    scores = readable.map(lambda text: _mean_weight(terms(text), weights))
    return readable.loc[scores.sort_values(ascending=False, kind="stable").index].head(top)


def _mean_weight(found: list[str], weights: dict[str, float]) -> float:
    return sum(weights.get(term, 0.0) for term in found) / max(len(found), 1) ** 0.5


@dataclass
class ActorComparison:
    """Two to four actors side by side (each table has an ``actor`` column, or is keyed by actor)."""

    summary: pd.DataFrame  # actor, mentions, sentences, share (of all sentences)
    terms: dict[str, pd.DataFrame]  # actor -> its most distinctive terms vs the other actors' sentences
    events: pd.DataFrame  # actor, event_type, references, share (of the actor's event references)
    partners: pd.DataFrame  # actor, partner, sentences (named together)
    examples: dict[str, pd.DataFrame]  # actor -> its most representative sentences


def compare_actors(
    table: pd.DataFrame, analysis: Analysis, actors: Sequence[str], *, ngram: int = 1, top_terms: int = 15, top_partners: int = 5
) -> ActorComparison:
    """Mentions, distinctive terms (one actor's sentences vs the others'), event profiles, partners and example sentences.

    Args:
        table: The explorer table (:func:`analysis.query.explore.sentence_table`).
        analysis: The analysis the table was built from.
        actors: Two to four actor names.
        ngram: 1 for words, 2 to add word pairs.
    """
    actors = list(dict.fromkeys(actors))
    if not 2 <= len(actors) <= 4:
        raise ValueError("compare two to four different actors")
    naming = {a: table[lists(table["actors"], a)] for a in actors}
    counts = analysis.actor_counts.set_index("actor")
    summary = pd.DataFrame(
        [(a, int(counts["mentions"].get(a, 0)), len(naming[a]), len(naming[a]) / max(len(table), 1)) for a in actors],
        columns=["actor", "mentions", "sentences", "share"],
    )
    terms_of, examples = {}, {}
    names = name_pattern(analysis.mentions)  # "Rudolf Rassendyll" is one term, not "rudolf" and "rassendyll"
    for actor in actors:
        others = pd.concat([naming[o] for o in actors if o != actor]).drop_duplicates(["doc_id", "sentence_id"])
        others = others[~lists(others["actors"], actor)]
        if naming[actor].empty or others.empty:
            terms_of[actor] = pd.DataFrame(columns=LOG_ODDS_COLUMNS)
            examples[actor] = naming[actor].head(3)
            continue
        scored = distinctive_terms(naming[actor]["text"], others["text"], background=table["text"], ngram=ngram, names=names)
        # The actor's own names ("potsdorf", "freedonian" for Freedonia) are trivially distinctive: left out.
        scored = scored[~scored["term"].isin(actor_terms(analysis.mentions, actor))]
        terms_of[actor] = scored.head(top_terms).reset_index(drop=True)
        examples[actor] = naming[actor].loc[representative(naming[actor]["text"], scored).index]
    return ActorComparison(summary, terms_of, _event_profiles(analysis.events, actors), _partners(analysis.cooccurrence, actors, top_partners), examples)


def actor_terms(mentions: pd.DataFrame, actor: str) -> set[str]:
    """The actor's name and every surface form counted for it, as :func:`terms` writes them."""
    surfaces = mentions.loc[mentions["actor"] == actor, "surface"].unique()
    return {term for text in [actor, *surfaces] for term in terms(text)} | {" ".join(terms(text)) for text in [actor, *surfaces]}


def _event_profiles(events: pd.DataFrame, actors: list[str]) -> pd.DataFrame:
    rows = []
    for actor in actors:
        own = events[events["actors"].fillna("").str.split(";").map(lambda names: actor in names)]
        for event_type, n in own["event_type"].value_counts().items():
            rows.append((actor, event_type, int(n), n / len(own)))
    return pd.DataFrame(rows, columns=["actor", "event_type", "references", "share"])


def _partners(cooccurrence: pd.DataFrame, actors: list[str], top: int) -> pd.DataFrame:
    rows = []
    for actor in actors:
        pairs = cooccurrence[(cooccurrence["actor_a"] == actor) | (cooccurrence["actor_b"] == actor)]
        partner = pairs["actor_b"].where(pairs["actor_a"] == actor, pairs["actor_a"])
        ranked = pd.DataFrame({"actor": actor, "partner": partner, "sentences": pairs["sentences"]}).sort_values("sentences", ascending=False)
        rows.append(ranked.head(top))
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["actor", "partner", "sentences"])

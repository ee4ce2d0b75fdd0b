"""Corpus keywords that name an actor, shown once under the actor's name.

YAKE lists every way a text writes a name: "Strelsau", "Rudolf Rassendyll", "Rassendyll",
"King Rudolf Rassendyll", "leader Rudolf Rassendyll". A keyword whose words, titles taken off
the front (data/discovery.toml), are a form the corpus's actor mentions write folds into that
actor: one row under the actor's name, with the best score of its forms and the actor's own
mention and document counts (so the explorer's actor filter shows the same sentences).
A title is taken off only when what remains is a name ("General Motors" stays). Only a keyword
written with a capital folds, and only into an actor whose mentions of that form make at least
half the keyword's occurrences: "civil war" never folds into a "Civil War" the model tagged once.
"Strelsau's Rudolf" folds like "Rudolf": a possessive in front names whose he is, not who.
An honorific alone ("Lord") or an owner's title ("Strelsau's King") is left out: it refers to
someone without naming him. So is a bare surname that several people in the corpus share, beside
the full name of one of them: the Actors page keeps it apart, a keyword list would show a twin.
A name no actor holds is listed once too: its last word alone ("Observatory" after "Zenda
Observatory") and the name with words in front ("Strelsau-based Zenda Observatory") are left out.

A person named in the lines repeated across documents (a columnist's sign-off, "Rudolf
Rassendyll is a regular commentator on…") in at least half the documents that name him is the
author, not a topic: keywords naming him are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

from analysis.extract.discovery import load_rules
from analysis.extract.keywords import boilerplate_key, keyword_key

# A form joins the actor that at least this share of its mentions name ("Brown" for the
# chancellor, beside a few mentions of another Brown); otherwise it stays a keyword of its own.
FORM_MAJORITY = 0.5
# The actor's mentions of the form must be at least this share of the keyword's occurrences.
FORM_SHARE_OF_KEYWORD = 0.5
BYLINE_SHARE = 0.5
PERSON = "person"
_POSSESSOR = re.compile(r"^[A-Z][\w-]*['’]s\s+(?=[A-Z])")


@dataclass
class NameTally:
    """What folding needs from the mentions: which actor each written form names, and who signs the text."""

    forms: Counter = field(default_factory=Counter)  # (keyword key of a form, titles off, actor) -> mentions
    byline_documents: Counter = field(default_factory=Counter)  # actor -> documents naming it in a repeated line

    def update(self, other: NameTally) -> NameTally:
        """Add another tally (of other documents) to this one; return it."""
        self.forms.update(other.forms)
        self.byline_documents.update(other.byline_documents)
        return self

    def actor_of(self) -> dict[str, str]:
        """Keyword key -> the actor a clear majority of its mentions name."""
        by_key: dict[str, Counter] = {}
        for (key, actor), n in self.forms.items():
            by_key.setdefault(key, Counter())[actor] += n
        chosen = {}
        for key, actors in by_key.items():
            (actor, n), total = min(actors.items(), key=lambda item: (-item[1], item[0])), sum(actors.values())
            if n >= FORM_MAJORITY * total:
                chosen[key] = actor
        return chosen


def name_tally(mentions: pd.DataFrame, sentences: pd.DataFrame, boilerplate: Collection[str] = frozenset()) -> NameTally:
    """The :class:`NameTally` of an analysis's ``mentions`` and ``sentences`` tables (boilerplate lines as :func:`boilerplate_key`)."""
    tally = NameTally()
    if mentions.empty:
        return tally
    surfaces = mentions["surface"]
    keys = surfaces.map({surface: keyword_key(untitled(surface)) for surface in surfaces.unique()})
    tally.forms.update(Counter(zip(keys, mentions["actor"])))
    if boilerplate and not sentences.empty:
        named = set(zip(mentions["doc_id"].tolist(), mentions["sentence_id"].tolist()))
        marked = {
            key
            for key, text in zip(zip(sentences["doc_id"].tolist(), sentences["sentence_id"].tolist()), sentences["text"].tolist())
            if key in named and boilerplate_key(text) in boilerplate  # only sentences naming someone matter
        }
        inside = mentions[[key in marked for key in zip(mentions["doc_id"].tolist(), mentions["sentence_id"].tolist())]]
        tally.byline_documents.update(inside.drop_duplicates(["actor", "doc_id"])["actor"].value_counts().to_dict())
    return tally


def untitled(phrase: str) -> str:
    """A phrase without the titles and roles at its front ("leader Rudolf Rassendyll" -> "Rudolf Rassendyll")."""
    stripped = load_rules().title_pattern.sub("", " ".join(phrase.split()))
    return stripped if stripped and stripped[0].isupper() else phrase


def fold_keyword_names(keywords: pd.DataFrame, tally: NameTally, actor_counts: pd.DataFrame) -> pd.DataFrame:
    """The corpus ``keywords`` table with name forms folded into their actors and bylines left out.

    Adds the column ``actor`` (the actor a keyword names, "" for none); rows are re-ranked by score.
    """
    if keywords.empty:
        return keywords.assign(actor=pd.Series(dtype=str))
    actor_of = tally.actor_of()
    counts = actor_counts.set_index("actor") if not actor_counts.empty else pd.DataFrame(columns=["mentions", "documents", "type"])
    bylines = _bylines(tally, counts)
    named = [_named_actor(keyword, count, actor_of, tally.forms) for keyword, count in zip(keywords["keyword"], keywords["count"])]
    table = keywords.assign(actor=[actor if actor in counts.index else "" for actor in named])
    table = table[~table["actor"].isin(bylines) & ~table["keyword"].map(is_only_titles)]
    folded = table[table["actor"] != ""]
    if not folded.empty:
        best = folded.sort_values(["score", "rank"]).drop_duplicates("actor")
        best = best.assign(
            keyword=best["actor"],
            count=[int(counts.at[a, "mentions"]) for a in best["actor"]],
            doc_count=[int(counts.at[a, "documents"]) for a in best["actor"]],
        )
        table = pd.concat([table[table["actor"] == ""], best[~best["actor"].isin(_bare_surnames(best["actor"]))]])
        # A plain keyword spelled as an actor's name ("Zenda" the word and Zenda the actor) is the same row.
        table = table.sort_values(["score", "rank"]).drop_duplicates("keyword")
    table = table.sort_values(["score", "rank"], kind="stable").reset_index(drop=True)
    table = table[~table["keyword"].isin(_name_twins(table))].reset_index(drop=True)
    return table.assign(rank=range(1, len(table) + 1))


def is_only_titles(keyword: str) -> bool:
    """An honorific alone ("Lord", "Mr"), or an owner's title ("Strelsau's King"): a way to refer, not a topic."""
    rules = load_rules()
    owned = _POSSESSOR.sub("", keyword)
    return not rules.honorific_pattern.sub("", keyword + " ").strip() or (owned != keyword and not rules.title_pattern.sub("", owned + " ").strip())


def counts_within(mentions: pd.DataFrame, actor_counts: pd.DataFrame) -> pd.DataFrame:
    """Each actor's mentions and documents among ``mentions`` (some documents' mentions), with its type from ``actor_counts``."""
    if mentions.empty:
        return pd.DataFrame(columns=["actor", "type", "mentions", "documents"])
    grouped = mentions.groupby("actor")
    counts = pd.DataFrame({"mentions": grouped.size(), "documents": grouped["doc_id"].nunique()})
    types = actor_counts.set_index("actor")["type"] if not actor_counts.empty else pd.Series(dtype=str)
    return counts.assign(type=types.reindex(counts.index).fillna("")).rename_axis("actor").reset_index()


def _name_twins(table: pd.DataFrame) -> set[str]:
    """Capitalised keywords naming no actor that repeat a better-ranked name: its last word alone
    ("Observatory" after "Zenda Observatory") or the name with words in front ("Strelsau-based Zenda Observatory")."""
    names = [k for k in table["keyword"] if all(w[:1].isupper() for w in k.split())]
    twins = set()
    for keyword, actor in zip(table["keyword"], table["actor"]):
        if actor or not keyword[:1].isupper():
            continue
        for name in names:
            if name == keyword:
                break  # only better-ranked names count (the table is in rank order)
            shorter = " " not in keyword and name.endswith(" " + keyword)
            longer = keyword.endswith(" " + name)
            if shorter or longer:
                twins.add(keyword)
                break
    return twins


def _bare_surnames(actors: pd.Series) -> set[str]:
    """One-word actors that end the name of another listed actor: a surname several people share ("Rassendyll"
    beside "Rudolf Rassendyll", kept apart by discovery because another Rassendyll is named too)."""
    last_words = {name.split()[-1] for name in actors if " " in name}
    return {name for name in actors if " " not in name and name in last_words}


def _named_actor(keyword: str, count: int, actor_of: dict[str, str], form_mentions: Counter) -> str:
    """The actor a keyword written as a name stands for, or ""."""
    if not untitled(keyword)[:1].isupper():
        return ""
    owned = _POSSESSOR.sub("", keyword)
    for form in dict.fromkeys((untitled(keyword), keyword, untitled(owned), owned)):
        key = keyword_key(form)
        actor = actor_of.get(key)
        if actor and form_mentions[key, actor] >= FORM_SHARE_OF_KEYWORD * count:
            return actor
    return ""


def _bylines(tally: NameTally, counts: pd.DataFrame) -> set[str]:
    """People named in repeated lines in at least :data:`BYLINE_SHARE` of the documents that name them."""
    return {
        actor
        for actor, documents in tally.byline_documents.items()
        if actor in counts.index and counts.at[actor, "type"] == PERSON and documents >= BYLINE_SHARE * counts.at[actor, "documents"]
    }

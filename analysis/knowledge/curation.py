"""An analyst's corrections to the actors, written as an actor dictionary that any analysis accepts.

Merging two actors, renaming one, changing its type or colour, hiding one (a model error) and
adding an alias are kept as a :class:`Curation`; :func:`curation_toml` writes them as a
dictionary in the format of the files in ``data/packs/`` (each edited actor with every form the
corpus counted for it), which the Corpus page and ``python -m analysis --actors FILE`` lay
over the built-in lexicons. Analysing the corpus again with it gives the curated tables.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, replace

import pandas as pd

from analysis.engines.pipeline import MODEL_RULES
from analysis.extract.discovery import POSSESSIVE
from analysis.extract.references import REFERENCE_RULE
from analysis.knowledge.lexicons import ACTOR_TYPES, COLOUR_PATTERN


@dataclass(frozen=True)
class Curation:
    """The edits, by the actor names of the analysis they were made on."""

    merged: tuple[tuple[str, str], ...] = ()  # (actor, into)
    renamed: tuple[tuple[str, str], ...] = ()  # (actor, new name)
    types: tuple[tuple[str, str], ...] = ()
    colours: tuple[tuple[str, str], ...] = ()
    hidden: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # (actor, alias)

    def merge(self, actor: str, into: str) -> Curation:
        """Count ``actor``'s mentions for ``into``."""
        if actor == into:
            raise ValueError("choose two different actors to merge")
        return replace(self, merged=self.merged + ((actor, into),))

    def rename(self, actor: str, name: str) -> Curation:
        """Show ``actor`` as ``name``."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("a new name cannot be empty")
        return replace(self, renamed=self.renamed + ((actor, name),))

    def retype(self, actor: str, actor_type: str) -> Curation:
        """Give ``actor`` another type."""
        if actor_type not in ACTOR_TYPES:
            raise ValueError(f"type must be one of {', '.join(ACTOR_TYPES)}")
        return replace(self, types=self.types + ((actor, actor_type),))

    def recolour(self, actor: str, colour: str) -> Curation:
        """Draw ``actor`` in ``colour`` (#rrggbb)."""
        if not COLOUR_PATTERN.fullmatch(colour):
            raise ValueError('a colour looks like "#1f77b4"')
        return replace(self, colours=self.colours + ((actor, colour),))

    def hide(self, actor: str) -> Curation:
        """Leave ``actor`` out of every table."""
        return replace(self, hidden=self.hidden + (actor,))

    def add_alias(self, actor: str, alias: str) -> Curation:
        """Count ``alias`` as a mention of ``actor`` wherever the corpus writes it."""
        alias = " ".join(alias.split())
        if not alias:
            raise ValueError("an alias cannot be empty")
        return replace(self, aliases=self.aliases + ((actor, alias),))

    def __bool__(self) -> bool:
        return bool(self.merged or self.renamed or self.types or self.colours or self.hidden or self.aliases)


def curation_toml(curation: Curation, counts: pd.DataFrame, mentions: pd.DataFrame, *, base: str = "") -> str:
    """The curation as an actor dictionary: one entry per edited actor.

    An actor kept under its name gets only what changed (type, colour, the forms of actors merged
    into it, new aliases), so the lexicon's own rules for its names stay (a capital still counts
    only where it stands for the government). An actor under a new name takes every form the
    corpus counted for it, each in the field of the rule that found it (demonyms, metonyms; the
    model's forms as written).

    Args:
        curation: Edits made on the analysis whose ``counts`` and ``mentions`` are given.
        counts, mentions: That analysis's ``actor_counts`` and ``mentions`` tables.
        base: A dictionary written here before, which that analysis used: its entries for actors
            these edits leave alone are kept, so edits build on one another.
    """
    final = _final_names(curation, list(counts["actor"]))
    described = counts.set_index("actor")
    earlier = tomllib.loads(base) if base.strip() else {}
    before = {e.get("name"): e for e in earlier.get("actor", [])}
    entries: dict[str, dict] = {}
    touched = {a for pair in curation.merged for a in pair} | {a for a, _ in curation.renamed + curation.types + curation.colours + curation.aliases}
    for actor in sorted(touched - set(curation.hidden), key=lambda a: (final.get(a, a) != a, a)):
        target = final.get(actor, actor)
        entry = entries.setdefault(target, _entry(target, described, before))
        found_by_model = actor in described.index and described.loc[actor, "origin"] == "model"
        if actor != target or found_by_model:  # merged, renamed or in no lexicon: its forms count for the target
            _add_forms(entry, mentions, actor, before)
        if not entry.get("type") and actor in described.index:
            entry.update(type=str(described.loc[actor, "type"] or "organisation"), color=str(described.loc[actor, "color"] or ""))
    for actor, actor_type in curation.types:
        entries.get(final.get(actor, actor), {}).update(type=actor_type)
    for actor, colour in curation.colours:
        entries.get(final.get(actor, actor), {}).update(color=colour)
    for actor, alias in curation.aliases:
        entries.get(final.get(actor, actor), {}).setdefault("aliases", []).append(alias)
    kept = [e for name, e in before.items() if name not in touched | set(entries) | set(curation.hidden)]
    hidden = sorted(set(earlier.get("hide", [])) | set(curation.hidden))
    return _write(kept + list(entries.values()), hidden)


def _final_names(curation: Curation, actors: list[str]) -> dict[str, str]:
    """Each actor's name once the merges and renames are made, in the order they were made."""
    final = {actor: actor for actor in actors}
    for actor, into in curation.merged:
        for name, now in list(final.items()):
            if now == actor:
                final[name] = final.get(into, into)
    for actor, name in curation.renamed:
        for old, now in list(final.items()):
            if now == final.get(actor, actor):
                final[old] = name
    return final


def _entry(name: str, described: pd.DataFrame, before: dict[str, dict]) -> dict:
    """A new entry for ``name``: what an earlier curation wrote for it, else its type and colour."""
    if name in before:
        return {key: list(value) if isinstance(value, list) else value for key, value in before[name].items()}
    entry: dict = {"name": name}
    if name in described.index:
        entry.update(type=str(described.loc[name, "type"] or "organisation"), color=str(described.loc[name, "color"] or ""))
    return entry


def _add_forms(entry: dict, mentions: pd.DataFrame, actor: str, before: dict[str, dict]) -> None:
    """Give ``entry`` the forms counted for ``actor`` (and an earlier curation's), each under its rule's field."""
    own = mentions.loc[mentions["actor"] == actor]
    surfaces = own.assign(surface=own["surface"].str.replace(POSSESSIVE, "", regex=True))
    for surface, rule in surfaces.groupby("surface")["rule"].agg(lambda r: r.mode().iloc[0]).items():
        if rule == REFERENCE_RULE:  # "the government" is this state's only in its own documents
            continue
        field = {"demonym": "demonyms", "metonym": "metonyms"}.get(rule, "aliases")
        entry.setdefault(field, []).append(surface)
        if rule in MODEL_RULES:  # a model-found name counts as written, as it did
            entry.setdefault("case_sensitive", []).append(surface)
    entry.setdefault("aliases", []).append(actor)
    for field in ("aliases", "demonyms", "metonyms", "case_sensitive"):
        entry.setdefault(field, []).extend(before.get(actor, {}).get(field, []))


def _write(entries: list[dict], hidden: list[str]) -> str:
    lines = [
        "# Actors curated on the dashboard's Actors page (the format of the files in data/packs/).",
        "# Use it on the Corpus page (Actor dictionary, merged) or: python -m analysis CORPUS --actors THIS_FILE",
        "",
        f"hide = {_toml_list(hidden)}",
    ]
    for entry in entries:
        lines += ["", "[[actor]]", f"name = {_toml_string(entry['name'])}"]
        for key in ("type", "color"):
            if entry.get(key):
                lines.append(f"{key} = {_toml_string(entry[key])}")
        for key in ("aliases", "demonyms", "metonyms", "case_sensitive"):
            values = list(dict.fromkeys(v for v in entry.get(key, []) if v != entry["name"]))
            if values:
                lines.append(f"{key} = {_toml_list(values)}")
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes), and never raw user text; TOML also
    # forbids a raw DEL, which JSON leaves as it is.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(_toml_string(v) for v in values) + "]"

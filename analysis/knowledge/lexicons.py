"""Load the curated lexicons in ``data/`` (actors, places, event types, named events).

Each loader validates its file and raises :class:`LexiconError` naming the file, the entry
and what to fix. The formats are documented at the top of each data file.
"""

from __future__ import annotations

import colorsys
import re
import tomllib
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from analysis.extract.matching import AliasMatcher, normalise_apostrophes
from analysis.paths import DATA_DIR

ACTOR_TYPES = ("state", "person", "organisation", "political party", "company", "armed group", "people/nationality", "other")
# Older dictionaries wrote "leader" for a person.
_LEGACY_TYPES = {"leader": "person"}
COLOUR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}")
WORLD_FILE = DATA_DIR / "world.toml"
PACKS_DIR = DATA_DIR / "packs"


class LexiconError(ValueError):
    """A lexicon file that cannot be used, with a message naming the file and the fix."""


@dataclass(frozen=True)
class Actor:
    """An actor: canonical name, type, display colour and surface forms.

    ``origin`` says where it comes from: the built-in world lexicon, a curated dictionary
    (a pack or the user's), or the NER model. Demonyms and metonyms are also aliases; they are
    kept apart so each mention can say which rule found it.
    """

    name: str
    type: str
    color: str
    aliases: tuple[str, ...]
    case_sensitive: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    origin: str = "dictionary"
    alias_rules: tuple[tuple[str, str], ...] = ()  # (alias, rule) where a rule other than the origin found it


@dataclass(frozen=True)
class AliasGuard:
    """Contexts in which an alias does not count: a regex on the text before it and one on the text after."""

    alias: str
    not_after: str = ""
    not_before: str = ""

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """The compiled (not_after, not_before) patterns."""
        return (re.compile(self.not_after) if self.not_after else None, re.compile(self.not_before) if self.not_before else None)

    def blocks(self, before: str, after: str) -> bool:
        """Whether the alias, between ``before`` and ``after``, is not a mention."""
        not_after, not_before = self.patterns
        return bool((not_after and not_after.search(before)) or (not_before and not_before.search(after)))


@dataclass(frozen=True)
class LexiconPack:
    """Curated actors of one topic that apply to a corpus only where enough documents write its anchor names."""

    name: str
    label: str
    anchors: tuple[str, ...]
    min_document_share: float
    actors: tuple[Actor, ...]
    ignore: tuple[str, ...] = ()
    guards: tuple[AliasGuard, ...] = ()

    @cached_property
    def anchor_matcher(self) -> AliasMatcher:
        """A matcher of the pack's anchor names (matched as written: proper names)."""
        return AliasMatcher([(anchor, self.name) for anchor in self.anchors], case_sensitive=self.anchors, bare_possessive=True)

    def documents_naming_anchors(self, texts: Iterable[str]) -> int:
        """How many of ``texts`` write one of the pack's anchor names."""
        return sum(1 for text in texts if any(m.key is not None for m in self.anchor_matcher.find(text)))


@dataclass(frozen=True)
class ActorLexicon:
    """The actors in force plus phrases to ignore and alias guards, with a compiled matcher.

    ``packs`` are optional layers not applied yet: :meth:`for_texts` applies those a corpus
    needs, :meth:`with_packs` those named.
    """

    actors: tuple[Actor, ...]
    ignore: tuple[str, ...]
    guards: tuple[AliasGuard, ...] = ()
    packs: tuple[LexiconPack, ...] = ()
    applied: tuple[str, ...] = ()  # the packs already laid over it
    hidden: tuple[str, ...] = ()  # actors left out of every table (an analyst's "hide": a model error such as "Specifically")

    @property
    def colors(self) -> dict[str, str]:
        """Actor name -> display colour."""
        return {a.name: a.color for a in self.actors}

    @property
    def types(self) -> dict[str, str]:
        """Actor name -> actor type."""
        return {a.name: a.type for a in self.actors}

    @property
    def origins(self) -> dict[str, str]:
        """Actor name -> origin (world, dictionary or model)."""
        return {a.name: a.origin for a in self.actors}

    @cached_property
    def metonyms(self) -> frozenset[str]:
        """Lower-cased aliases that count only where they stand for the actor, not the place."""
        return frozenset(m.lower() for a in self.actors for m in a.metonyms)

    @cached_property
    def guard_for(self) -> dict[str, AliasGuard]:
        """Lower-cased alias -> its guard."""
        return {g.alias.lower(): g for g in self.guards}

    @cached_property
    def rules(self) -> dict[str, str]:
        """Lower-cased alias (apostrophes normalised) -> the rule a mention by it is credited to."""
        rules: dict[str, str] = {}
        for actor in self.actors:
            for alias, rule in actor.alias_rules:
                rules.setdefault(normalise_apostrophes(alias).lower(), rule)
            for alias in actor.aliases:
                rule = "metonym" if alias in actor.metonyms else "demonym" if alias in actor.demonyms else actor.origin
                rules.setdefault(normalise_apostrophes(alias).lower(), rule)
        return rules

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the entries only: a worker process compiles its own matcher once."""
        return {
            "actors": self.actors, "ignore": self.ignore, "guards": self.guards, "packs": self.packs, "applied": self.applied, "hidden": self.hidden,
        }

    # Cached on the instance: looking it up in a cache keyed by the lexicon would hash every
    # alias on each of the thousands of calls per corpus.
    @cached_property
    def matcher(self) -> AliasMatcher:
        """A matcher mapping each alias to its actor's name (built once per lexicon)."""
        return _actor_matcher(self)

    def with_packs(self, names: Iterable[str]) -> ActorLexicon:
        """This lexicon with the named packs applied (unknown names raise LexiconError) and no pack pending."""
        wanted = list(dict.fromkeys(names))
        # Kept on this (immutable) lexicon: the default one lives for the process, so each choice of
        # packs is merged and its matcher compiled once, not once per analysis.
        cache = self.__dict__.setdefault("_with_packs", {})
        if tuple(wanted) not in cache:
            cache[tuple(wanted)] = self._apply_packs(wanted)
        return cache[tuple(wanted)]

    def _apply_packs(self, wanted: list[str]) -> ActorLexicon:
        known = {p.name: p for p in self.packs}
        unknown = [n for n in wanted if n not in known]
        if unknown:
            raise LexiconError(f"unknown lexicon pack(s): {', '.join(unknown)}; known: {', '.join(known) or 'none'}")
        lexicon = replace(self, packs=())
        for name in wanted:
            pack = known[name]
            lexicon = _layer(lexicon, ActorLexicon(pack.actors, pack.ignore, pack.guards))
        return replace(lexicon, applied=self.applied + tuple(wanted))

    def for_texts(self, texts: Sequence[str], packs: str | Iterable[str] = "auto") -> ActorLexicon:
        """The lexicon for a corpus: packs chosen by ``packs`` ("auto": those whose anchors the texts name enough; "all"; "none"; or names)."""
        return self.with_packs(self.chosen_packs(texts, packs))

    def chosen_packs(self, texts: Sequence[str], packs: str | Iterable[str] = "auto") -> list[str]:
        """The names of the packs :meth:`for_texts` applies."""
        if packs == "auto":
            return self.packs_for_counts({p.name: p.documents_naming_anchors(texts) for p in self.packs}, len(texts))
        if packs == "all":
            return [p.name for p in self.packs]
        if packs == "none":
            return []
        return list([packs] if isinstance(packs, str) else packs)

    def packs_for_counts(self, naming: dict[str, int], n_documents: int) -> list[str]:
        """The packs that apply, given how many of ``n_documents`` name each pack's anchors."""
        return [p.name for p in self.packs if n_documents and naming.get(p.name, 0) / n_documents >= p.min_document_share]


@dataclass(frozen=True)
class Place:
    """A place with coordinates and the surface forms that name it."""

    name: str
    kind: str
    country: str
    lat: float
    lon: float
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class EventType:
    """One event type of the taxonomy: its triggers and the context rules that decide their sense."""

    key: str
    label: str
    description: str
    triggers: tuple[str, ...]  # count on their own
    ambiguous: tuple[str, ...] = ()  # count only with a `context` pattern nearby
    context: tuple[str, ...] = ()  # cue lists already expanded
    not_when: tuple[str, ...] = ()  # phrases containing a trigger that show another sense
    reporting: bool = False  # reporting verbs: out of the event charts by default
    document_wide: bool = False  # enough cues anywhere in the document stand in for one nearby


@dataclass(frozen=True)
class NamedEvent:
    """A well-known event that references can name or describe, with its date."""

    name: str
    event_type: str
    year: int
    month: int | None
    day: int | None
    patterns: tuple[str, ...]
    anchors: tuple[str, ...] = ()  # where it belongs: a match needs one nearby (sets expanded)


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; errors name the file and line."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise LexiconError(f"{path}: no such file; check the path") from error
    except UnicodeDecodeError as error:
        raise LexiconError(f"{path}: not UTF-8 text; save it as UTF-8") from error
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{path}: not valid TOML ({error}); fix that line") from error


def load_actor_lexicon(extra: Path | str | None = None, *, packs: str | Iterable[str] | None = None) -> ActorLexicon:
    """The world lexicon with the lexicon packs pending, merged with ``extra`` (same format) when given.

    Args:
        extra: A user's actor dictionary, merged over the built-in lexicons.
        packs: None leaves every pack pending (the analysis applies those a corpus needs);
            "all", "none" or pack names apply them now.
    """
    # The same files give the same (immutable) dictionary, so its compiled matcher is built once
    # per process, not once per analysis; an edited file has a new stamp and is read again.
    where = None if extra is None else str(Path(extra).resolve())  # the same name may be another file elsewhere
    stamps = tuple(_stamp(path) for path in (WORLD_FILE, *_pack_files()))
    lexicon = _cached_actor_lexicon(None if extra is None else str(extra), where, stamps, _stamp(extra))
    return lexicon if packs is None else lexicon.for_texts([], packs) if packs in ("all", "none") else lexicon.with_packs(packs)


def _pack_files() -> list[Path]:
    return sorted(PACKS_DIR.glob("*.toml"))


def _stamp(path: Path | str | None) -> tuple[int, int] | None:
    try:
        status = Path(path).stat() if path is not None else None
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size) if status else None


@lru_cache(maxsize=8)
def _cached_actor_lexicon(extra: str | None, *_key: object) -> ActorLexicon:
    world = _parse_actors(read_toml(WORLD_FILE), WORLD_FILE, origin="world")
    lexicon = replace(world, packs=tuple(_parse_pack(read_toml(path), path) for path in _pack_files()))
    if extra is None:
        return lexicon
    text = Path(extra).read_text(encoding="utf-8") if Path(extra).exists() else ""
    user = _parse_actors(_without_guards(read_toml(Path(extra)), Path(extra)), Path(extra), partial=True, lines=_entry_lines(text))
    return merge_actor_lexicons(lexicon, user)


def _parse_pack(data: dict[str, Any], path: Path) -> LexiconPack:
    header = data.get("pack")
    if not isinstance(header, dict):
        raise LexiconError(f"{path}: a lexicon pack needs a [pack] table with name, label, anchors and min_document_share")
    lexicon = _parse_actors(data, path, lines=_entry_lines(path.read_text(encoding="utf-8")))
    anchors = header.get("anchors", [])
    if not anchors or not isinstance(anchors, list) or not all(isinstance(a, str) and a.strip() for a in anchors):
        raise LexiconError(f"{path}: anchors must be a non-empty list of names that only this pack's topic writes")
    anchors = tuple(a.strip() for a in anchors)
    share = header.get("min_document_share", 0.3)
    if not isinstance(share, (int, float)) or not 0 <= share <= 1:
        raise LexiconError(f"{path}: min_document_share must be a number from 0 to 1")
    name = str(header.get("name") or path.stem)
    return LexiconPack(name, str(header.get("label") or name), anchors, float(share), lexicon.actors, lexicon.ignore, lexicon.guards)


def actor_lexicon_from_text(text: str, label: str, *, complete: bool = False) -> ActorLexicon:
    """An actor dictionary from TOML text (e.g. an upload); errors name ``label`` and the line.

    Args:
        text: The dictionary, in the format of data/actors.toml.
        label: How to name it in messages (a file name).
        complete: Require every actor's type and colour (a dictionary that replaces the default);
            otherwise they may be left out and come from the default actor of the same name.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{label}: not valid TOML ({error}); fix that line") from error
    lexicon = _parse_actors(_without_guards(data, label), label, partial=not complete, lines=_entry_lines(text))
    if not lexicon.actors:
        raise LexiconError(f"{label}: no [[actor]] entry; see data/actors.toml for the format")
    return lexicon


def _without_guards(data: dict[str, Any], label: Path | str) -> dict[str, Any]:
    """A user's dictionary as parsed; refused if it has [[guard]] regexes (only the shipped data may run its own patterns)."""
    if "guard" in data:
        raise LexiconError(f"{label}: [[guard]] entries are allowed only in the built-in lexicons (data/); list the phrases to leave out under `ignore`")
    return data


def _entry_lines(text: str) -> list[int]:
    """Line numbers (1-based) of each [[actor]] header, so messages can point at the entry."""
    return [number for number, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[actor]]")]


def merge_actor_lexicons(base: ActorLexicon, extra: ActorLexicon) -> ActorLexicon:
    """Actors of ``extra`` added to ``base``; same-named actors get extra aliases and overrides."""
    return replace(_layer(base, extra), packs=base.packs + extra.packs)


def _layer(base: ActorLexicon, extra: ActorLexicon) -> ActorLexicon:
    """``extra``'s actors, ignore phrases and guards laid over ``base`` (pending packs kept as they are).

    An alias ``extra`` gives to one actor is taken from any other actor of ``base`` that had it:
    a pack or the user's dictionary decides what a name means ("Grand Council" -> a league rather than a state).
    """
    claimed = {normalise_apostrophes(alias).lower(): actor.name for actor in extra.actors for alias in actor.aliases}
    merged = {a.name: _without_aliases(a, claimed) for a in base.actors}
    for actor in extra.actors:
        old = merged.get(actor.name)
        if old is None:
            # A new actor may leave out its colour (a partial dictionary): it gets a stable one of its own.
            merged[actor.name] = actor if actor.color else replace(actor, color=stable_colour(actor.name))
            continue
        merged[actor.name] = Actor(
            name=old.name,
            type=actor.type or old.type,
            color=actor.color or old.color,
            aliases=tuple(dict.fromkeys(old.aliases + actor.aliases)),
            case_sensitive=tuple(dict.fromkeys(old.case_sensitive + actor.case_sensitive)),
            # an alias the new layer lists as a plain alias ("Potsdorf" in a pack) is no longer a metonym
            metonyms=tuple(dict.fromkeys([m for m in old.metonyms if m not in actor.aliases or m in actor.metonyms] + list(actor.metonyms))),
            demonyms=tuple(dict.fromkeys(old.demonyms + actor.demonyms)),
            origin="dictionary" if "dictionary" in (old.origin, actor.origin) else old.origin,
            alias_rules=tuple(dict.fromkeys(old.alias_rules + actor.alias_rules)),
        )
    return ActorLexicon(
        tuple(merged.values()),
        tuple(dict.fromkeys(base.ignore + extra.ignore)),
        tuple(dict.fromkeys(base.guards + extra.guards)),
        base.packs,
        base.applied,
        tuple(dict.fromkeys(base.hidden + extra.hidden)),
    )


def _without_aliases(actor: Actor, claimed: dict[str, str]) -> Actor:
    """``actor`` less the aliases another actor has claimed (its own name too: a renamed actor takes it)."""
    keep = tuple(a for a in actor.aliases if claimed.get(normalise_apostrophes(a).lower(), actor.name) == actor.name)
    if len(keep) == len(actor.aliases):
        return actor
    return replace(
        actor,
        aliases=keep,
        case_sensitive=tuple(a for a in actor.case_sensitive if a in keep),
        metonyms=tuple(a for a in actor.metonyms if a in keep),
        demonyms=tuple(a for a in actor.demonyms if a in keep),
    )


def stable_colour(name: str) -> str:
    """A colour for an actor without one, the same for the same name in every corpus and session."""
    # A hue of its own (of 360) at one of three depths, all dark enough to read on white: two
    # actors of one chart rarely share a colour, as they would in a palette of a few dozen.
    code = zlib.crc32(name.encode("utf-8"))
    hue, depth = code % 360, (code // 360) % 3
    red, green, blue = colorsys.hls_to_rgb(hue / 360, (0.36, 0.44, 0.52)[depth], 0.62)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def _parse_actors(
    data: dict[str, Any], path: Path | str, *, partial: bool = False, lines: list[int] | None = None, origin: str = "dictionary"
) -> ActorLexicon:
    entries = data.get("actor", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise LexiconError(f"{path}: actors must be [[actor]] tables; see the files in data/packs/")
    lines = lines or []
    actors = [
        _parse_actor(entry, i, f"{path}, line {lines[i - 1]}" if i <= len(lines) else str(path), partial, origin)
        for i, entry in enumerate(entries, 1)
    ]
    names = [a.name for a in actors]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise LexiconError(f"{path}: actor names must be unique; repeated: {', '.join(duplicates)}")
    lists = {key: data.get(key, []) for key in ("ignore", "hide")}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise LexiconError(f"{path}: `{key}` must be a list of strings")
    return ActorLexicon(tuple(actors), tuple(lists["ignore"]), _parse_guards(data.get("guard", []), path), hidden=tuple(lists["hide"]))


def _parse_guards(entries: Any, path: Path | str) -> tuple[AliasGuard, ...]:
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise LexiconError(f"{path}: guards must be [[guard]] tables with alias, not_after and/or not_before")
    guards = []
    for entry in entries:
        alias = entry.get("alias")
        if not isinstance(alias, str) or not alias.strip():
            raise LexiconError(f"{path}: a [[guard]] needs alias = \"...\"")
        for key in ("not_after", "not_before"):
            _check_pattern(entry.get(key, ""), f"{path}: guard {alias!r} {key}")
        guards.append(AliasGuard(alias.strip(), entry.get("not_after", ""), entry.get("not_before", "")))
    return tuple(guards)


def _parse_actor(entry: dict[str, Any], index: int, path: str, partial: bool, origin: str) -> Actor:
    where = f"{path}: actor #{index}"
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(f"{where} has no name; add name = \"...\"")
    where = f"{path}: actor {name!r}"
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise LexiconError(f"{where}: aliases must be a list of non-empty strings")
    actor_type = _LEGACY_TYPES.get(entry.get("type", ""), entry.get("type", ""))
    if actor_type not in ACTOR_TYPES and not (partial and actor_type == ""):
        raise LexiconError(f"{where}: type must be one of {', '.join(ACTOR_TYPES)}")
    color = entry.get("color", "")
    if not COLOUR_PATTERN.fullmatch(color or "") and not (color == "" and (partial or origin == "world")):
        raise LexiconError(f"{where}: color must look like \"#1f77b4\"")
    lists = {key: entry.get(key, []) for key in ("case_sensitive", "metonyms", "demonyms")}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LexiconError(f"{where}: {key} must be a list of aliases")
    name = name.strip()
    aliases = list(dict.fromkeys([name, *aliases, *lists["demonyms"], *lists["metonyms"]]))
    if origin == "world" and not color:
        color = stable_colour(name)
    return Actor(
        name, actor_type, color, tuple(aliases), tuple(lists["case_sensitive"]), tuple(lists["metonyms"]), tuple(lists["demonyms"]), origin
    )


def _actor_matcher(lexicon: ActorLexicon) -> AliasMatcher:
    # An ignore phrase keeps a shorter alias from counting inside it ("Marsovia Smith" is not the
    # state); where it is itself an actor's name (the model found that person), the actor wins.
    names = {normalise_apostrophes(alias).lower() for actor in lexicon.actors for alias in actor.aliases}
    pairs: list[tuple[str, str | None]] = [(phrase, None) for phrase in lexicon.ignore if normalise_apostrophes(phrase).lower() not in names]
    pairs += [(alias, actor.name) for actor in lexicon.actors for alias in actor.aliases]
    case_sensitive = [alias for actor in lexicon.actors for alias in actor.case_sensitive]
    return AliasMatcher(pairs, case_sensitive=case_sensitive, bare_possessive=True)


@lru_cache(maxsize=1)
def load_places() -> tuple[tuple[Place, ...], tuple[str, ...]]:
    """The gazetteer in data/places.toml and its ignore phrases."""
    path = DATA_DIR / "places.toml"
    data = read_toml(path)
    places = []
    for entry in data.get("place", []):
        try:
            places.append(
                Place(
                    name=entry["name"],
                    kind=entry.get("kind", ""),
                    country=entry.get("country", ""),
                    lat=float(entry["lat"]),
                    lon=float(entry["lon"]),
                    aliases=tuple(entry.get("aliases") or [entry["name"]]),
                    source=entry.get("source", ""),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise LexiconError(f"{path}: place {entry.get('name', '?')!r} needs name, lat and lon ({error})") from error
    return tuple(places), tuple(data.get("ignore", []))


_EVENT_TYPES = DATA_DIR / "event_types.toml"


@lru_cache(maxsize=1)
def _event_types_file() -> dict[str, Any]:
    return read_toml(_EVENT_TYPES)


@lru_cache(maxsize=1)
def load_event_types() -> tuple[EventType, ...]:
    """The event taxonomy in data/event_types.toml, with its cue lists ("@name") expanded."""
    data = _event_types_file()
    cues = data.get("cues", {})
    types = []
    for entry in data.get("event_type", []):
        where = f"{_EVENT_TYPES}: event type {entry.get('key')!r}"
        fields = {name: _expanded_patterns(entry.get(name, []), cues, where) for name in ("triggers", "ambiguous", "context", "not_when")}
        if fields["ambiguous"] and not fields["context"]:
            raise LexiconError(f"{where}: ambiguous triggers need a context list")
        types.append(
            EventType(entry["key"], entry.get("label", entry["key"]), entry.get("description", ""), reporting=bool(entry.get("reporting", False)),
                      document_wide=bool(entry.get("document_wide", False)), **fields)
        )
    return tuple(types)


def event_context_window() -> int:
    """How many words either side of a trigger its context rules look at (data/event_types.toml)."""
    return int(_event_types_file().get("window", 10))


def event_document_cues() -> int:
    """How many context cues of a type a document needs before its ambiguous triggers count anywhere in it."""
    return int(_event_types_file().get("document_cues", 6))


def reporting_event_types() -> frozenset[str]:
    """Event types of reporting verbs ("said"), left out of the event charts unless asked for."""
    return frozenset(t.key for t in load_event_types() if t.reporting)


def _expanded_patterns(entries: list[str], lists: dict[str, list[str]], where: str) -> tuple[str, ...]:
    """The patterns of one field, each "@name" replaced by the shared list of that name."""
    patterns: list[str] = []
    for entry in entries:
        if entry.startswith("@"):
            if entry[1:] not in lists:
                raise LexiconError(f"{where}: no list {entry!r} in the file's shared lists")
            patterns += lists[entry[1:]]
        else:
            patterns.append(entry)
    for pattern in patterns:
        _check_pattern(pattern, where)
    return tuple(patterns)


@lru_cache(maxsize=1)
def load_named_events() -> tuple[NamedEvent, ...]:
    """The catalogue of named events in data/named_events.toml."""
    path = DATA_DIR / "named_events.toml"
    data = read_toml(path)
    known_types = {t.key for t in load_event_types()}
    events = []
    for entry in data.get("event", []):
        where = f"{path}: event {entry.get('name')!r}"
        if entry.get("type") not in known_types:
            raise LexiconError(f"{where}: type must be one of {', '.join(sorted(known_types))}")
        patterns = _expanded_patterns(entry.get("patterns", []), {}, where)
        anchors = _expanded_patterns(entry.get("anchors", []), data.get("anchor_sets", {}), where)
        events.append(NamedEvent(entry["name"], entry["type"], int(entry["year"]), entry.get("month"), entry.get("day"), patterns, anchors))
    return tuple(events)


@lru_cache(maxsize=1)
def named_event_document_anchors() -> int:
    """How many anchor mentions a document needs for a named event to count anywhere in it."""
    return int(read_toml(DATA_DIR / "named_events.toml").get("document_anchors", 3))


def _check_pattern(pattern: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise LexiconError(f"{where}: bad pattern {pattern!r} ({error})") from error

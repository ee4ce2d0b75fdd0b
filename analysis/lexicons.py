"""Load the curated lexicons in ``data/`` (actors, places, event types, named events).

Each loader validates its file and raises :class:`LexiconError` naming the file, the entry
and what to fix. The formats are documented at the top of each data file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from analysis.matching import AliasMatcher
from analysis.paths import DATA_DIR

ACTOR_TYPES = ("state", "leader", "armed group", "organisation")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
FALLBACK_COLOUR = "#7f8c8d"


class LexiconError(ValueError):
    """A lexicon file that cannot be used, with a message naming the file and the fix."""


@dataclass(frozen=True)
class Actor:
    """An actor: canonical name, type, display colour and surface forms."""

    name: str
    type: str
    color: str
    aliases: tuple[str, ...]
    case_sensitive: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorLexicon:
    """All actors plus phrases to ignore, with a compiled matcher."""

    actors: tuple[Actor, ...]
    ignore: tuple[str, ...]

    @property
    def colors(self) -> dict[str, str]:
        """Actor name -> display colour."""
        return {a.name: a.color for a in self.actors}

    @property
    def types(self) -> dict[str, str]:
        """Actor name -> actor type."""
        return {a.name: a.type for a in self.actors}

    @cached_property
    def metonyms(self) -> frozenset[str]:
        """Lower-cased aliases that count only where they stand for the actor, not the place."""
        return frozenset(m.lower() for a in self.actors for m in a.metonyms)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the entries only: a worker process compiles its own matcher once."""
        return {"actors": self.actors, "ignore": self.ignore}

    # Cached on the instance: looking it up in a cache keyed by the lexicon would hash every
    # alias on each of the thousands of calls per corpus.
    @cached_property
    def matcher(self) -> AliasMatcher:
        """A matcher mapping each alias to its actor's name (built once per lexicon)."""
        return _actor_matcher(self)


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
    """One event type of the taxonomy with its trigger patterns."""

    key: str
    label: str
    description: str
    triggers: tuple[str, ...]


@dataclass(frozen=True)
class NamedEvent:
    """A well-known event that references can name or describe, with its date."""

    name: str
    event_type: str
    year: int
    month: int | None
    day: int | None
    patterns: tuple[str, ...]


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


def load_actor_lexicon(extra: Path | str | None = None) -> ActorLexicon:
    """The default actor dictionary, merged with ``extra`` (same format) when given."""
    # The same files give the same (immutable) dictionary, so its compiled matcher is built once
    # per process, not once per analysis; an edited file has a new stamp and is read again.
    default = DATA_DIR / "actors.toml"
    where = None if extra is None else str(Path(extra).resolve())  # the same name may be another file elsewhere
    return _cached_actor_lexicon(None if extra is None else str(extra), where, _stamp(default), _stamp(extra))


def _stamp(path: Path | str | None) -> tuple[int, int] | None:
    try:
        status = Path(path).stat() if path is not None else None
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size) if status else None


@lru_cache(maxsize=8)
def _cached_actor_lexicon(extra: str | None, *_key: object) -> ActorLexicon:
    lexicon = _parse_actors(read_toml(DATA_DIR / "actors.toml"), DATA_DIR / "actors.toml")
    if extra is None:
        return lexicon
    text = Path(extra).read_text(encoding="utf-8") if Path(extra).exists() else ""
    return merge_actor_lexicons(lexicon, _parse_actors(read_toml(Path(extra)), Path(extra), partial=True, lines=_entry_lines(text)))


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
    lexicon = _parse_actors(data, label, partial=not complete, lines=_entry_lines(text))
    if not lexicon.actors:
        raise LexiconError(f"{label}: no [[actor]] entry; see data/actors.toml for the format")
    return lexicon


def _entry_lines(text: str) -> list[int]:
    """Line numbers (1-based) of each [[actor]] header, so messages can point at the entry."""
    return [number for number, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[actor]]")]


def merge_actor_lexicons(base: ActorLexicon, extra: ActorLexicon) -> ActorLexicon:
    """Actors of ``extra`` added to ``base``; same-named actors get extra aliases and overrides."""
    merged = {a.name: a for a in base.actors}
    for actor in extra.actors:
        old = merged.get(actor.name)
        if old is None:
            # A new actor may leave out its colour (a partial dictionary): it is drawn in grey.
            merged[actor.name] = actor if actor.color else replace(actor, color=FALLBACK_COLOUR)
            continue
        merged[actor.name] = Actor(
            name=old.name,
            type=actor.type or old.type,
            color=actor.color or old.color,
            aliases=tuple(dict.fromkeys(old.aliases + actor.aliases)),
            case_sensitive=tuple(dict.fromkeys(old.case_sensitive + actor.case_sensitive)),
            metonyms=tuple(dict.fromkeys(old.metonyms + actor.metonyms)),
        )
    return ActorLexicon(tuple(merged.values()), tuple(dict.fromkeys(base.ignore + extra.ignore)))


def _parse_actors(data: dict[str, Any], path: Path | str, *, partial: bool = False, lines: list[int] | None = None) -> ActorLexicon:
    entries = data.get("actor", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise LexiconError(f"{path}: actors must be [[actor]] tables; see data/actors.toml")
    lines = lines or []
    actors = [
        _parse_actor(entry, i, f"{path}, line {lines[i - 1]}" if i <= len(lines) else str(path), partial) for i, entry in enumerate(entries, 1)
    ]
    names = [a.name for a in actors]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise LexiconError(f"{path}: actor names must be unique; repeated: {', '.join(duplicates)}")
    ignore = data.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(x, str) for x in ignore):
        raise LexiconError(f"{path}: `ignore` must be a list of strings")
    return ActorLexicon(tuple(actors), tuple(ignore))


def _parse_actor(entry: dict[str, Any], index: int, path: str, partial: bool) -> Actor:
    where = f"{path}: actor #{index}"
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(f"{where} has no name; add name = \"...\"")
    where = f"{path}: actor {name!r}"
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise LexiconError(f"{where}: aliases must be a list of non-empty strings")
    actor_type = entry.get("type", "")
    if actor_type not in ACTOR_TYPES and not (partial and actor_type == ""):
        raise LexiconError(f"{where}: type must be one of {', '.join(ACTOR_TYPES)}")
    color = entry.get("color", "")
    if not _COLOUR.fullmatch(color or "") and not (partial and color == ""):
        raise LexiconError(f"{where}: color must look like \"#1f77b4\"")
    lists = {key: entry.get(key, []) for key in ("case_sensitive", "metonyms")}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LexiconError(f"{where}: {key} must be a list of aliases")
    aliases = list(dict.fromkeys([name.strip(), *aliases, *lists["metonyms"]]))
    return Actor(name.strip(), actor_type, color, tuple(aliases), tuple(lists["case_sensitive"]), tuple(lists["metonyms"]))


def _actor_matcher(lexicon: ActorLexicon) -> AliasMatcher:
    pairs: list[tuple[str, str | None]] = [(phrase, None) for phrase in lexicon.ignore]
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


@lru_cache(maxsize=1)
def load_event_types() -> tuple[EventType, ...]:
    """The event taxonomy in data/event_types.toml."""
    path = DATA_DIR / "event_types.toml"
    data = read_toml(path)
    types = []
    for entry in data.get("event_type", []):
        triggers = tuple(entry.get("triggers", []))
        for trigger in triggers:
            _check_pattern(trigger, f"{path}: event type {entry.get('key')!r}")
        types.append(EventType(entry["key"], entry.get("label", entry["key"]), entry.get("description", ""), triggers))
    return tuple(types)


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
        for pattern in entry.get("patterns", []):
            _check_pattern(pattern, where)
        events.append(
            NamedEvent(entry["name"], entry["type"], int(entry["year"]), entry.get("month"), entry.get("day"), tuple(entry.get("patterns", [])))
        )
    return tuple(events)


def _check_pattern(pattern: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise LexiconError(f"{where}: bad pattern {pattern!r} ({error})") from error

"""Coordinates for place names the curated gazetteer does not list, from ``data/gazetteer.tsv`` (GeoNames)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

from analysis.paths import DATA_DIR

GAZETTEER = DATA_DIR / "gazetteer.tsv"
PLACE_RULES = DATA_DIR / "place_rules.toml"
# Mentions found by these rules name the people or the government, never the place.
NOT_PLACE_RULES = frozenset({"demonym", "metonym", "reference"})
# A country counts as one of the corpus's own when it has at least this share of the place names
# that are countries (so one passing mention of a country does not steer every ambiguous name).
OWN_COUNTRY_SHARE = 0.05


@dataclass(frozen=True)
class GazetteerPlace:
    """One gazetteer row: a country, continent, first-level region or city with a representative point."""

    name: str
    kind: str
    country: str
    lat: float
    lon: float
    population: int


@lru_cache(maxsize=1)
def _rows() -> tuple[list[str], dict[str, list[int]], dict[str, list[int]]]:
    """The gazetteer's rows as lines, and name -> row numbers and alias -> row numbers (rows parsed when asked)."""
    lines = [line for line in GAZETTEER.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")][1:]
    names: dict[str, list[int]] = defaultdict(list)
    aliases: dict[str, list[int]] = defaultdict(list)
    for number, line in enumerate(lines):
        name, rest = line.split("\t", 1)
        names[name].append(number)
        listed = rest.rsplit("\t", 1)[1]
        if listed:
            for alias in listed.split("|"):
                aliases[alias].append(number)
    return lines, names, aliases


@lru_cache(maxsize=4096)
def _candidates(name: str) -> tuple[tuple[GazetteerPlace, bool], ...]:
    """The places ``name`` may mean, each with whether it is that place's own name (or that name
    without its accents or an administrative prefix: "Westminster" for the "City of Westminster")."""
    lines, names, aliases = _rows()
    own = tuple((_place(lines[n]), True) for n in names.get(name, ()))
    return own + tuple((place, _plain(place.name) == _plain(name)) for place in (_place(lines[n]) for n in aliases.get(name, ())))


@lru_cache(maxsize=1)
def region_adjectives() -> frozenset[str]:
    """Adjectives of the places that span several countries (continents, regions), and their plurals.

    A people named so says where, not who. They are derived from the gazetteer's continents and
    regions that belong to no country.
    """
    lines, _, _ = _rows()
    rows = [line.split("\t", 3) for line in lines]
    adjectives = {_adjective(name) for name, kind, country, _ in rows if kind in ("continent", "region") and not country}
    return frozenset(adjectives | {a + "s" for a in adjectives})


# English adjectives of place names by their ending: -a -> -an, -e -> -ean, -us -> -ian, a plural's
# -s dropped, -t -> -tern (a compass point), anything else + -ian.
_ADJECTIVE_ENDINGS = (("a", "an"), ("e", "ean"), ("us", "ian"), ("s", ""), ("t", "tern"))


def _adjective(name: str) -> str:
    for ending, suffix in _ADJECTIVE_ENDINGS:
        if name.endswith(ending):
            return name[: len(name) - len(ending)] + suffix
    return name + "ian"


_ADMINISTRATIVE = re.compile(r"^(?:City|Town|Borough|Municipality|County|District) of ")


def _plain(name: str) -> str:
    """A place name without accents or a leading "City of"-style prefix."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return _ADMINISTRATIVE.sub("", folded)


def _place(line: str) -> GazetteerPlace:
    name, kind, country, lat, lon, population, _ = line.split("\t")
    return GazetteerPlace(name, kind, country, float(lat), float(lon), int(population))


def geocode(name: str, *, countries: Collection[str] = ()) -> GazetteerPlace | None:
    """The place ``name`` most likely means: its own name (or a country's other name) before an alternate one, then a capital (news
    means the capital, not the town that shares its name), then a place in ``countries`` (the corpus's own, ISO alpha-2), then the most populous;
    None when no place has that name."""
    candidates = _candidates(name) or _candidates(name.removeprefix("the ").removeprefix("The "))
    if not candidates:
        return None
    place, _ = min(candidates, key=lambda pair: (not (pair[1] or pair[0].kind == "country"), pair[0].kind != "capital", pair[0].country not in countries, -pair[0].population))  # noqa: E501
    return place


def own_countries(place_names: Iterable[str]) -> tuple[str, ...]:
    """ISO codes of the countries the corpus's place names are mostly about (named as countries)."""
    counts: Counter[str] = Counter()
    for name, n in Counter(place_names).items():  # each name looked up once
        if (place := geocode(name)) and place.kind == "country":
            counts[place.country] += n
    total = sum(counts.values())
    return tuple(sorted(code for code, n in counts.items() if n >= OWN_COUNTRY_SHARE * total))


@lru_cache(maxsize=1)
def _locative() -> re.Pattern[str]:
    """A locative word (data/place_rules.toml) ending just before a name, an article allowed between."""
    words = tomllib.loads(PLACE_RULES.read_text(encoding="utf-8"))["locatives"]
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\s+(?:the\s+)?$", re.IGNORECASE)


def used_as_place(text: str, start: int) -> bool:
    """Whether the name at ``text[start:]`` follows a locative word ("in", "to", "from"...)."""
    return _locative().search(text[max(0, start - 24) : start]) is not None


def country_of(actor: str, surface: str) -> GazetteerPlace | None:
    """The gazetteer country a state actor is, by its name or by the surface written."""
    for name in (actor, surface):
        place = next((p for p, own in _candidates(name) if p.kind == "country"), None)
        if place:
            return place
    return None

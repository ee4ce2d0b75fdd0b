"""Place mentions with coordinates, from the gazetteer in data/places.toml."""

from __future__ import annotations

from functools import lru_cache

from analysis.extract.matching import AliasMatcher
from analysis.knowledge.lexicons import Place, load_places

PLACE_COLUMNS = ["doc_id", "sentence_id", "place", "surface", "lat", "lon", "start", "end"]


@lru_cache(maxsize=1)
def _matcher() -> tuple[AliasMatcher, dict[str, Place]]:
    places, ignore = load_places()
    pairs: list[tuple[str, str | None]] = [(phrase, None) for phrase in ignore]
    pairs += [(alias, place.name) for place in places for alias in place.aliases]
    every_alias = [alias for alias, _ in pairs]
    return AliasMatcher(pairs, case_sensitive=every_alias), {p.name: p for p in places}


def find_places(text: str, start: int, end: int) -> list[tuple[Place, int, int]]:
    """(place, start, end) of every place named in text[start:end], offsets into ``text``."""
    matcher, by_name = _matcher()
    return [(by_name[m.key], start + m.start, start + m.end) for m in matcher.find(text[start:end])]

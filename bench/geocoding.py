"""Geocoding on other topics: a reader's 15 most mentioned places, found and placed by the analysis.

Run: python bench/geocoding.py GOLD.toml CORPUS [GOLD.toml CORPUS ...] [--details]

GOLD.toml is a list written before the tool was run (``tests/gold/other_topics/places_*.toml``, by a
labeller who never saw the code; see ``PLACES.md`` there); CORPUS the folder it was written for (BBC
News 2004-05, not committed: see that folder's README). A gold place is
  found    when the analysis's places table has a row whose surface is one of its aliases;
  placed   when the commonest place those rows went to has coordinates within 50 km of the gold
           point for a city, or within 800 km for a country, region or feature (a representative
           point of a large area: the table has no country column to compare).
Target (issue 16): at least 14 of 15 placed on each corpus.
"""

from __future__ import annotations

import argparse
import math
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze, load_corpus  # noqa: E402

CITY_KM = 50
AREA_KM = 800


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2, dp, dl = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def score(gold_path: Path, corpus_path: Path, *, details: bool = False) -> tuple[int, int, int]:
    """(gold places, found, placed) for one corpus."""
    gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))["place"]
    places = analyze(load_corpus(corpus_path)).places
    found = placed = 0
    for entry in gold:
        rows = places[places["surface"].isin(entry["aliases"])]
        verdict = "missing"
        if len(rows):
            found += 1
            top = rows["place"].value_counts().index[0]
            point = rows[rows["place"] == top].iloc[0]
            limit = CITY_KM if entry["kind"] == "city" else AREA_KM
            if point["lat"] == point["lat"] and distance_km(entry["lat"], entry["lon"], point["lat"], point["lon"]) <= limit:
                placed += 1
                verdict = f"placed as {top}"
            else:
                km = distance_km(entry["lat"], entry["lon"], point["lat"], point["lon"])
                off = "no coordinates" if point["lat"] != point["lat"] else f"{km:.0f} km off"
                verdict = f"found as {top}, {off}"
        if details:
            print(f"  {entry['rank']:2d} {entry['name']:<22} {verdict}")
    return len(gold), found, placed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+", metavar="GOLD.toml CORPUS")
    parser.add_argument("--details", action="store_true", help="print each gold place's verdict")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give GOLD.toml CORPUS pairs")
    for gold, corpus in zip(args.pairs[::2], args.pairs[1::2]):
        print(gold)
        total, found, placed = score(Path(gold), Path(corpus), details=args.details)
        print(f"{corpus}: {found}/{total} found, {placed}/{total} placed")


if __name__ == "__main__":
    main()

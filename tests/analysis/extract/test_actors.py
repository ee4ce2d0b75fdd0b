import re

import pytest

from analysis.extract.actors import actor_counts, cooccurrence, find_mentions
from analysis.knowledge.lexicons import ACTOR_TYPES, LexiconError, load_actor_lexicon

REQUIRED = [
    "Russia", "Syria", "Bashar al-Assad", "Vladimir Putin", "Iran", "Turkey", "Recep Tayyip Erdogan", "Israel",
    "United States", "HTS", "Kurdish forces", "Hezbollah", "ISIS", "al-Nusra", "Wagner", "Ukraine", "United Nations",
    "European Union", "China", "Syrian rebels", "Sergey Lavrov", "Donald Trump",
]


@pytest.fixture(scope="module")
def lexicon():
    return load_actor_lexicon(packs=["syria"])


def mentions(text, lexicon):
    return [(actor, text[s:e]) for actor, s, e in find_mentions(text, 0, len(text), lexicon)]


def test_lexicon_covers_required_actors_with_types_and_colours(lexicon):
    by_name = {a.name: a for a in lexicon.actors}
    assert set(REQUIRED) <= set(by_name)
    curated = [a.color for a in lexicon.actors if a.origin == "dictionary"]
    assert len(set(curated)) == len(curated)  # the pack's own colours are distinct
    assert all(re.fullmatch(r"#[0-9a-fA-F]{6}", a.color) for a in lexicon.actors)  # every world actor has one too
    assert all(a.type in ACTOR_TYPES for a in lexicon.actors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow and the Kremlin backed Russian troops.", [("Russia", "Moscow"), ("Russia", "Kremlin"), ("Russia", "Russian troops")]),
        ("Ankara and Türkiye; Erdoğan spoke.", [("Turkey", "Ankara"), ("Turkey", "Türkiye"), ("Recep Tayyip Erdogan", "Erdoğan")]),
        ("Tell us what the U.S., the US and the U. S. want.", [("United States", "U.S."), ("United States", "US"), ("United States", "U. S.")]),
        ("Russia’s base and Russia's port", [("Russia", "Russia"), ("Russia", "Russia")]),
        ("Syrias war and Irans role", [("Syria", "Syria"), ("Iran", "Iran")]),
        ("The Washington Post said Hafez al-Assad ruled.", []),
        ("Jolani, now Ahmed al-Sharaa, leads HTS.", [("HTS", "Jolani"), ("HTS", "Ahmed al-Sharaa"), ("HTS", "HTS")]),
        ("The SDF, YPG and PKK fought IS and Daesh.", [("Kurdish forces", "SDF"), ("Kurdish forces", "YPG"), ("Kurdish forces", "PKK"), ("ISIS", "IS"), ("ISIS", "Daesh")]),
        ("this is what it is", []),
        ("Assad fled Damascus; Damascus denied it.", [("Bashar al-Assad", "Assad"), ("Syria", "Damascus")]),
        ("DAMASCUS, Syria — Rebels advanced.", [("Syria", "Syria"), ("Syrian rebels", "Rebels")]),
        ("The Syrian Democratic Forces and Syrian rebels met Syrian officials.", [("Kurdish forces", "Syrian Democratic Forces"), ("Syrian rebels", "Syrian rebels"), ("Syria", "Syrian")]),
    ],
)
def test_mentions(lexicon, text, expected):
    assert mentions(text, lexicon) == expected


def test_offsets_slice_back_within_a_window(lexicon):
    text = "xx Putin met Lavrov yy"
    found = find_mentions(text, 3, 19, lexicon)
    assert [(a, text[s:e]) for a, s, e in found] == [("Vladimir Putin", "Putin"), ("Sergey Lavrov", "Lavrov")]


def test_counts_and_cooccurrence(default_analysis):
    counts = default_analysis.actor_counts.set_index("actor")
    assert counts.loc["Russia", "mentions"] > counts.loc["Iran", "mentions"] > 0
    assert (counts["sentences"] <= counts["mentions"]).all()
    pairs = default_analysis.cooccurrence
    assert {"actor_a", "actor_b", "sentences"} <= set(pairs.columns)
    assert (pairs["actor_a"] < pairs["actor_b"]).all()


def test_user_dictionary_is_merged(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text('[[actor]]\nname = "Russia"\naliases = ["Rossiya"]\n\n[[actor]]\nname = "Hamas"\ntype = "armed group"\ncolor = "#123456"\naliases = ["Hamas"]\n', encoding="utf-8")
    merged = load_actor_lexicon(extra)
    found = mentions("Rossiya and Hamas and Russia", merged)
    assert found == [("Russia", "Rossiya"), ("Hamas", "Hamas"), ("Russia", "Russia")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[actor]]\nname = "X"\ntype = "planet"\ncolor = "#123456"\n', "type must be one of"),
        ("[[actor]\nname = 1", "not valid TOML"),
        ('[[actor]]\ntype = "state"\n', "has no name"),
    ],
)
def test_malformed_dictionary_message(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_actor_lexicon(path)


def test_empty_mentions_give_empty_tables(lexicon):
    import pandas as pd

    empty = pd.DataFrame(columns=["doc_id", "sentence_id", "actor", "surface", "start", "end"])
    assert actor_counts(empty, lexicon).empty and cooccurrence(empty).empty

"""Who is talked about in any corpus: NER candidates resolved into actors, and the lexicon packs."""

from __future__ import annotations

import re

import pytest

from analysis import Corpus, Document, analyze
from analysis.extract.discovery import Candidate, discover, label_in_context, load_rules, normalise_name
from analysis.extract.ner import MODEL_ENV, ModelError, find_entities, load_model
from analysis.knowledge.lexicons import LexiconError, load_actor_lexicon
from analysis.paths import PROJECT_ROOT


def analysed(*texts: str, packs="auto"):
    return analyze(Corpus([Document(f"d{i}", text) for i, text in enumerate(texts)]), workers=1, packs=packs)


def actor_of(analysis, surface: str) -> set[str]:
    return set(analysis.mentions.loc[analysis.mentions["surface"] == surface, "actor"])


def candidate(name: str, label: str = "PERSON", doc: str = "d", acronym: str = "") -> Candidate:
    return Candidate(doc, 0, label, name, 0, len(name), acronym)


WORLD = load_actor_lexicon(packs="none")


def test_the_model_loads_once_with_only_what_ner_needs():
    nlp = load_model()
    assert nlp is load_model()
    assert nlp.pipe_names == ["ner"]
    spans = find_entities(["Angela Merkel met Emmanuel Macron in Paris."])[0]
    assert {("PERSON", "Angela Merkel"), ("PERSON", "Emmanuel Macron")} <= {(s.label, "Angela Merkel met Emmanuel Macron in Paris."[s.start : s.end]) for s in spans}


def test_a_missing_model_says_what_to_install(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "no_such_pipeline_package")
    with pytest.raises(ModelError, match="pip install -e ."):
        load_model("no_such_pipeline_package")


def test_titles_come_off_a_name_and_its_variants_are_one_actor():
    analysis = analysed(
        "President Vladimir Putin met the press on Monday. Vladimir Putin said nothing new.",
        "Mr Putin later spoke to reporters. Putin's aides declined to comment.",
    )
    assert normalise_name("President Vladimir Putin", "PERSON") == "Vladimir Putin"
    assert normalise_name("Mr Putin's", "PERSON") == "Putin"
    people = analysis.actor_counts[analysis.actor_counts["type"] == "person"]
    assert list(people["actor"]) == ["Vladimir Putin"]
    assert actor_of(analysis, "Putin") == {"Vladimir Putin"}
    assert set(analysis.mentions.loc[analysis.mentions["surface"] == "Putin", "rule"]) <= {"surname", "model"}


def test_two_people_sharing_a_surname_stay_apart():
    found = discover(
        [candidate("John Smith"), candidate("John Smith"), candidate("Mary Smith"), candidate("Mary Smith"), candidate("Smith")], WORLD
    )
    names = {a.name for a in found.actors}
    assert {"John Smith", "Mary Smith"} <= names
    assert found.forms["Smith"] not in {"John Smith", "Mary Smith"}  # ambiguous: not given to either


def test_a_dominant_full_name_takes_its_surname():
    many = [candidate("Tony Blair")] * int(4 * load_rules().surname_dominance) + [candidate("Cherie Blair"), candidate("Blair")]
    found = discover(many, WORLD)
    assert found.forms["Blair"] == "Tony Blair"


def test_jordan_the_person_and_jordan_the_state():
    analysis = analysed("Michael Jordan scored 30 points for Chicago. The king of Jordan visited Washington.")
    assert actor_of(analysis, "Michael Jordan") == {"Michael Jordan"}
    assert actor_of(analysis, "Jordan") == {"Jordan"}
    assert analysis.actor_counts.set_index("actor").loc["Jordan", "type"] == "state"


def test_downing_street_is_not_a_person():
    analysis = analysed("Downing Street said the prime minister would travel to Brussels. A spokesman for Downing Street declined to comment.")
    counted = analysis.actor_counts.set_index("actor")
    assert actor_of(analysis, "Downing Street") <= {"United Kingdom"}
    assert "Downing Street" not in counted.index or counted.loc["Downing Street", "type"] != "person"


def test_a_title_in_the_plural_is_not_an_actor_but_a_surname_that_is_a_title_is():
    found = discover([candidate("MPs", "ORG"), candidate("Ministers", "ORG"), candidate("Major"), candidate("Alda Major")], WORLD)
    names = {alias for actor in found.actors for alias in actor.aliases}
    assert "MPs" not in names and "Ministers" not in names
    assert {"Major", "Alda Major"} <= names


def test_a_people_named_after_a_continent_or_region_is_not_an_actor():
    names = ["European", "Europeans", "Asian", "Middle Eastern", "Balkan", "Kurds", "Tamils"]
    found = discover([candidate(name, "NORP") for name in names], WORLD)
    kept = {alias for actor in found.actors for alias in actor.aliases}
    assert kept & set(names) == {"Kurds", "Tamils"}


def test_an_organisations_legal_form_and_outlets_join_it_but_a_partner_or_a_person_does_not():
    names = [("Zentek", "ORG"), ("Zentek News", "ORG"), ("Zentek News Online", "ORG"), ("Zentek Inc", "ORG"), ("Zentek Ericsson", "ORG"),
             ("Liam Vox", "PERSON"), ("Vox", "PERSON"), ("Vox News", "ORG")]
    found = discover([candidate(name, label) for name, label in names], WORLD)
    aliases = {actor.name: set(actor.aliases) for actor in found.actors}
    assert aliases["Zentek"] == {"Zentek", "Zentek News", "Zentek News Online", "Zentek Inc"}
    assert "Zentek Ericsson" in aliases and "Vox News" in aliases


def test_an_acronym_joins_the_name_it_abbreviates():
    analysis = analysed(
        "Fighting broke out between the army and the Rapid Support Forces (RSF) in the capital.",
        "The RSF denied the claims. Witnesses said RSF fighters looted the market.",
    )
    assert actor_of(analysis, "RSF") == {"Rapid Support Forces"}
    assert "acronym" in set(analysis.mentions.loc[analysis.mentions["surface"] == "RSF", "rule"])
    assert analysis.actor_counts.set_index("actor").loc["Rapid Support Forces", "type"] == "armed group"


def test_a_name_found_once_counts_everywhere_but_a_common_word_does_not():
    found = discover([candidate("Ahmed Taha")], WORLD)
    assert "Ahmed Taha" in {a.name for a in found.actors}
    month = discover([Candidate("d", 0, "PERSON", "May", 0, 3, lower_count=12)], WORLD)
    assert "May" not in {a.name for a in month.actors}  # "may" is written in lower case more often than tagged


def test_generic_words_are_not_tied_to_a_country_without_its_pack():
    text = "The regime denied it. Labour rebels joined the opposition in the vote."
    auto = analysed(text)
    assert auto.packs == [] and not {"regime", "rebels", "opposition"} & set(auto.mentions["surface"])
    on = analysed(text, packs=["syria"])  # turned on by hand, the pack reads them as its topic does
    assert on.packs == ["syria"] and {"the regime", "rebels"} <= set(on.mentions["surface"].str.lower())


def test_each_pack_applies_to_its_own_topic_only(default_corpus):
    assert analyze(default_corpus, workers=1).packs == ["syria"]
    uk = analysed("Tony Blair told the Commons that Labour would win.", "Michael Howard said the Tories would cut taxes.")
    assert uk.packs == ["uk_politics"]
    parties = set(uk.actor_counts["actor"])
    assert {"Labour Party", "Conservative Party"} <= parties and "Tories" not in parties


def test_an_unknown_pack_is_a_clear_error():
    with pytest.raises(LexiconError, match="unknown lexicon pack"):
        load_actor_lexicon(packs=["atlantis"])


def test_mentions_say_which_rule_found_them_and_counts_say_where_actors_come_from():
    analysis = analysed("Russians and the Kremlin backed President Vladimir Putin. Moscow said Angela Merkel agreed.", packs="none")
    rules = dict(zip(analysis.mentions["surface"], analysis.mentions["rule"]))
    assert rules["Russians"] == "demonym" and rules["Moscow"] == "metonym" and rules["Vladimir Putin"] == "model"
    origins = analysis.actor_counts.set_index("actor")["origin"]
    assert origins["Russia"] == "world" and origins["Angela Merkel"] == "model"


def test_no_actor_place_or_event_is_named_in_the_analysis_code():
    """Topic knowledge lives in data/: no name of a pack's actor, nor of a state, in analysis/*.py."""
    lexicon = load_actor_lexicon(packs="all")
    names = {a.name for a in lexicon.actors if a.origin == "dictionary"}
    names |= {a.name for a in lexicon.actors if a.type == "state" and len(a.name) >= 6}
    names |= {alias for a in lexicon.actors if a.origin == "dictionary" for alias in a.aliases if len(alias) >= 6 and alias[0].isupper()}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    found = {
        f"{path.relative_to(PROJECT_ROOT)}: {m.group()}"
        for path in sorted((PROJECT_ROOT / "analysis").rglob("*.py"))
        for m in pattern.finditer(path.read_text(encoding="utf-8"))
    }
    assert not found, sorted(found)


def names_of(found) -> set[str]:
    return {a.name for a in found.actors}


def test_a_surname_never_takes_a_lexicon_alias():
    lexicon = load_actor_lexicon(packs=["syria"])
    found = discover([candidate("Bushra Assad"), candidate("Assad")], lexicon)
    assert "Assad" not in {alias for a in found.actors for alias in a.aliases}
    assert "Bushra Assad" in names_of(found)


def test_people_are_merged_only_when_one_name_extends_the_other():
    found = discover([candidate("George W. Doe"), candidate("George H. W. Doe"), candidate("Rufus Firefly"), candidate("Rufus Tee Firefly")], WORLD)
    assert {"George W. Doe", "George H. W. Doe"} <= names_of(found)  # an added initial: another person
    assert found.forms["Rufus Tee Firefly"] == found.forms["Rufus Firefly"]


def test_a_surname_that_is_also_a_month_does_not_count_where_the_model_did_not_tag_it():
    analysis = analysed(
        "Theresa May spoke to the Commons on Monday. Mrs May said the vote may wait, and it may.",
        "The vote is in May. It was held in May. Ministers may object; they may not.",
    )
    months = analysis.mentions[(analysis.mentions["doc_id"] == "d1")]
    assert months.empty, months


def test_names_keep_their_own_words():
    assert normalise_name("General Motors", "ORG") == "General Motors" and normalise_name("Mr Blunt", "ORG") == "Blunt"
    found = discover([candidate("Mervyn King"), candidate("Abu Bakr al-Zenda"), candidate("Party Treasurer Lord")], WORLD)
    assert {"Mervyn King", "Abu Bakr al-Zenda"} <= names_of(found) and "Party Treasurer Lord" not in names_of(found)


def test_an_acronym_two_names_introduce_belongs_to_neither():
    found = discover(
        [candidate("Northern Relief Forces", "ORG", "a", "NRF"), candidate("Northern Refugee Fund", "ORG", "b", "NRF"), candidate("NRF", "ORG", "b")],
        WORLD,
    )
    assert found.forms["NRF"] == "NRF"


def test_an_acronym_brings_its_plural_along():
    found = discover([candidate("Nongovernmental Zenda Office", "ORG", "a", "NZO"), candidate("NZO", "ORG", "a"), candidate("NZOs", "ORG", "a")], WORLD)
    assert found.forms["NZOs"] == found.forms["NZO"] == "Nongovernmental Zenda Office"
    assert all(found.forms[form] in names_of(found) for form in found.forms)


def test_a_users_dictionary_cannot_bring_its_own_patterns(tmp_path):
    from analysis.knowledge.lexicons import actor_lexicon_from_text

    text = '[[guard]]\nalias = "x"\nnot_after = "(\\\\w+\\\\s?)+$"\n\n[[actor]]\nname = "X"\naliases = ["x"]\n'
    with pytest.raises(LexiconError, match="guard"):
        actor_lexicon_from_text(text, "mine.toml")


def test_a_name_after_an_honorific_is_a_person_whatever_the_model_took_it_for():
    text = "Mr Quillby said so. Mrs. Quillby agreed. Quillby Mining fell."
    assert label_in_context("ORG", text, text.index("Quillby")) == "PERSON"
    assert label_in_context("GPE", text, text.index("Quillby", 20)) == "PERSON"
    assert label_in_context("ORG", text, text.index("Quillby Mining")) == "ORG"
    assert label_in_context("ORG", "Summer rain.", 7) == "ORG"  # "Summer" does not end in "Mr"


def test_a_name_taken_for_a_place_that_is_none_is_an_organisation():
    tagged = [candidate("Zentel", "GPE"), candidate("Zentel", "GPE"), candidate("Ruritania Falls", "GPE")]
    found = discover(tagged, WORLD, not_places={"Zentel"})
    assert {actor.name: actor.type for actor in found.actors} == {"Zentel": "organisation"}
    assert not discover(tagged, WORLD).actors  # a place, as the model said, where nothing says otherwise


def test_a_people_is_typed_so_only_when_its_name_ends_like_one():
    found = discover([candidate("Zentelco", "NORP"), candidate("Vorlanders", "NORP"), candidate("Qarthi", "NORP")], WORLD)
    assert {actor.name: actor.type for actor in found.actors} == {
        "Zentelco": "organisation", "Vorlanders": "people/nationality", "Qarthi": "people/nationality",
    }


def test_a_results_line_is_told_from_prose():
    from analysis.extract.discovery import results_line

    assert results_line("Blackpool 4 2 1 1 3 2 7") and results_line("Scarborough 1 Northampton 1")
    assert results_line("Hajduk 2 Proleter ( Z ) 0")
    assert not results_line("In 2004, 3 people died in the floods.")
    assert not results_line("The price rose 3% to 45.2 pence.")


def test_a_town_written_mostly_in_results_lines_is_its_team():
    def town(team: bool) -> Candidate:
        return Candidate("d", 0, "GPE", "Blackpool", 0, 9, team=team)

    found = discover([town(True), town(True), town(False)], WORLD)
    assert {actor.name: actor.type for actor in found.actors} == {"Blackpool": "organisation"}
    assert not discover([town(False), town(False), town(True)], WORLD).actors  # mostly the town: a place

import re

from analysis.extract.events import find_events, timeline_date, trigger_matches
from analysis.knowledge.lexicons import load_event_types, load_named_events


def test_taxonomy_and_catalogue_load():
    keys = {t.key for t in load_event_types()}
    assert {"military_action", "intervention_deployment", "withdrawal", "negotiation_meeting", "agreement_ceasefire",
            "veto_sanction", "humanitarian", "chemical_civilian_harm", "regime_change_collapse", "basing_economic_deal",
            "political_statement"} <= keys
    names = {e.name for e in load_named_events()}
    assert "Russian military intervention in Syria" in names and "Fall of the Assad regime" in names


def test_event_with_written_date():
    [ref] = [r for r in find_events("Russia vetoed the resolution on 30 September 2015.") if r.event_type == "veto_sanction"]
    assert ref.trigger == "vetoed" and (ref.date.year, ref.date.month, ref.date.day) == (2015, 9, 30)


def test_named_event_places_undated_reference():
    refs = find_events("Assad reportedly fled after the fall of Damascus a week ago.")
    named = [r for r in refs if r.named_event]
    assert named and named[0].named_event.name == "Fall of the Assad regime"
    year, month, basis = timeline_date(named[0], "")
    assert (year, month, basis) == (2024, 12, "named_event")
    assert named[0].date.text == "a week ago" and named[0].date.year is None


def test_written_year_is_never_replaced():
    refs = find_events("The Russian intervention in 2016 was debated.")
    ref = next(r for r in refs if r.named_event)
    assert timeline_date(ref, "2018-01-01") == (2016, None, "text")


def test_document_date_is_the_last_resort():
    [ref] = find_events("Rebels attacked the town.")[:1]
    assert timeline_date(ref, "2017-04-05") == (2017, 4, "document")


def test_sentence_without_event():
    assert find_events("Syria is an important country with a long history.") == []


def test_named_events_are_searched_only_with_the_patterns_a_sentence_can_match():
    """Trying only the patterns whose required strings a sentence holds finds exactly what all of them find."""
    from analysis.clean.segment import analysed_sentences
    from analysis.extract.alternation import trie_alternation
    from analysis.extract.events import _named_matches, _named_patterns
    from analysis.extract.matching import normalise_apostrophes
    from analysis.paths import DEFAULT_CORPUS

    everything = re.compile(rf"\b(?:{trie_alternation(_named_patterns().alternatives)})", re.IGNORECASE)
    extra = ["Russia's military intervention began in 2015.", "The fall of Damascus in December 2024.", "Nothing here."]
    sentences = [normalise_apostrophes(s.text) for s in analysed_sentences(DEFAULT_CORPUS.read_text(encoding="utf-8"))] + extra
    spans = [[(m.span(), m.lastgroup) for m in _named_matches(s)] for s in sentences]
    assert spans == [[(m.span(), m.lastgroup) for m in everything.finditer(s)] for s in sentences]
    assert sum(map(bool, spans)) >= 5


def test_trigger_matches_lists_every_trigger_with_its_type():
    text = "Rebels attacked the town; the attack was condemned in talks."
    matches = trigger_matches(text)
    assert [text[s:e] for _, s, e in matches][:2] == ["attacked", "attack"]
    assert {kind for kind, _, _ in matches} >= {"military_action", "negotiation_meeting"}

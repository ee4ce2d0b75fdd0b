import re

from analysis.extract.events import document_context, find_events, timeline_date, trigger_matches
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
    refs = find_events("The Russian intervention in Syria in 2016 was debated.")
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


def _types(text: str, **kwargs) -> dict[str, str]:
    return {text[s:e]: kind for kind, s, e in trigger_matches(text, **kwargs)}


def test_a_word_counts_for_the_sense_its_sentence_supports():
    assert _types("The computer virus attack hit thousands of e-mail users.")["attack"] == "cyber_technology"
    assert _types("Rebels attacked the army base with rockets.")["attacked"] == "military_action"
    assert _types("The opposition leader attacked the government's plans.")["attacked"] == "political_statement"
    assert _types("Labour's election campaign began with a poster.")["campaign"] == "political_process"
    assert _types("Workers went on strike over pay and pensions.")["on strike"] == "protest_unrest"
    assert _types("The strike by workers closed the port.")["strike"] == "protest_unrest"
    assert "Downing" not in _types("Downing Street said the army would stay.")


def test_a_phrase_around_the_trigger_refuses_a_sense():
    assert _types("The supermarkets are locked in a price war.").get("price war") == "economic_measure"
    assert "war" not in _types("Sony and Toshiba fought a format war over discs.")
    assert _types("The SARS virus spread to Canada.") == {}


def test_an_ambiguous_word_with_no_cue_counts_only_where_its_document_supports_it():
    sentence = "There was no claim of responsibility for the attack."
    assert "attack" not in _types(sentence)
    article = "Troops and rebels fought. Artillery shelled the town. Soldiers and militants were killed. " + sentence
    assert _types(sentence, document=document_context(article))["attack"] == "military_action"


def test_reporting_verbs_are_marked_as_such():
    from analysis.knowledge.lexicons import reporting_event_types

    assert reporting_event_types() == {"political_statement"}
    assert _types("The minister said so.")["said"] == "political_statement"


def test_a_named_event_counts_only_where_it_belongs():
    sentence = "A popular uprising swept the capital."
    assert not [r for r in find_events(sentence) if r.named_event], "no anchor: another country's uprising"
    syrian = "Syria was at war. Damascus and Aleppo were shelled. " + sentence
    [named] = [r for r in find_events(sentence, document=document_context(syrian)) if r.named_event]
    assert named.named_event.name == "Syrian uprising (2011)"
    assert not [r for r in find_events(sentence, document=document_context(syrian, "2005-03-01")) if r.named_event], "published before it"
    assert not [r for r in find_events("The Syrian uprising of 1982 was crushed.") if r.named_event], "a year before the event"


def test_the_default_catalogue_stays_silent_on_a_corpus_about_elsewhere():
    article = (
        "The Maidan uprising toppled the president in Kyiv in 2014. Months later a separatist uprising in the east "
        "of Ukraine began. By 2022 the Russian campaign was in chaos, and Moscow's intervention had stalled."
    )
    context = document_context(article, "2022-05-01")
    names = {r.named_event.name for s in article.split(". ") for r in find_events(s, document=context) if r.named_event}
    assert not names - {"Russian invasion of Ukraine"}, names

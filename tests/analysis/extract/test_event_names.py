from analysis.extract.event_names import canonical_names, event_name_key, find_event_names, head_type, with_model_events
from analysis.extract.events import find_events


def names(sentence: str, **spans) -> list[str]:
    return [n.text for n in find_event_names(sentence, **spans)]


def test_the_forms_of_an_event_name():
    assert names("The Battle of Zenda raged for a week.") == ["Battle of Zenda"]
    assert names("After the Strelsau accords were signed, the Zenda battle resumed.") == ["Strelsau accords", "Zenda battle"]
    assert names("Operation Blue Lantern began in the 2018 Ruritania offensive.") == ["Operation Blue Lantern", "2018 Ruritania offensive"]
    assert names("Banks failed in the 2008 financial crisis.") == ["2008 financial crisis"]


def test_words_that_open_no_name_are_trimmed_or_refused():
    assert names("Last week's summit failed.") == []
    assert names("After the Strelsau agreement held.") == ["Strelsau agreement"]
    assert names("The Freedonian offensive began.", demonyms=[(4, 15)]) == [], "a nationality names no event"
    assert names("John Smith talks to the press.", people=[(0, 10)]) == [], "a person who talks"
    assert names("Strelsau attacks the plan.") == [], "a subject and its verb"
    assert names("Freedonia's election was close.") == [], "an owner, not a name"
    assert names("Delegates from many countries met at the Zenda Conference.") == ["Zenda Conference"]
    assert names("Terrorist Rocket Attacks On Residential Areas In Zenda") == [], "a title-case headline"


def test_spellings_are_grouped_under_the_commonest():
    assert event_name_key("The Battle of Zenda") == event_name_key("the Zenda battle")
    assert event_name_key("Strelsau accords") == event_name_key("the Strelsau accord")
    shown = canonical_names(["the Battle of Zenda", "Zenda battle", "Battle of Zenda"])
    assert set(shown.values()) == {"Battle of Zenda"}


def test_a_name_written_with_its_year_joins_the_same_name_without_it():
    shown = canonical_names(["the 1921 Ruritania War", "the Ruritania War", "Ruritania war", "the 1921 Ruritania war"])
    assert set(shown.values()) == {"Ruritania War"}
    assert set(canonical_names(["the 2003 Zenda war", "the Zenda war"]).values()) == {"Zenda war"}


def test_names_dated_by_different_years_or_common_nouns_stay_apart():
    assert len(set(canonical_names(["the 2001 election", "the 2005 election", "the election"]).values())) == 3
    two_wars = canonical_names(["the 1921 Zenda Crisis", "the 1948 Zenda Crisis", "the Zenda Crisis"])
    assert len(set(two_wars.values())) == 3, "which year a plain 'Zenda Crisis' means is not known"


def test_a_written_name_names_its_reference_or_makes_one():
    sentence = "Troops fought in the Battle of Zenda."
    written = find_event_names(sentence)
    [named] = [r for r in find_events(sentence, written=written) if r.text_name]
    assert named.text_name == "Battle of Zenda" and named.event_type == "military_action"
    quiet = "Historians still write about the Strelsau accords."
    [agreement] = [r for r in find_events(quiet, written=find_event_names(quiet)) if r.text_name]
    assert agreement.event_type == "agreement_ceasefire"
    assert head_type(find_event_names("The Zenda summit opened.")[0]) == "negotiation_meeting"


def test_model_event_spans_join_the_names_found():
    sentence = "He served in World War II before the Zenda accords; the War ended."
    found = with_model_events(find_event_names(sentence), sentence, [(13, 25), (52, 59)])
    assert [n.text for n in found] == ["World War II", "Zenda accords"], "a one-word span is no name"

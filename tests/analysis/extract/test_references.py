"""Government descriptions ("the government") counted for their document's home state."""

from analysis.extract.references import government_references, home_state, resolve_references

STATES = frozenset({"Freedonia", "Sylvania"})


def _sentences(text: str) -> list[tuple[int, int, int]]:
    """One sentence per line, as (sentence_id, start, end)."""
    spans, at = [], 0
    for i, line in enumerate(text.split("\n")):
        spans.append((i, at, at + len(line)))
        at += len(line) + 1
    return spans


def _mentions(text: str, *names: str) -> list[tuple[str, int, int]]:
    """Every occurrence of each name as an (actor, start, end) mention."""
    found = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            found.append((name, at, at + len(name)))
            at = text.find(name, at + 1)
    return found


def test_home_state_must_lead_clearly() -> None:
    assert home_state(["Freedonia", "Freedonia", "Sylvania"]) == "Freedonia"
    assert home_state(["Freedonia", "Freedonia", "Sylvania", "Sylvania"]) is None  # a tie sets no scene
    assert home_state(["Freedonia"]) is None  # named once: too little to go on
    assert home_state([]) is None


def test_descriptions_are_found_in_any_case_but_not_before_of() -> None:
    text = "The Government said so. The government of Sylvania did not. The governments met. The government-backed fund grew."
    assert [text[s:e] for s, e in government_references(text, 0, len(text))] == ["The Government"]


def test_a_description_counts_for_the_state_its_document_names_most() -> None:
    text = "Freedonia's economy shrank.\nFreedonia and Sylvania trade.\nThe government wants to cut taxes, Freedonia says."
    found = resolve_references(text, _sentences(text), _mentions(text, "Freedonia", "Sylvania"), states=STATES)
    assert [(sentence_id, state, text[s:e]) for sentence_id, state, s, e in found] == [(2, "Freedonia", "The government")]


def test_no_home_state_no_resolution_and_the_corpus_home_only_where_no_state_is_named() -> None:
    even = "Freedonia met Sylvania.\nFreedonia and Sylvania talked.\nThe authorities want calm."
    assert resolve_references(even, _sentences(even), _mentions(even, "Freedonia", "Sylvania"), states=STATES, corpus_home="Freedonia") == []
    silent = "The administration plans a new tax."
    found = resolve_references(silent, _sentences(silent), [], states=STATES, corpus_home="Sylvania")
    assert [(state, silent[s:e]) for _, state, s, e in found] == [("Sylvania", "The administration")]
    assert resolve_references(silent, _sentences(silent), [], states=STATES) == []


def test_a_description_inside_another_mention_is_left_to_it() -> None:
    text = "Freedonia, Freedonia.\nThe Government Digital Service wants more staff."
    mentions = _mentions(text, "Freedonia") + [("Government Digital Service", 26, 52)]
    assert resolve_references(text, _sentences(text), mentions, states=STATES) == []


PEOPLE = frozenset({"Jo Bloggs", "Ann Other", "Sam Smith"})


def test_an_office_counts_for_the_one_person_the_document_titles_so() -> None:
    text = "Home Secretary Jo Bloggs spoke.\nThe home secretary wants new powers, said Ann Other.\nThe home secretary's plan failed."
    found = resolve_references(text, _sentences(text), _mentions(text, "Jo Bloggs", "Ann Other"), states=STATES, people=PEOPLE)
    assert [(sentence_id, actor, text[s:e]) for sentence_id, actor, s, e in found] == [
        (1, "Jo Bloggs", "The home secretary"), (2, "Jo Bloggs", "The home secretary"),
    ]


def test_an_office_two_people_hold_or_an_everyday_word_stays_unresolved() -> None:
    text = "President Jo Bloggs met President Ann Other.\nThe president wants a deal.\nGeneral Sam Smith backs the general election."
    found = resolve_references(text, _sentences(text), _mentions(text, "Jo Bloggs", "Ann Other", "Sam Smith"), states=STATES, people=PEOPLE)
    assert found == []


def test_an_office_before_a_name_or_of_a_place_is_not_a_reference() -> None:
    text = "Prime Minister Jo Bloggs arrived.\nThe Prime Minister of Sylvania and the prime minister Jo Bloggs met."
    found = resolve_references(text, _sentences(text), _mentions(text, "Jo Bloggs"), states=STATES, people=PEOPLE)
    assert found == []

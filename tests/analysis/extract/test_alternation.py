"""The trie-shaped alternation matches exactly like the plain one; required literals never rule out a match."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.clean.segment import analysed_sentences
from analysis.extract.alternation import required_literals, trie_alternation
from analysis.knowledge.lexicons import load_event_types, load_named_events
from analysis.paths import DEFAULT_CORPUS


def plain_alternation(alternatives: list[tuple[str, str]]) -> str:
    """The reference: letter-initial patterns first, then the rest, each in its named group, in order."""
    first = [(n, p) for n, p in alternatives if p[:1].isalpha() and p[1:2] not in ("?", "*", "+", "{")]
    rest = [(n, p) for n, p in alternatives if (n, p) not in first]
    return "|".join(f"(?P<{n}>{p})" for n, p in first + rest)


def found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


def both(alternatives: list[tuple[str, str]], wrap: str = r"\b(?:{})\b") -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(wrap.format(trie_alternation(alternatives)), re.IGNORECASE),
        re.compile(wrap.format(plain_alternation(alternatives)), re.IGNORECASE),
    )


def test_shared_beginnings_are_factored_out():
    source = trie_alternation([("a", "air ?strikes?"), ("b", "air ?raids?"), ("c", "attack(?:s|ed)?")])
    assert source == "a(?:ir(?:(?P<a> ?strikes?)|(?P<b> ?raids?))|ttack(?P<c>(?:s|ed)?))"


def test_order_is_kept_where_two_alternatives_can_match_the_same_text():
    # "war" is listed before "(?:w)arplanes" could take over; "wa" + group must not jump the queue.
    alternatives = [("early", "war"), ("group", "wa(?:r|rs)"), ("late", "warplanes")]
    trie, plain = both(alternatives, wrap="(?:{})")
    for text in ["war", "wars", "warplanes", "the warplanes and wars of war"]:
        assert found(trie, text) == found(plain, text)


def test_patterns_not_starting_with_a_letter_come_last_unchanged():
    alternatives = [("g", "(?:losing|lost) ground"), ("d", r"\d+ dead"), ("l", "lost")]
    trie, plain = both(alternatives)
    assert found(trie, "They lost ground; 12 dead.") == found(plain, "They lost ground; 12 dead.")


def test_a_top_level_bar_keeps_the_pattern_whole():
    trie, plain = both([("x", "foo|bar"), ("y", "baz")])
    assert found(trie, "bar foo baz") == found(plain, "bar foo baz") == [(0, 3, "x"), (4, 7, "x"), (8, 11, "y")]


def test_bad_group_names_are_refused():
    with pytest.raises(ValueError, match="group name"):
        trie_alternation([("not a name", "x")])


def lexicon_alternatives() -> list[list[tuple[str, str]]]:
    triggers = [(f"t{i}_{j}", p) for i, t in enumerate(load_event_types()) for j, p in enumerate(t.triggers)]
    named = [(f"e{i}_{j}", p.removeprefix("\\b")) for i, e in enumerate(load_named_events()) for j, p in enumerate(e.patterns)]
    return [triggers, named]


@pytest.mark.parametrize("which", [0, 1], ids=["triggers", "named events"])
def test_the_lexicons_match_alike_on_the_default_corpus(which):
    alternatives = lexicon_alternatives()[which]
    trie, plain = both(alternatives, wrap=r"\b(?:{})\b" if which == 0 else r"\b(?:{})")
    sentences = [s.text for s in analysed_sentences(DEFAULT_CORPUS.read_text(encoding="utf-8"))]
    assert sum(bool(found(plain, s)) for s in sentences) > 10
    for sentence in sentences:
        assert found(trie, sentence) == found(plain, sentence)


WORDS = [
    "war", "wars", "warplane", "air", "airstrike", "air strikes", "attack", "attacked", "at", "a", "the", "fall of aleppo", "Aleppo", "x",
]
PIECES = [
    "war", "wa", "air", "a", "at", "tack", "s?", "(?:s|ed)?", " ?", "(?:r|rs)", "plane", " strikes?", "[ae]", r"\w*", "(?:the )?", "x",
]


@settings(max_examples=300, deadline=None)
@given(
    patterns=st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join), min_size=1, max_size=8),
    words=st.lists(st.sampled_from(WORDS), max_size=12),
)
def test_random_alternations_match_alike(patterns, words):
    alternatives = [(f"p{i}", p) for i, p in enumerate(patterns)]
    trie, plain = both(alternatives)
    text = " ".join(words)
    assert found(trie, text) == found(plain, text)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bghouta (?:chemical )?attack\b", {"ghouta "}),
        (r"\b(?:russia's|russian) (?:air )?campaign\b", {"campaign"}),
        (r"\b(?:ousted|toppled) (?:the )?assad\b", {"ousted", "toppled"}),
        ("war|peace", {"war", "peace"}),
        ("a{2}bcd", {"bcd"}),
        ("(?:xyz){0,2}abc", {"abc"}),
        ("(?:xyz)+ab", {"xyz"}),
        ("ab(?=cde)fg", set()),
        ("war|x", set()),
        ("(?x) a b c d", set()),
        ("Khan Sheikhoun", {"khan sheikhoun"}),
        (r"[]x(]abc(?:de|fgh)", {"abc"}),
        (r"\(not a group\) words", {"not a group"}),
    ],
)
def test_required_literals(pattern, literals):
    assert required_literals(pattern) == literals


@settings(max_examples=300, deadline=None)
@given(
    pattern=st.lists(st.sampled_from(PIECES + ["(?:war|peace)", "|"]), min_size=1, max_size=6).map("".join),
    words=st.lists(st.sampled_from(WORDS), max_size=10),
)
def test_required_literals_never_rule_out_a_match(pattern, words):
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error:
        return
    text = " ".join(words)
    literals = required_literals(pattern)
    if literals and compiled.search(text):
        assert any(literal in text.casefold() for literal in literals)


def test_every_named_event_pattern_has_required_literals():
    """So the cheap test in front of the named-event search can rule sentences out at all."""
    assert all(required_literals(p) for e in load_named_events() for p in e.patterns)


@pytest.mark.parametrize(
    ("alternatives", "text"),
    [
        ([("p1", "wax"), ("p2", "War"), ("p3", "wars?")], "war"),  # the same letter in another case keeps its turn
        ([("p0", "WW"), ("p1", "war(?:s|ed)?"), ("p2", "W")], "war"),
        ([("a", "foo|bar"), ("b", "bar")], "bar"),  # a letter-initial pattern with a top-level bar keeps its place
        ([("a", "foo|bars?"), ("b", "bar")], "bars"),
        ([("p", "xy"), ("q", "ab"), ("r", r"x(c)\4")], "xcc"),  # numbered references: left unfactored
        ([("n", "ab(?#(x)|cd")], "cd"),  # brackets inside a comment are text
        ([("n", "abcd(?#[)|xyz(?#])")], "xyz"),
    ],
)
def test_review_counterexamples_match_alike(alternatives, text):
    try:
        plain = re.compile(rf"\b(?:{plain_alternation(alternatives)})\b", re.IGNORECASE)
    except re.error:
        with pytest.raises(re.error):
            re.compile(rf"\b(?:{trie_alternation(alternatives)})\b", re.IGNORECASE)
        return
    trie = re.compile(rf"\b(?:{trie_alternation(alternatives)})\b", re.IGNORECASE)
    assert found(trie, text) == found(plain, text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"caf\u00e9 attack", "Café attack"),
        (r"\x41leppo", "Aleppo"),
        (r"ab\N{EM DASH}cd", "ab—cd"),
        (r"\101leppo siege", "Aleppo siege"),
        ("abcd(?#[)|xyz(?#])", "xyz"),
        ("ab(?#(x)|cd", "cd"),
        ("idlib", "İdlib"),
        ("idlib", "IDLıB"),
    ],
)
def test_required_literals_hold_for_escapes_comments_and_dotted_capitals(pattern, text):
    from analysis.extract.alternation import fold_case

    assert re.search(pattern, text, re.IGNORECASE)
    literals = required_literals(pattern)
    assert not literals or any(literal in fold_case(text) for literal in literals)

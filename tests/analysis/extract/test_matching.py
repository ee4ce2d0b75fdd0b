from analysis.extract.matching import AliasMatcher, normalise_apostrophes


def find(matcher, text):
    return [(m.key, text[m.start : m.end]) for m in matcher.find(text)]


def test_longest_leftmost_and_ignore_phrases():
    matcher = AliasMatcher([("Assad", "A"), ("Assad regime", "S"), ("Hafez al-Assad", None), ("al-Assad", "A")])
    assert find(matcher, "the Assad regime and Hafez al-Assad and al-Assad") == [("S", "Assad regime"), ("A", "al-Assad")]


def test_acronyms_keep_their_case_and_words_do_not():
    matcher = AliasMatcher([("US", "U"), ("rebels", "R")])
    assert find(matcher, "tell us: US and Rebels") == [("U", "US"), ("R", "Rebels")]


def test_case_sensitive_list():
    matcher = AliasMatcher([("Turkey", "T")], case_sensitive=["Turkey"])
    assert find(matcher, "roast turkey in Turkey") == [("T", "Turkey")]


def test_apostrophes_and_possessives():
    matcher = AliasMatcher([("Russia", "R"), ("Hay'at Tahrir al-Sham", "H")], bare_possessive=True)
    text = "Russia’s and Russia's and Russias, Hay’at Tahrir al-Sham"
    assert find(matcher, text) == [("R", "Russia"), ("R", "Russia"), ("R", "Russia"), ("H", "Hay’at Tahrir al-Sham")]
    assert len(normalise_apostrophes(text)) == len(text)


def test_every_apostrophe_form_is_normalised_and_plain_text_is_returned_as_is():
    assert normalise_apostrophes("Russia’s ‘Assad` ʼs") == "Russia's 'Assad' 's"
    plain = "Russia's war"
    assert normalise_apostrophes(plain) is plain


def test_bare_possessive_only_after_a_capitalised_alias():
    matcher = AliasMatcher([("the opposition", "O"), ("oppositions", "O"), ("regime", "S")], bare_possessive=True)
    assert find(matcher, "the oppositions route; the regimes of old") == [("O", "oppositions")]


def test_headline_capitals_are_not_acronyms():
    matcher = AliasMatcher([("US", "U")])
    assert find(matcher, "RUSSIA WARNS US OVER STRIKES") == []
    assert find(matcher, "the US said") == [("U", "US")]

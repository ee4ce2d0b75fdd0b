from analysis.clean.noise import english_likeness, find_cut_words, find_gibberish, find_markup_noise


def test_wire_codes_and_footnote_marks():
    text = "coast. [nL8N1RO176][nL8N1QV5LM] Russia began [345] On 19 September [] x [12, 13] y [a]"
    kinds = [(s.kind, s.text) for s in find_markup_noise(text)]
    assert kinds == [
        ("wire_code", "[nL8N1RO176]"),
        ("wire_code", "[nL8N1QV5LM]"),
        ("footnote_mark", "[345]"),
        ("footnote_mark", "[]"),
        ("footnote_mark", "[12, 13]"),
        ("footnote_mark", "[a]"),
    ]


def test_bracketed_words_are_not_noise():
    assert find_markup_noise("He said [the army] left, see [Reuters].") == []


def test_gibberish_run_is_found_and_names_are_not():
    tail = "has not accepted its jurisdiction. dkt thwdk htmbyt lttc jdnps ebmmue zxbun zaex fkxm ykax"
    spans = find_gibberish(tail)
    assert [s.text for s in spans] == ["dkt thwdk htmbyt lttc jdnps ebmmue zxbun zaex fkxm ykax"]
    names = "Khmeimim Hmeimim Qamishli Jabhat Fateh al-Sham Hayat Tahrir al-Sham Deir ez-Zor Brzezinski Mkhitaryan"
    assert find_gibberish(names) == []


def test_gibberish_needs_a_run_not_one_odd_word():
    assert find_gibberish("the pkk and ypg and sdf were there") == []
    assert english_likeness("intervention") > english_likeness("thwdk")


def test_non_latin_text_is_never_gibberish():
    assert find_gibberish("Россия хочет сохранить базы в Сирии и влияние на Ближнем Востоке") == []
    assert find_gibberish("روسيا تريد الحفاظ على قواعدها في سوريا") == []


def test_cut_words():
    assert [s.text for s in find_cut_words("Putin’s regime launch ed a major initiative, add ing more")] == ["launch ed", "add ing"]
    assert find_cut_words("Ed and Ing met; the ed said") == []

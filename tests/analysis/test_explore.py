import pytest

from analysis.explore import SentenceFilter, filter_sentences, match_spans, sentence_table


@pytest.fixture(scope="module")
def table(default_analysis):
    return sentence_table(default_analysis)


def test_one_row_per_sentence(table, default_analysis):
    assert len(table) == len(default_analysis.sentences)
    assert table["actors"].str.startswith("|").all()


def test_actor_any_and_all(table):
    russia = filter_sentences(table, SentenceFilter(actors=("Russia",)))
    both = filter_sentences(table, SentenceFilter(actors=("Russia", "Iran"), all_actors=True))
    either = filter_sentences(table, SentenceFilter(actors=("Russia", "Iran")))
    assert len(both) < len(russia) <= len(either)
    assert both["actors"].str.contains("|Iran|", regex=False).all()


def test_counts_match_the_actor_table(table, default_analysis):
    counts = default_analysis.actor_counts.set_index("actor")["sentences"]
    for actor in ("Russia", "Turkey", "HTS"):
        assert len(filter_sentences(table, SentenceFilter(actors=(actor,)))) == counts[actor]


def test_keyword_year_place_and_text(table):
    tartus = filter_sentences(table, SentenceFilter(keyword="naval base"))
    assert len(tartus) > 0 and tartus["text"].str.contains("naval base", case=False).all()
    in_2015 = filter_sentences(table, SentenceFilter(years=(2015, 2015)))
    assert len(in_2015) > 0 and in_2015["years"].str.contains("|2015|", regex=False).all()
    aleppo = filter_sentences(table, SentenceFilter(places=("Aleppo",)))
    assert aleppo["text"].str.contains("Aleppo").all()
    literal = filter_sentences(table, SentenceFilter(text="(.*"))
    assert literal.empty  # free text is literal, never a regular expression


def test_keyword_spans_allow_possessive_and_plural_but_not_longer_words():
    text = "Russia’s military bases; warfare; the military base"
    assert [text[a:b] for a, b in match_spans(text, keyword="Russia military")] == ["Russia’s military"]
    assert [text[a:b] for a, b in match_spans(text, keyword="military base")] == ["military bases", "military base"]
    assert match_spans(text, keyword="war") == []
    mixed = "İstanbul and ISTANBUL"  # "İ".lower() is two characters: spans must still slice the original
    assert [mixed[a:b] for a, b in match_spans(mixed, literal="istanbul")] == ["İstanbul", "ISTANBUL"]


def test_keyword_filter_finds_every_counted_occurrence(default_analysis, table):
    for row in default_analysis.keywords.head(15).itertuples():
        found = filter_sentences(table, SentenceFilter(keyword=row.keyword))
        occurrences = sum(len(match_spans(text, keyword=row.keyword)) for text in found["text"])
        assert occurrences == row.count, row.keyword


def test_bad_year_range(table):
    with pytest.raises(ValueError):
        filter_sentences(table, SentenceFilter(years=(2020, 2010)))

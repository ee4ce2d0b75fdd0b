import pandas as pd
import pytest

from analysis.extract.keywords import keyword_spans
from analysis.query.explore import SentenceFilter, filter_sentences, match_spans, sentence_table, sentence_words


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
    mentions = default_analysis.mentions
    for row in default_analysis.keywords.head(15).itertuples():
        found = filter_sentences(table, SentenceFilter(keyword=row.keyword))
        if row.actor:  # a keyword naming an actor counts the actor's mentions, by any of its names
            keys = set(zip(found["doc_id"], found["sentence_id"]))
            in_found = pd.Series([k in keys for k in zip(mentions["doc_id"], mentions["sentence_id"])], index=mentions.index)
            named = mentions[(mentions["actor"] == row.actor) & in_found]
            assert len(named) == row.count, row.keyword
        else:
            occurrences = sum(len(match_spans(text, keyword=row.keyword)) for text in found["text"])
            assert occurrences == row.count, row.keyword
    assert (default_analysis.keywords.head(15)["actor"] != "").any() and (default_analysis.keywords.head(15)["actor"] == "").any()


def test_bad_year_range(table):
    with pytest.raises(ValueError):
        filter_sentences(table, SentenceFilter(years=(2020, 2010)))


# The definition the keyword counts use: a sentence has the keyword where keyword_spans finds it,
# or names the actor whose name the keyword is.
def reference_keyword_rows(table, keyword):
    return table[[bool(keyword_spans(t, keyword)) or f"|{keyword.strip()}|" in actors for t, actors in zip(table["text"], table["actors"])]]


def sentences(*texts, years=None):
    """A small explorer table of these texts (no actors, event types or places)."""
    frame = pd.DataFrame({
        "doc_id": "d", "sentence_id": range(len(texts)), "title": "", "source": "", "date": "", "start": 0, "end": 0,
        "text": list(texts), "actors": "|", "event_types": "|", "years": years or ["|"] * len(texts), "places": "|",
    })
    return frame.assign(words=sentence_words(frame["text"]))


VARIANTS = [
    "Russia", "russia's", "RUSSIA’S", "military", "militaries", "naval base", "naval bases", "Russia's base", "bases",
    "Russia military", "civil war", "Syrian civil war", "al-Assad", "Assad’s forces", "countries", "U.S.", "war", "!!!",
]


def test_words_column_holds_the_keyword_tokens(table):
    assert list(table.columns[-1:]) == ["words"]
    words = sentence_words(pd.Series(["Russia’s military BASES; al-Assad's forces.", ""]))
    assert list(words) == [" russia military bases al-assad forces ", "  "]


@pytest.mark.parametrize("keyword", VARIANTS)
def test_keyword_filter_equals_keyword_spans(table, keyword):
    expected = reference_keyword_rows(table, keyword)
    pd.testing.assert_frame_equal(filter_sentences(table, SentenceFilter(keyword=keyword)), expected)
    # A table without the helper column (built by hand, or cached before it existed) gives the same rows.
    bare = table.drop(columns="words")
    pd.testing.assert_frame_equal(filter_sentences(bare, SentenceFilter(keyword=keyword)), expected.drop(columns="words"))


def test_keyword_forms_and_misses():
    table = sentences(
        "Two spies were caught.", "The spy left.", "Russia’s military BASES were hit", "the base's gate", "glasses and boxes",
        "a baseline", "İstanbul talks", "military-base", "Militaries' budgets",
    )
    for keyword in ("spy", "spies", "base", "Russia military base", "glass", "boxes", "İstanbul", "military base", "military", "line"):
        found = filter_sentences(table, SentenceFilter(keyword=keyword))
        pd.testing.assert_frame_equal(found, reference_keyword_rows(table, keyword), obj=keyword)
    assert list(filter_sentences(table, SentenceFilter(keyword="bases"))["sentence_id"]) == [2, 3]
    # What keyword counts count, the filter lists: "spies" for "spy", a dotted capital I.
    assert list(filter_sentences(table, SentenceFilter(keyword="spy"))["sentence_id"]) == [0, 1]
    assert list(filter_sentences(table, SentenceFilter(keyword="İstanbul"))["sentence_id"]) == [6]


def test_combined_filters_on_a_concatenated_table(table):
    # pd.concat leaves Arrow columns in many chunks: results must not depend on it.
    big = pd.concat([table] * 3, ignore_index=True)
    chosen = SentenceFilter(actors=("Russia",), keyword="military", years=(1900, 2030), text="the")
    one = filter_sentences(table, chosen)
    assert len(one) > 0
    expected = pd.concat([one.set_axis(one.index + i * len(table)) for i in range(3)])
    pd.testing.assert_frame_equal(filter_sentences(big, chosen), expected)


def test_year_ranges_match_whole_years_only():
    cells = ["|2015|", "|1999|2024|", "|", "|-5|0|", "|20150|", "|2015.0|", "|02015|", "|-0|", "2015|2016"]
    table = sentences(*"abcdefghi", years=cells)
    for first, last in ((2015, 2015), (2000, 2030), (1, 3000), (-10, 0), (-5, -5), (2016, 2023)):
        expected = [i for i, cell in enumerate(table["years"]) if any(f"|{y}|" in cell for y in range(first, last + 1))]
        assert list(filter_sentences(table, SentenceFilter(years=(first, last)))["sentence_id"]) == expected, (first, last)


def test_no_filter_empty_results_and_literal_text(table):
    pd.testing.assert_frame_equal(filter_sentences(table, SentenceFilter()), table)
    nothing = filter_sentences(table, SentenceFilter(actors=("Russia",), keyword="zzzqqq"))
    assert nothing.empty and list(nothing.columns) == list(table.columns)
    assert filter_sentences(table, SentenceFilter(keyword="!!!")).empty  # no word: nothing matches
    dots = sentences("U.S. forces", "UxS forces")
    assert list(filter_sentences(dots, SentenceFilter(text="u.s."))["sentence_id"]) == [0]

import pandas as pd
import pytest

from analysis import analyze, corpus_from_texts
from analysis.extract.motives import OTHER_THEME, motive_sentences, motive_themes
from analysis.query.explore import sentence_table


def motives_of(text: str, actor: str) -> list[str]:
    analysis = analyze(corpus_from_texts([text]))
    found = motive_sentences(sentence_table(analysis), analysis.mentions, actor)
    return list(found["text"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia wants to keep its naval base at Tartus.",
        "Moscow seeks a permanent foothold on the Mediterranean.",
        "Russia and Iran aim to keep Assad in power.",
        "Russia's main goal is to stay a great power.",
        "The Kremlin's strategic interests include the port.",
        "The goal of Russia is to weaken the West.",
        "Russia intervened in 2015 in order to save its ally.",
        "For Moscow, the intervention was proof of its status.",
        "Syria is important to Russia because of the bases.",
        "Russian strategy aims at influence.",
    ],
)
def test_sentences_where_the_actor_wants(sentence):
    assert motives_of(sentence, "Russia") == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Turkey wants Russia to leave the region.",
        "Israel is trying to contain Russia's presence.",
        "The West seeks to isolate Russia.",
        "Iran's goal is to push Russia out.",
        "Russia spoke; Turkey wants a buffer zone.",
        "Russia held talks with Turkey.",
    ],
)
def test_sentences_where_the_actor_is_wanted_or_only_named(sentence):
    assert motives_of(sentence, "Russia") == []


def test_the_wanter_in_a_mixed_sentence():
    sentence = "Turkey wants Russia to leave the region."
    assert motives_of(sentence, "Turkey") == [sentence]


def test_themes_group_and_label_the_default_corpus(default_analysis):
    found = motive_sentences(sentence_table(default_analysis), default_analysis.mentions, "Russia")
    themes = {t.name: t for t in motive_themes(found)}
    assert len(found) >= 25
    for name in ("Military bases and presence", "Keeping an ally in power", "Influence and great-power status", "Leverage and bargaining"):
        assert name in themes and len(themes[name].sentences) >= 2, name
    assert all(t.keywords for n, t in themes.items() if n != OTHER_THEME)
    assert "Access to the sea and routes" in themes
    bases = " ".join(themes["Military bases and presence"].sentences["text"]).lower()
    assert "base" in bases
    assert set(pd.concat([t.sentences for t in themes.values()]).index) == set(found.index), "every motive sentence has a theme"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia blocked the plans of the rebels.",
        "The West criticised Russia over its aims.",
        "There are no plans for Russia to stay.",
        "Russia's opponents want it gone.",
        "The coalition, backed by Russia's enemies, wants a new order.",
        "Iran, not Russia, wants the corridor.",
        "Does Russia really want to stay in Syria?",
    ],
)
def test_review_cases_that_are_not_russias_motives(sentence):
    assert motives_of(sentence, "Russia") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow, which has backed Damascus for years, seeks a lasting deal.",
        "Neither Iran nor Russia wants a wider war.",
        "Russia is pushing for a ceasefire in Idlib.",
    ],
)
def test_review_cases_that_are_russias_motives(sentence):
    assert motives_of(sentence, "Russia") == [sentence]


def test_hand_labelled_set_written_without_the_code():
    """tests/gold/motives_gold.jsonl (see tests/gold/MOTIVES.md); first run before any tuning: precision 0.93, recall 0.66."""
    import sys

    from analysis.paths import PROJECT_ROOT

    sys.path.insert(0, str(PROJECT_ROOT / "bench"))
    from evaluate_motives import predictions, scores

    result = scores(predictions())
    assert result["lines"] >= 80
    assert result["precision"] >= 0.85 and result["recall"] >= 0.65, result


@pytest.mark.parametrize(
    ("sentence", "actor", "wants"),
    [
        # The subject of the wanting verb, as the parse gives it, is the one wanting.
        ("France has unveiled a points system for migrants who want to work in Germany.", "France", False),
        ("France, Germany, Austria and the Netherlands want the budget capped.", "Austria", True),
        ("France said it wanted a cap on the budget.", "France", True),
        ("Officials in Paris met Germany on Monday to consider proposals aimed at cutting the budget.", "Germany", False),
        ("Mr Blair said the aim was to preserve tradition.", "Tony Blair", False),
        ("Most Republicans, however, want them to stay in place.", "Republicans", False),
        ("Germany, not France, wants the corridor.", "France", False),
        # A noun carries its name words only where it acts for them ("German troops"), not a class ("French companies").
        ("Analysts said French companies, keen to protect their margins, hired fewer staff.", "France", False),
        ("A German firm is looking to attract more customers.", "Germany", False),
        ("German troops want to hold the airport.", "Germany", True),
        # An adverb inside "is keen to", and a phrase set off right after the name by a comma or a dash.
        ("Germany is particularly keen to cut the budget.", "Germany", True),
        ("A day earlier, Germany - keen to reassure investors - said little would change.", "Germany", True),
        # A goal noun with its holder: "X's call", "X plans", "its call" (the clause's subject), "X has plans".
        ("He rejected Germany's call for a quota on migrants.", "Germany", True),
        ("Germany made its call for stronger powers in a paper for parliament.", "Germany", True),
        ("France has plans to extend the scheme to remote regions.", "France", True),
    ],
)
def test_the_one_wanting_is_the_subject_or_the_holder(sentence, actor, wants):
    assert motives_of(sentence, actor) == ([sentence] if wants else [])

import math
from collections import Counter

import pytest

from analysis.query.compare import log_odds, term_counts, terms


def test_log_odds_matches_a_hand_computation():
    a = Counter({"base": 3, "port": 1})
    b = Counter({"base": 1, "oil": 3})
    # Prior: A and B together (base 4, port 1, oil 3; total 8) scaled to alpha_0 = 8, so alpha_w = the pooled counts.
    table = log_odds(a, b, prior_size=8).set_index("term")
    n_a = n_b = 4
    alpha0 = 8
    alpha = {"base": 4, "port": 1, "oil": 3}
    for term, y_a, y_b in (("base", 3, 1), ("port", 1, 0), ("oil", 0, 3)):
        al = alpha[term]
        delta = math.log((y_a + al) / (n_a + alpha0 - y_a - al)) - math.log((y_b + al) / (n_b + alpha0 - y_b - al))
        variance = 1 / (y_a + al) + 1 / (y_b + al)
        assert table.loc[term, "delta"] == pytest.approx(delta)
        assert table.loc[term, "variance"] == pytest.approx(variance)
        assert table.loc[term, "z"] == pytest.approx(delta / math.sqrt(variance))
    # By hand for "base": log(7/5) - log(5/7) = 2 log 1.4 = 0.6729; variance 1/7 + 1/5 = 0.3429; z = 1.149
    assert table.loc["base", "delta"] == pytest.approx(0.67294, abs=1e-4)
    assert table.loc["base", "z"] == pytest.approx(1.14920, abs=1e-4)
    assert list(log_odds(a, b, prior_size=8)["term"])[0] in {"base", "port"} and table.loc["oil", "z"] < 0


def test_log_odds_is_antisymmetric_and_checks_its_arguments():
    a, b = Counter({"x": 5, "y": 1}), Counter({"x": 1, "y": 5, "z": 2})
    forward = log_odds(a, b).set_index("term")["z"]
    backward = log_odds(b, a).set_index("term")["z"]
    assert (forward + backward).abs().max() < 1e-9
    with pytest.raises(ValueError):
        log_odds(Counter(), b)
    with pytest.raises(ValueError):
        log_odds(a, b, prior_size=0)


def test_terms_drop_stopwords_and_possessives():
    assert terms("Russia's bases and the port of Tartus") == ["russia", "bases", "port", "tartus"]
    assert "naval base" in terms("Russia keeps a naval base", ngram=2)
    assert term_counts(["Russia, Russia", "Iran"]) == Counter({"russia": 2, "iran": 1})


def test_a_multi_word_actor_name_is_one_term_not_its_words(default_analysis):
    from analysis.query.compare import compare_actors, name_pattern, terms
    from analysis.query.explore import sentence_table

    names = name_pattern(default_analysis.mentions)
    assert terms("President Bashar al-Assad's forces met Vladimir Putin.", names=names) == ["president", "forces", "met", "bashar al-assad", "vladimir putin"]
    assert terms("President Bashar al-Assad's forces met.") == ["president", "bashar", "al-assad", "forces", "met"], "without names: words"
    comparison = compare_actors(sentence_table(default_analysis), default_analysis, ["Russia", "Syria"])
    every_term = {term for table in comparison.terms.values() for term in table["term"]}
    assert not every_term & {"bashar", "al-assad", "vladimir"}, every_term

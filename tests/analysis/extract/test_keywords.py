import pytest

from analysis.extract.keywords import extract_keywords, keyword_key


def test_extract_keywords_contract():
    text = "Russia wants naval bases in Syria. Russia's naval base at Tartus matters. The Tartus naval base is Russia's only Mediterranean port."
    keywords = extract_keywords(text, top=5)
    assert 1 <= len(keywords) <= 5
    assert all(isinstance(k, str) and isinstance(s, float) for k, s in keywords)
    assert [s for _, s in keywords] == sorted(s for _, s in keywords)
    with pytest.raises(ValueError):
        extract_keywords(text, top=0)


def test_variants_share_a_key():
    assert keyword_key("Russia's") == keyword_key("russia") == keyword_key("Russia’s")
    assert keyword_key("naval bases") == keyword_key("Naval base")


def test_default_corpus_top_keywords_are_clean(default_analysis):
    top = default_analysis.keywords.head(20)
    lowered = [k.lower() for k in top["keyword"]]
    keys = [keyword_key(k) for k in top["keyword"]]
    assert len(set(keys)) == len(keys), "case/possessive/plural twins merged"
    assert "russia" in lowered and "syria" in lowered
    assert not any(k.isdigit() for k in lowered)
    for junk in ("undermine russia russia", "assad incentivizing russia", "ykax", "nl8n1ro176"):
        assert junk not in lowered
    assert (top["count"] >= 1).all() and list(top["rank"]) == list(range(1, len(top) + 1))
    assert list(top["score"]) == sorted(top["score"])


def test_no_keyword_crosses_a_sentence(default_analysis):
    sentences = " \n ".join(default_analysis.sentences["text"]).lower()
    for keyword in default_analysis.keywords.head(30)["keyword"]:
        words = keyword.lower().replace("’s", "").replace("'s", "").split()
        assert all(w in sentences for w in words)


def test_words_common_in_any_english_rank_lower():
    from analysis.extract.keywords import background_weighted, phrase_rarity

    assert phrase_rarity("people") < phrase_rarity("minister") < phrase_rarity("broadband") < phrase_rarity("zzyzxq")
    assert background_weighted(0.1, "people") > 0.1
    assert background_weighted(0.1, "broadband") == background_weighted(0.1, "zzyzxq") == 0.1
    # A phrase is as rare as its rarest word.
    assert background_weighted(0.1, "people broadband") == 0.1


def assert_top_keywords_name_things_once(keywords):
    from analysis.extract.keyword_names import is_only_titles, untitled

    top = keywords.head(20)
    named = top[top["actor"] != ""]
    assert named["actor"].is_unique and (named["keyword"] == named["actor"]).all()
    for keyword in top["keyword"]:
        assert untitled(keyword) == keyword or keyword in set(named["keyword"]), f"title-prefixed name: {keyword}"
        assert not is_only_titles(keyword)
    surnames = {name.split()[-1] for name in named["keyword"] if " " in name}
    assert not surnames & set(named["keyword"]), "a bare surname beside the full name"
    names = [k for k in top["keyword"] if all(w[:1].isupper() for w in k.split())]
    for keyword in top[(top["actor"] == "") & top["keyword"].str[:1].str.isupper()]["keyword"]:
        better = names[: names.index(keyword)] if keyword in names else names
        assert not any(keyword.endswith(" " + n) or (" " not in keyword and n.endswith(" " + keyword)) for n in better), keyword
    phrases = top[top["keyword"].str.contains(" ")]
    assert (phrases["count"] >= 2).all(), "a phrase written once (two snippets glued) is not a corpus keyword"


def test_corpus_top_keywords_name_things_once(default_analysis):
    assert "actor" in default_analysis.keywords.columns
    assert_top_keywords_name_things_once(default_analysis.keywords)
    assert "Russian fighter Syria" not in set(default_analysis.keywords.head(20)["keyword"])


def test_fakes_top_keywords_name_things_once(fakes_analysis):
    assert_top_keywords_name_things_once(fakes_analysis.keywords)


def test_datelines_and_bylines_are_not_keywords():
    text = (
        "By Rudolf Rassendyll, Strelsau correspondent\n"
        "ZENDA (Wirenews) - The harbour authority plans a new harbour wall. "
        "STRELSAU, Ruritania (Wirenews) — The harbour wall will cost more than the old harbour.\n"
        "ZENDA, (ZNA) – Harbour workers went on strike over the harbour plan."
    )
    found = {k.lower() for k, _ in extract_keywords(text, top=20)}
    assert "harbour" in found
    assert not {"wirenews", "zna", "rudolf rassendyll", "strelsau correspondent"} & found


def _keyword_lists(n_documents: int) -> list:
    import random
    from collections import Counter

    from analysis.extract.keywords import KeywordGroup

    rng = random.Random(7)
    words = ["naval base", "ceasefire", "gas pipeline", "airstrikes", "Tartus", "sanctions", "election", "pipeline"]
    return [
        [KeywordGroup(w.lower(), rng.uniform(1e-4, 0.9), Counter({w: rng.randint(1, 3)})) for w in rng.sample(words, rng.randint(0, 5))]
        for _ in range(n_documents)
    ]


def test_tallies_of_parts_merge_to_the_whole_exactly():
    from analysis.extract.keywords import keyword_tally, merge_document_keywords

    lists = _keyword_lists(40)
    whole = merge_document_keywords(lists, min_documents=2)
    assert whole and [g.score for g in whole] == sorted(g.score for g in whole)
    for cuts in ([20], [1, 2, 39], [5, 10, 15, 30]):
        bounds = [0, *cuts, len(lists)]
        tallies = [keyword_tally(lists[a:b]) for a, b in zip(bounds, bounds[1:])]
        right = tallies[-1]
        for tally in reversed(tallies[:-1]):  # grouped from the right: (a + (b + c)), not ((a + b) + c)
            right = tally.update(right)
        merged = right.corpus_keywords(min_documents=2)
        assert [(g.key, g.score, g.surfaces, g.keyword) for g in merged] == [(g.key, g.score, g.surfaces, g.keyword) for g in whole]

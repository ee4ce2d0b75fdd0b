import pandas as pd
import pytest

from analysis import analyze, corpus_from_texts
from analysis.engines.pipeline import DOCUMENT_COLUMNS, KEYWORD_COLUMNS, SENTENCE_COLUMNS
from analysis.extract.events import EVENT_COLUMNS


def test_tables_have_documented_columns(default_analysis):
    assert list(default_analysis.documents.columns) == DOCUMENT_COLUMNS
    assert list(default_analysis.sentences.columns) == SENTENCE_COLUMNS
    assert list(default_analysis.keywords.columns) == KEYWORD_COLUMNS
    assert list(default_analysis.events.columns) == EVENT_COLUMNS
    assert {"doc_id", "sentence_id", "actor", "surface", "start", "end"} <= set(default_analysis.mentions.columns)
    assert {"doc_id", "sentence_id", "place", "surface", "lat", "lon"} <= set(default_analysis.places.columns)


def test_every_mention_slices_back_and_sits_in_its_sentence(default_analysis, default_corpus):
    text = default_corpus.documents[0].text
    sentences = default_analysis.sentences.set_index("sentence_id")
    for row in default_analysis.mentions.itertuples():
        assert text[row.start : row.end] == row.surface
        sentence = sentences.loc[row.sentence_id]
        assert sentence.start <= row.start and row.end <= sentence.end


def test_default_corpus_events_and_places(default_analysis):
    events = default_analysis.events
    assert len(events) > 50
    years = set(events["year"].dropna().astype(int))
    assert {2011, 2013, 2015} <= years
    assert "Russian military intervention in Syria" in set(events["named_event"])
    assert "Fall of the Assad regime" in set(events["named_event"])
    places = set(default_analysis.places["place"])
    assert {"Aleppo", "Damascus"} <= places


def test_no_noise_in_any_output(default_analysis):
    for frame in (default_analysis.sentences, default_analysis.keywords, default_analysis.mentions, default_analysis.events):
        blob = frame.astype(str).to_csv()
        for noise in ("nL8N1RO176", "[345]", "ykax", "thwdk", "zxbun"):
            assert noise not in blob


def test_empty_and_actorless_corpora():
    result = analyze(corpus_from_texts(["", "   ", "The weather was mild and the harvest was good this autumn."]))
    assert result.mentions.empty and result.actor_counts.empty
    assert len(result.documents) == 3
    assert isinstance(result.keywords, pd.DataFrame)


def test_same_output_run_after_run():
    corpus = corpus_from_texts(["Russia and Iran met in Astana in 2017. Turkey said talks would go on."] * 2 + ["Israel struck Damascus."])
    first, second = analyze(corpus), analyze(corpus)
    for name in ("sentences", "mentions", "keywords", "events", "places"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))


def test_a_corpus_too_small_for_boilerplate_skips_line_keys_and_nothing_else(monkeypatch):
    import analysis.engines.pipeline
    from analysis.clean.cleaning import clean_document
    from analysis.engines.pipeline import analyse_document
    from analysis.knowledge.lexicons import load_actor_lexicon

    item, _ = clean_document(corpus_from_texts(["Short URL: x. Russia and Iran met in Astana in 2017."]).documents[0])
    with_keys = analyse_document(item, load_actor_lexicon(packs=["syria"]), frozenset())
    without = analyse_document(item, load_actor_lexicon(packs=["syria"]), frozenset(), line_keys=False)
    assert with_keys.line_keys and not without.line_keys
    same = ("sentences", "mentions", "events", "places")
    assert [getattr(with_keys, f) for f in same] == [getattr(without, f) for f in same]

    keyed = []
    key = analysis.engines.pipeline.boilerplate_key
    monkeypatch.setattr(analysis.engines.pipeline, "boilerplate_key", lambda sentence: keyed.append(sentence) or key(sentence))
    texts = ["Short URL: x. Russia met Iran.", "Short URL: x. Turkey met Iran.", "Short URL: x. Iraq met Iran."]
    assert analyze(corpus_from_texts(texts[:2]), workers=1).cleaning.get("boilerplate_lines") == [] and not keyed
    assert analyze(corpus_from_texts(texts), workers=1).cleaning["boilerplate_lines"] == ["short url: x."] and keyed


def test_bad_ngram():
    with pytest.raises(ValueError):
        analyze(corpus_from_texts(["x"]), ngram=4)


@pytest.mark.slow
def test_fakes_corpus(fakes_analysis):
    docs = fakes_analysis.documents
    assert len(docs) == 804
    assert docs["date"].str.match(r"\d{4}-\d{2}-\d{2}").all()
    assert len(fakes_analysis.cleaning["duplicate_documents"]) >= 15
    assert fakes_analysis.sentences["text"].str.len().max() <= 600
    counts = fakes_analysis.actor_counts.set_index("actor")["mentions"]
    assert counts["Syria"] > counts["Russia"] > 0
    assert fakes_analysis.events["date_basis"].eq("document").any()


def test_long_line_without_spaces_is_cut_not_fused():
    import random
    import string

    rng = random.Random(7)
    blob = "".join(rng.choice(string.ascii_letters) for _ in range(200_000))
    result = analyze(corpus_from_texts([blob]))
    assert result.sentences["text"].str.len().max() <= 600
    assert result.sentences["start"].iloc[0] == 0 and result.sentences["end"].iloc[-1] == len(blob)


def test_keywords_for_a_subset_and_another_ngram(default_analysis):
    from analysis.engines.pipeline import keywords_for

    same, _ = keywords_for(default_analysis, ngram=3)
    assert same is default_analysis.keywords
    unigrams, per_doc = keywords_for(default_analysis, ngram=1)
    # One word a keyword, except a name folded into its actor, shown under the actor's name.
    assert len(unigrams) and all(" " not in k for k in unigrams[unigrams["actor"] == ""]["keyword"])
    named = unigrams[unigrams["actor"] != ""]
    assert len(named) and (named["keyword"] == named["actor"]).all()
    assert set(per_doc["doc_id"]) == set(default_analysis.documents["doc_id"])
    with pytest.raises(ValueError):
        keywords_for(default_analysis, ngram=4)
    with pytest.raises(ValueError):
        keywords_for(default_analysis, doc_ids=("no such document",))


def test_actor_named_reads_aliases():
    from analysis.extract.actors import actor_named
    from analysis.knowledge.lexicons import load_actor_lexicon

    lexicon = load_actor_lexicon(packs=["syria"])
    assert actor_named("Kremlin officials", lexicon) == "Russia"
    assert actor_named("naval base", lexicon) is None


def test_keywords_for_a_document_with_no_sentence_are_empty():
    from analysis.engines.pipeline import keywords_for

    text = "Russia keeps its naval base at Tartus and its air base at Khmeimim in Syria. " * 3
    result = analyze(corpus_from_texts([text, text]))
    empty = [d for d in result.documents["doc_id"] if d not in set(result.sentences["doc_id"])]
    assert empty, "the duplicate keeps no sentence"
    keywords, per_doc = keywords_for(result, doc_ids=tuple(empty))
    assert keywords.empty and per_doc.empty


def test_a_name_the_corpus_writes_as_something_else_is_no_place():
    from analysis.engines.pipeline import organisation_names
    from analysis.extract.discovery import Candidate

    def seen(label: str, name: str, doc: str = "d", lower: int = 0) -> Candidate:
        return Candidate(doc, 0, label, name, 0, len(name), lower_count=lower)

    candidates = (
        [seen("GPE", "Zendacom")] * 3 + [seen("ORG", "Zendacom")] * 2  # unknown to the gazetteer: a place only 3 to 2
        + [seen("GPE", "Jupiter")] + [seen("ORG", "Jupiter Research")] * 2  # a town's name, mostly an organisation's
        + [seen("GPE", "Broadband", lower=9)]  # a common word at the head of a sentence
        + [seen("GPE", "Paris")] * 5 + [seen("ORG", "Paris Match")]  # a place, once a magazine's first word
    )
    assert organisation_names(candidates) == {"Zendacom", "Jupiter", "Broadband"}


def test_the_government_counts_for_the_state_its_document_is_set_in():
    texts = [
        "Japan's economy shrank again. Japan blamed weak exports. The government wants to raise spending.",
        "Peru and Chile signed a trade deal. The government of Peru welcomed it.",
        "Peru and Chile met again. The authorities want calm.",
    ]
    result = analyze(corpus_from_texts(texts), workers=1)
    references = result.mentions[result.mentions["rule"] == "reference"]
    assert list(zip(references["doc_id"], references["actor"], references["surface"])) == [(result.documents["doc_id"][0], "Japan", "The government")]
    counts = result.actor_counts.set_index("actor")
    assert counts.loc["Japan", "mentions"] == len(result.mentions[result.mentions["actor"] == "Japan"])


def test_a_curated_dictionary_never_makes_the_government_an_alias():
    from analysis.knowledge.curation import Curation, curation_toml

    result = analyze(corpus_from_texts(["Japan's economy shrank. Japan blamed exports. The government wants growth."]), workers=1)
    assert "reference" in set(result.mentions["rule"])
    written = curation_toml(Curation().rename("Japan", "Nippon"), result.actor_counts, result.mentions)
    assert "Nippon" in written and "government" not in written

"""Property tests: any text analyses without an exception, and offsets always slice back."""

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import analyze, corpus_from_texts
from analysis.clean.sentences import split_sentences
from analysis.extract.actors import find_mentions
from analysis.extract.keywords import keyword_spans
from analysis.knowledge.lexicons import load_actor_lexicon
from analysis.query.explore import SentenceFilter, filter_sentences, sentence_words

LEXICON = load_actor_lexicon(packs=["syria"])
WORDS = st.sampled_from(
    ["Russia", "Russia’s", "Syrias", "US", "us", "U.S.", "Moscow", "the", "regime", "Damascus", "fled", "in", "2015", ".", ",",
     "said", "Assad", "[12]", "[nL8N1RO176]", "ed", "launch", "WASHINGTON", "(AP)", "—", "The", "rebels", "\n", "’", "'s", "é", "ß"]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_mentions_slice_back_to_their_surface(text):
    for actor, start, end in find_mentions(text, 0, len(text), LEXICON):
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_sentences_are_ordered_trimmed_spans(text):
    spans = split_sentences(text)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    for s in spans:
        assert text[s.start : s.end] == text[s.start : s.end].strip()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_any_unicode_corpus_analyses(texts):
    result = analyze(corpus_from_texts(texts))
    for row in result.mentions.itertuples():
        doc = texts[int(row.doc_id.removeprefix("doc")) - 1]
        assert doc[row.start : row.end] == row.surface
    for row in result.sentences.itertuples():
        doc = texts[int(row.doc_id.removeprefix("doc")) - 1]
        assert 0 <= row.start < row.end <= len(doc)


@given(st.lists(st.sampled_from(["Russia's", "military", "bases", "base", "cities", "city", "the", "-", ",", "Tartus", "army", "spies", "spy"]), max_size=12), st.integers(0, 11), st.integers(1, 3))
def test_keyword_filter_lists_exactly_the_sentences_keyword_spans_matches(words, start, size):
    sentence = " ".join(words)
    keyword = " ".join(words[start : start + size])
    assume(keyword.strip())  # an empty keyword is no filter at all
    table = pd.DataFrame({"text": [sentence], "actors": "|", "event_types": "|", "years": "|", "places": "|", "doc_id": "d", "source": ""})
    for frame in (table, table.assign(words=sentence_words(table["text"]))):
        assert len(filter_sentences(frame, SentenceFilter(keyword=keyword))) == int(bool(keyword_spans(sentence, keyword)))

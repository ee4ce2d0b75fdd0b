import json

import pytest

from analysis.clean.sentences import split_sentences
from tests.conftest import GOLD_DIR, GOLDEN_RULES, shared_file


def _texts(text, **kwargs):
    return [text[s.start : s.end] for s in split_sentences(text, **kwargs)]


def test_golden_rules_score():
    cases = json.loads(shared_file(GOLDEN_RULES).read_text(encoding="utf-8"))
    passed = sum(_texts(c["text"]) == [s.strip() for s in c["sentences"]] for c in cases)
    assert passed >= 43, f"{passed}/{len(cases)} golden rules"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the anti-Assad forces controlled at The urgency of it grew.", ["the anti-Assad forces controlled at", "The urgency of it grew."]),
        ("a staging post for WASHINGTON (AP) — The war", ["a staging post for", "WASHINGTON (AP) — The war"]),
        ("challenging the U. Five years on, Russia", ["challenging the U.", "Five years on, Russia"]),
        ("implications for the Russia and China have vetoed it", ["implications for the", "Russia and China have vetoed it"]),
        ("Syria’s future trajectory will Russia carried out strikes", ["Syria’s future trajectory will", "Russia carried out strikes"]),
        ("Policy Forum at The Washington Institute on Syria.", ["Policy Forum at The Washington Institute on Syria."]),
        ("He met Jonas E. Smith in the U.S. Government office.", ["He met Jonas E. Smith in the U.S. Government office."]),
        ("He used the Unified Modelling Language today.", ["He used the Unified Modelling Language today."]),
        ("the collapse of Assad Incentivizing Russia in Syria", ["the collapse of Assad", "Incentivizing Russia in Syria"]),
    ],
)
def test_snippet_joins(text, expected):
    assert _texts(text, bare_names={"Russia", "China", "Syria"}) == expected


def test_offsets_and_hard_breaks():
    text = "Title words here Body starts in lower case"
    assert _texts(text, hard_breaks=[16]) == ["Title words here", "Body starts in lower case"]


def test_long_sentences_are_limited():
    text = ("word " * 400).strip()
    spans = split_sentences(text, max_chars=300)
    assert all(s.end - s.start <= 300 for s in spans)
    assert text[spans[0].start : spans[-1].end] == text


def test_default_corpus_sentences(default_analysis, default_corpus):
    sentences = default_analysis.sentences
    original = default_corpus.documents[0].text
    assert sentences["text"].str.len().max() <= 600
    assert not sentences["text"].str.contains("nL8N|ykax|\\[345\\]", regex=True).any()
    assert sentences.iloc[0]["text"] == "What does russia want in syria"
    for row in sentences.itertuples():
        assert " ".join(original[row.start : row.end].split()).startswith(row.text[:10])


def test_default_corpus_snippet_join_recall(default_analysis):
    """Share of hand-marked snippet joins (tests/gold/snippet_joins.json) where a sentence breaks."""
    joins = json.loads((GOLD_DIR / "snippet_joins.json").read_text(encoding="utf-8"))
    starts = set(default_analysis.sentences["start"])
    ends = set(default_analysis.sentences["end"])
    certain = [j for j in joins if j["confidence"] == "certain"]
    split = [j for j in certain if any(j["offset"] - 2 <= s <= j["offset"] + 3 for s in starts) or any(j["offset"] - 3 <= e <= j["offset"] for e in ends)]
    assert len(split) / len(certain) >= 0.75


def test_a_name_ending_in_ly_is_not_an_adverb_opening_a_glued_snippet():
    text = "Putin spoke to the United Nations General Assembly, his first speech there in a decade."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [text]
    glued = "The talks collapsed in Geneva last week Similarly, the ceasefire in the north failed."
    assert [glued[s.start : s.end] for s in split_sentences(glued)] == ["The talks collapsed in Geneva last week", "Similarly, the ceasefire in the north failed."]

import pytest

from analysis.dedup import find_repeated_passages

PASSAGE = "Russia has begun withdrawing a large amount of military equipment and troops from Syria following the ouster"


def test_repeat_found_even_with_different_glue():
    texts = [f"First snippet ends here {PASSAGE} and more.", f"Other glue before {PASSAGE} something after."]
    [repeat] = find_repeated_passages(texts)
    assert repeat.doc_index == 1 and repeat.first_doc_index == 0
    assert texts[1][repeat.start : repeat.end] == PASSAGE


def test_short_repeats_are_kept():
    assert find_repeated_passages(["the Syrian Observatory for Human Rights said.", "the Syrian Observatory for Human Rights said."]) == []


def test_default_corpus_has_five_repeats(default_corpus):
    repeats = find_repeated_passages([d.text for d in default_corpus])
    assert len(repeats) == 5
    assert all(r.end - r.start >= 80 for r in repeats)


def test_bad_arguments():
    with pytest.raises(ValueError):
        find_repeated_passages(["x"], min_chars=0)

from dataclasses import replace

import pytest

from analysis.clean.dedup import find_repeated_passages

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


def _same_as_reference(texts, **options):
    from tests.analysis.dedup_reference import find_repeated_passages as reference

    assert find_repeated_passages(texts, **options) == reference(texts, **options)


def test_equals_the_reference_on_the_default_corpus_cut_into_pieces(default_corpus):
    text = default_corpus.documents[0].text
    pieces = [text[i : i + 700] for i in range(0, len(text), 700)]
    _same_as_reference([text])
    _same_as_reference(pieces + pieces[::3] + [pieces[2] + pieces[5]])
    _same_as_reference(pieces, min_chars=20, window_words=3)


def test_equals_the_reference_on_periodic_and_tiny_texts():
    _same_as_reference(["ha " * 200, "", "ha ha", "one two three four five six seven eight nine ten " * 3])
    _same_as_reference(["a b c d e f g h", "A B C D E F G H i", "x"], min_chars=1)
    _same_as_reference([])


def test_equals_the_reference_on_random_word_soup():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["russia", "Syria", "base", "the", "of", "Tartus", "navy", "war", "2015", "al-Assad"])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.lists(words, max_size=40).map(" ".join), max_size=6), st.integers(1, 30), st.integers(1, 5))
    def check(texts, min_chars, window_words):
        _same_as_reference(texts, min_chars=min_chars, window_words=window_words)

    check()


def _in_parts(texts, cuts, n_buckets, **options):
    """find_repeated_passages as a cluster runs it: fingerprints per part, grouped in buckets, passages per part."""
    from analysis.clean.dedup import LaterCopies, earlier_copies, fingerprints, passages_from

    bounds = [0, *cuts, len(texts)]
    parts = [texts[a:b] for a, b in zip(bounds, bounds[1:])]
    found = [fingerprints(part, window_words=options.get("window_words", 8)) for part in parts]
    buckets = [f.table(part=i, doc_offset=bounds[i]).bucket(n_buckets) for i, f in enumerate(found)]
    copies = LaterCopies.concat([earlier_copies([b[k] for b in buckets]) for k in range(n_buckets)])
    passages = []
    for i, (part, f) in enumerate(zip(parts, found)):
        local = passages_from(part, f, copies.of_part(i), doc_offset=bounds[i], min_chars=options.get("min_chars", 80))
        passages += [replace(p, doc_index=p.doc_index + bounds[i]) for p in local]
    return sorted(passages, key=lambda p: (p.doc_index, p.start))


def test_parts_grouped_in_buckets_find_what_the_whole_corpus_finds(default_corpus):
    text = default_corpus.documents[0].text
    pieces = [text[i : i + 700] for i in range(0, len(text), 700)]
    texts = pieces + pieces[::3] + [pieces[2] + pieces[5]]
    whole = find_repeated_passages(texts)
    assert whole
    for cuts, n_buckets in (([], 1), ([5], 3), ([1, 2, 40, len(texts) - 1], 7)):
        assert _in_parts(texts, cuts, n_buckets) == whole


def test_parts_agree_with_the_whole_on_random_word_soup():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["russia", "Syria", "base", "the", "of", "Tartus", "navy", "war"])

    @settings(max_examples=100, deadline=None)
    @given(st.lists(st.lists(words, max_size=30).map(" ".join), max_size=7), st.data(), st.integers(1, 20), st.integers(1, 4), st.integers(1, 5))
    def check(texts, data, min_chars, window_words, n_buckets):
        cuts = sorted(data.draw(st.lists(st.integers(0, len(texts)), max_size=3)))
        options = {"min_chars": min_chars, "window_words": window_words}
        assert _in_parts(texts, cuts, n_buckets, **options) == find_repeated_passages(texts, **options)

    check()


def test_fingerprints_found_per_document_give_the_same_repeats(default_corpus):
    from analysis.clean.dedup import Fingerprints, fingerprints

    text = default_corpus.documents[0].text
    pieces = [text[i : i + 700] for i in range(0, len(text), 700)]
    texts = ["", *pieces, "", *pieces[::4], "short", pieces[1] + pieces[9]]
    per_document = Fingerprints.concat([fingerprints([t]) for t in texts])
    assert find_repeated_passages(texts, found=per_document) == find_repeated_passages(texts)
    with pytest.raises(ValueError, match="not those of these texts"):
        find_repeated_passages(texts[1:], found=per_document)

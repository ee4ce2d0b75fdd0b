"""Packed per-document results: what goes in comes out, and unpacked values pass through."""

from __future__ import annotations

from collections import Counter

from analysis.engines.packed import Packed, opened
from analysis.extract.keywords import KeywordGroup


def test_a_packed_value_opens_to_an_equal_value():
    rows = [("d1", 0, "Freedonia", "Freedonians", 4, 15, "demonym"), ("d1", 2, "Ann Lee", "Lee", 0, 3, "model")]
    groups = [KeywordGroup("harbour", 0.02, Counter({"harbour": 3}), 3)]
    for value in (rows, groups, [], {"a": {1, 2}}):
        assert Packed.of(value).open() == value


def test_opened_passes_plain_values_through_and_opens_packed_ones():
    rows = [("d1", 1)]
    assert opened(rows) is rows
    assert opened(Packed.of(rows)) == rows


def test_packing_many_small_rows_takes_far_fewer_bytes_than_their_text():
    rows = [("document-7", i, "Central Bank of Freedonia", "the central bank", i * 10, i * 10 + 16, "model") for i in range(2000)]
    assert len(Packed.of(rows).data) < sum(len(" ".join(map(str, row))) for row in rows) / 10

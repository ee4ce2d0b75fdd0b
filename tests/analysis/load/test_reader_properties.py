"""Property tests: whatever bytes arrive under whatever name, reading gives documents or one clear CorpusError."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, analyze, corpus_from_files
from analysis.load.readers import SUPPORTED_SUFFIXES

NAMES = st.sampled_from(sorted(SUPPORTED_SUFFIXES)).map(lambda suffix: f"upload{suffix}")
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, data=st.binary(max_size=600))
def test_any_bytes_give_documents_or_one_clear_error(name, data):
    try:
        corpus = corpus_from_files([(name, data)])
    except CorpusError as error:
        assert name in str(error) and "\n" not in str(error)
        return
    assert all(isinstance(doc.text, str) and doc.text.strip() for doc in corpus)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(ANY_TEXT, min_size=1, max_size=4), encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_any_text_in_any_unicode_encoding_reads_back_and_analyses(texts, encoding):
    files = [(f"doc{i}.txt", text.encode(encoding)) for i, text in enumerate(texts)]
    try:
        corpus = corpus_from_files(files)
    except CorpusError:
        assert all(not text.strip() or any(ord(c) < 32 and c not in "\t\n\r\x0c" for c in text) for text in texts)
        return
    for doc in corpus:
        original = texts[int(doc.doc_id.removeprefix("doc").split("#")[0])]
        assert doc.text == original
    analyze(corpus)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.fixed_dictionaries({"text": ANY_TEXT}, optional={"title": ANY_TEXT, "source": ANY_TEXT, "date": ANY_TEXT}), max_size=8))
def test_jsonl_rows_become_one_document_per_row_with_text(rows):
    data = "\n".join(json.dumps(row) for row in rows).encode()
    with_text = [row for row in rows if row["text"].strip()]
    try:
        corpus = corpus_from_files([("rows.jsonl", data)])
    except CorpusError as error:
        assert not with_text and "rows.jsonl" in str(error)
        return
    assert [doc.text for doc in corpus] == [row["text"] for row in with_text]
    assert [doc.source for doc in corpus] == [row.get("source", "").strip() for row in with_text]


def test_an_upload_name_is_never_a_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = corpus_from_files([("../../etc/passwd.txt", b"Russia spoke."), ("/tmp/x/../evil.md", b"Iran spoke.")])
    assert [d.doc_id for d in corpus] == ["passwd", "evil"]
    assert list(Path(tmp_path).iterdir()) == [], "nothing was written"

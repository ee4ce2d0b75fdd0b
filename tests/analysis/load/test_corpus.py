import json

import pytest

from analysis import CorpusError, load_corpus
from analysis.paths import DEFAULT_CORPUS
from tests.conftest import FAKES_CSV, shared_file


def test_default_corpus_is_one_document_with_its_question_as_title(default_corpus):
    assert len(default_corpus) == 1
    doc = default_corpus.documents[0]
    assert doc.title == "What does russia want in syria"
    assert doc.text == DEFAULT_CORPUS.read_text(encoding="utf-8")


def test_fakes_loads_with_metadata():
    corpus = load_corpus(shared_file(FAKES_CSV))
    assert len(corpus) == 804
    doc = corpus.documents[0]
    assert doc.doc_id == "1914947530"
    assert doc.date == "2017-04-05"
    assert doc.source == "nna"
    assert doc.title.startswith("Syria attack symptoms")


def test_folder_of_text_files(tmp_path):
    (tmp_path / "a.txt").write_text("Russia said one thing.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Turkey said another.", encoding="utf-8")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus] == ["a", "b"]


def test_jsonl_skips_bad_lines_and_says_which(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "x", "body": "Iran spoke."}\nnot json\n{"content": "Israel too."}\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert [d.text for d in corpus] == ["Iran spoke.", "Israel too."]
    assert any("line 2" in w for w in corpus.warnings)


def test_csv_with_named_text_column_and_semicolons(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('story;date\n"Russia, Iran; talks";2015-09-30\n', encoding="utf-8")
    corpus = load_corpus(path, text_column="story")
    assert corpus.documents[0].text == "Russia, Iran; talks"
    assert corpus.documents[0].date == "2015-09-30"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("t.csv", "a,b\n1,2\n", "no text column"),
        ("t.xlsx", "x", "unsupported file type"),
        ("t.pdf", "x", "not a readable PDF"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ],
)
def test_bad_input_gets_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message) as error:
        load_corpus(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)


def test_utf16_and_cp1252_are_decoded(tmp_path):
    (tmp_path / "u16.txt").write_bytes("Erdoğan met Putin.".encode("utf-16"))
    (tmp_path / "w.txt").write_bytes("Ankara’s view".encode("cp1252"))
    texts = {d.doc_id: d.text for d in load_corpus(tmp_path)}
    assert texts == {"u16": "Erdoğan met Putin.", "w": "Ankara’s view"}


def test_duplicate_ids_are_made_unique(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps({"id": "1", "text": t}) for t in ["a", "b"]), encoding="utf-8")
    assert [d.doc_id for d in load_corpus(path)] == ["1", "1#2"]

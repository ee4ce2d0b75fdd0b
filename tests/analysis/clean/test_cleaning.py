from analysis import Document, corpus_from_texts
from analysis.clean.cleaning import clean_corpus
from analysis.load.corpus import Corpus


def test_analysis_text_keeps_length_and_blanks_noise():
    text = "Russia said so.[12] Then [nL8N1RO176] Iran launch ed talks. qzx dkt thwdk lttc jdnps fkxm"
    [item], report = clean_corpus(corpus_from_texts([text]))
    assert len(item.analysis_text) == len(text)
    assert "[12]" not in item.analysis_text and "nL8N" not in item.analysis_text
    assert "launched" in item.analysis_text and "jdnps" not in item.analysis_text
    assert report.counts["footnote_mark"] == 1 and report.counts["wire_code"] == 1
    assert report.counts["gibberish"] == 1 and report.counts["cut_word"] == 1


def test_default_corpus_report(default_corpus):
    cleaned, report = clean_corpus(default_corpus)
    data = report.to_dict()
    assert data["counts"]["repeated_passage"] == 5
    assert data["counts"]["wire_code"] == 2
    assert data["counts"]["gibberish"] == 1
    assert data["counts"]["footnote_mark"] >= 2
    assert all(p["chars"] >= 80 for p in data["repeated_passages"])
    assert "ykax" not in cleaned[0].analysis_text


def test_whole_duplicate_document_is_reported():
    body = "Syrian forces retook the town after weeks of fighting, the monitor said on Sunday, citing local sources."
    corpus = Corpus([Document("a", body), Document("b", body)])
    cleaned, report = clean_corpus(corpus)
    assert report.duplicate_documents == ["b"]
    assert not cleaned[1].analysis_text.strip()

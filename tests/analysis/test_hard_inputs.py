"""Every hard input an analyst may drop in, generated here, through the path uploads take (corpus_from_files).

Each case ends in a correct analysis or a clear one-line message naming the file; nothing large
is committed: the inputs are built in memory.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from analysis import Columns, CorpusError, analyze, corpus_from_files

SYRIA = "Russia keeps its naval base at Tartus. Moscow backs Assad in Damascus. Turkey and Iran met in Astana in 2017."


def read(*files: tuple[str, bytes], columns: Columns | None = None):
    return corpus_from_files(list(files), columns=columns)


def fails(message: str, *files: tuple[str, bytes]) -> str:
    with pytest.raises(CorpusError, match=message) as error:
        read(*files)
    text = str(error.value)
    assert "\n" not in text and files[0][0] in text, "one line that names the file"
    return text


def analysed(corpus):
    result = analyze(corpus)
    assert len(result.sentences) > 0
    return result


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t\n  ", "empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20, "binary"),
        ("sheet.xlsx", b"PK\x03\x04", "unsupported file type"),
        ("numbers.csv", b"a,b\n1,2\n3,4\n", "no text column"),
        ("not_documents.json", b'{"count": 3, "ok": true}', "not a list of documents"),
        ("broken.json", b'[{"text": "a"', "not valid JSON"),
        ("scan.pdf", b"%PDF-1.4\n%%EOF", "PDF"),
        ("fake.docx", b"not a zip", "docx"),
        ("all_bad.jsonl", b"{oops\nnot json\n", "no line is a JSON object"),
    ],
)
def test_unreadable_inputs_get_a_clear_message(name, data, message):
    fails(message, (name, data))


def test_a_bad_file_among_good_ones_is_skipped_and_reported():
    corpus = read(("good.txt", SYRIA.encode()), ("picture.txt", b"\x00\x01\x02" * 100))
    assert len(corpus) == 1 and any("picture.txt" in w and "binary" in w for w in corpus.warnings)


def test_utf16_with_bom_and_legacy_encodings_are_read_and_named():
    corpus = read(
        ("u16.txt", ("Erdoğan met Putin in Sochi. " + SYRIA).encode("utf-16")),
        ("latin.txt", ("Le Kremlin soutient Assad à Damas. Ankara’s view is clear. " * 5).encode("cp1252")),
        ("utf8.txt", SYRIA.encode("utf-8")),
    )
    texts = {d.doc_id: d.text for d in corpus}
    assert texts["u16"].startswith("Erdoğan") and "à Damas" in texts["latin"] and "Ankara’s" in texts["latin"]
    assert any("latin.txt" in n and ("1252" in n or "latin" in n.lower()) for n in corpus.notes), corpus.notes
    assert any("u16.txt" in n and "UTF-16" in n for n in corpus.notes)
    assert {"Russia", "Turkey"} <= set(analysed(corpus).actor_counts["actor"])


def test_a_ten_megabyte_line_without_spaces_gives_no_absurd_keyword():
    result = analysed(read(("long.txt", b"Russia wants bases in Syria. " + b"x" * 10_000_000)))
    assert all(len(k) < 200 for k in result.keywords["keyword"])


@pytest.mark.parametrize(
    ("name", "data", "texts"),
    [
        ("ragged.csv", b'text,source\n"Russia spoke.",tass\n"Iran spoke.",irna,extra,fields\n"Turkey spoke.",aa\n', ["Russia spoke.", "Turkey spoke."]),
        ("quoted.csv", b'text,source\n"Russia spoke.\nThen Iran.",tass\n', ["Russia spoke.\nThen Iran."]),
        ("semi.csv", "text;source\nRussia spoke;tass\nL’Iran répond;afp\n".encode(), ["Russia spoke", "L’Iran répond"]),
        ("tabs.tsv", b"title\tbody\nA\tRussia spoke.\n", ["Russia spoke."]),
        ("docs.json", json.dumps({"documents": [{"content": "Russia spoke."}, {"content": "Iran spoke."}]}).encode(), ["Russia spoke.", "Iran spoke."]),
        ("strings.json", json.dumps(["Russia spoke.", "Iran spoke."]).encode(), ["Russia spoke.", "Iran spoke."]),
    ],
)
def test_tables_in_their_many_shapes(name, data, texts):
    corpus = read((name, data))
    assert [d.text for d in corpus] == texts
    if name == "ragged.csv":
        assert any("ragged.csv" in w and "skipped" in w for w in corpus.warnings)


def test_malformed_jsonl_skips_the_bad_line_and_says_which():
    corpus = read(("feed.jsonl", b'{"text": "Russia spoke."}\n{"text": broken\n{"text": "Iran spoke."}\n'))
    assert [d.text for d in corpus] == ["Russia spoke.", "Iran spoke."]
    assert corpus.warnings == ["feed.jsonl: line 2 is not valid JSON and was skipped"]


def test_text_column_is_detected_or_chosen():
    data = b"headline,story,outlet\nA,Russia keeps its naval base at Tartus for many years now.,tass\n"
    corpus = read(("news.csv", data))
    assert corpus.documents[0].text.startswith("Russia keeps") and corpus.documents[0].title == "A"
    assert any("story" in n for n in corpus.notes)
    chosen = read(("news.csv", data), columns=Columns(text="headline", source="outlet"))
    assert chosen.documents[0].text == "A" and chosen.documents[0].source == "tass"
    with pytest.raises(CorpusError, match="no column named 'nope'"):
        read(("news.csv", data), columns=Columns(text="nope"))


def test_html_keeps_visible_text_only():
    page = b"""<html><head><title>Russia in Syria</title><style>p {color: red}</style>
    <script>var secret = "Iran";</script></head><body><p>Russia keeps its base at Tartus.</p>
    <noscript>Enable JavaScript</noscript><div>Turkey objected.</div></body></html>"""
    doc = read(("page.html", page)).documents[0]
    assert doc.title == "Russia in Syria"
    assert "Russia keeps its base at Tartus." in doc.text and "Turkey objected." in doc.text
    assert "secret" not in doc.text and "color" not in doc.text and "JavaScript" not in doc.text


def test_pdf_and_docx_text_is_read():
    import docx
    from pypdf import PdfWriter

    word = docx.Document()
    word.add_paragraph("Russia keeps its naval base at Tartus.")
    word.add_paragraph("Turkey objected in 2019.")
    buffer = io.BytesIO()
    word.save(buffer)
    doc = read(("brief.docx", buffer.getvalue())).documents[0]
    assert "Tartus" in doc.text and "Turkey objected" in doc.text

    blank = PdfWriter()
    blank.add_blank_page(width=200, height=200)
    pdf = io.BytesIO()
    blank.write(pdf)
    fails("no extractable text", ("scan.pdf", pdf.getvalue()))


def test_arabic_and_russian_text_do_not_break_the_analysis():
    mixed = "Россия поддерживает Асада. روسيا تدعم الأسد في دمشق. Russia backs Assad, said Turkey."
    result = analysed(read(("mixed.txt", mixed.encode("utf-8")), ("ru.txt", "Москва и Анкара договорились.".encode("utf-8"))))
    assert {"Russia", "Turkey"} <= set(result.actor_counts["actor"])
    assert "روسيا" in " ".join(result.sentences["text"])


def test_no_actors_only_gibberish_and_duplicates():
    no_actors = analysed(read(("weather.txt", b"It rained all week in the valley. The harvest was late again this year.")))
    assert no_actors.actor_counts.empty and no_actors.mentions.empty
    gibberish = read(("noise.txt", b"qzxv kjhg wprt zzkq xqvb jjkl " * 50))
    analyze(gibberish)
    twice = analyze(read(("a.txt", SYRIA.encode()), ("a_copy.txt", SYRIA.encode())))
    assert twice.documents["n_sentences"].tolist()[1] == 0, "a duplicated file is counted once"
    once = analyze(read(("a.txt", SYRIA.encode())))
    assert twice.actor_counts[["actor", "mentions"]].equals(once.actor_counts[["actor", "mentions"]])


def test_ten_thousand_tiny_documents():
    rows = "\n".join(json.dumps({"id": f"n{i}", "text": f"Note {i}: Russia and Turkey met again."}) for i in range(10_000))
    corpus = read(("notes.jsonl", rows.encode()))
    assert len(corpus) == 10_000
    result = analyze(corpus)
    assert len(result.documents) == 10_000 and "Russia" in set(result.actor_counts["actor"])


def test_review_cases_odd_files_load_or_are_skipped_with_a_warning():
    import zipfile

    odd_docx = io.BytesIO()
    with zipfile.ZipFile(odd_docx, "w") as archive:
        archive.writestr("[Content_Types].xml", "not xml at all <")
    corpus = read(("good.txt", SYRIA.encode()), ("odd.docx", odd_docx.getvalue()))
    assert len(corpus) == 1 and any(w.startswith("odd.docx") for w in corpus.warnings)

    surrogates = read(("s.json", b'[{"text": "Russia spoke \\ud800 loudly."}]'), ("s.jsonl", b'{"text": "Iran \\udfff spoke."}\n'))
    analysed(surrogates)

    long_cell = "Russia keeps its naval base at Tartus. " * 5000
    table = read(("long.csv", ("text\n" + '"' + long_cell + '"\n').encode()))
    assert table.documents[0].text == long_cell

    utf32 = read(("wide.txt", SYRIA.encode("utf-32")))
    assert utf32.documents[0].text == SYRIA and any("UTF-32" in n for n in utf32.notes)

    latin = read(("latin.csv", "text,source\nLe Kremlin soutient Assad à Damas.,afp\n".encode("latin-1")))
    assert "à Damas" in latin.documents[0].text

    ids = read(("ids.jsonl", b'{"id": "1", "text": "a b"}\n{"id": "1", "text": "c d"}\n{"id": "1#2", "text": "e f"}\n'))
    assert len({d.doc_id for d in ids}) == 3

    assert read((".txt", SYRIA.encode())).documents[0].doc_id == "document"


def _word_file(paragraphs: list[str]) -> bytes:
    import docx

    word = docx.Document()
    for paragraph in paragraphs:
        word.add_paragraph(paragraph)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _pdf_with_text(text: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"), NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def one_megabyte_limit(monkeypatch):
    monkeypatch.setenv("BRIEFING_MAX_INFLATED_MB", "1")


def test_a_word_file_that_inflates_past_the_limit_is_refused_with_the_limit(one_megabyte_limit):
    bomb = _word_file(["Russia and Turkey met again. " * 40] * 1500)  # ~1.7 MB of XML that zips to a few KB
    assert len(bomb) < 100_000
    fails(r"more than 1 MB .*BRIEFING_MAX_INFLATED_MB", ("bomb.docx", bomb))
    assert "Turkey" in read(("small.docx", _word_file(["Russia and Turkey met."]))).documents[0].text


def test_a_pdf_whose_text_runs_past_the_limit_is_refused(one_megabyte_limit):
    assert "Turkey" in read(("small.pdf", _pdf_with_text("Russia and Turkey met."))).documents[0].text
    fails(r"its text runs to more than 1 MB", ("bomb.pdf", _pdf_with_text("Russia and Turkey met again. " * 40_000)))


def test_a_parquet_file_that_decodes_past_the_limit_is_refused(one_megabyte_limit):
    buffer = io.BytesIO()
    pd.DataFrame({"text": ["Russia and Turkey met again in Astana. " * 100] * 400}).to_parquet(buffer)  # dictionary-encoded: tiny on disk
    assert len(buffer.getvalue()) < 100_000
    fails(r"more than 1 MB", ("bomb.parquet", buffer.getvalue()))
    small = io.BytesIO()
    pd.DataFrame({"text": ["Russia and Turkey met again in Astana."] * 3}).to_parquet(small)
    assert len(read(("small.parquet", small.getvalue())).documents) == 3

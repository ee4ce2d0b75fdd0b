import pandas as pd

from analysis.extract.keyword_names import fold_keyword_names, is_only_titles, name_tally, untitled

KEYWORD_COLUMNS = ["keyword", "score", "rank", "count", "doc_count"]


def _mentions(rows):
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "actor", "surface", "start", "end", "rule"])


def _counts(rows):
    return pd.DataFrame(rows, columns=["actor", "type", "mentions", "documents"])


def _keywords(rows):
    return pd.DataFrame([(k, s, i, c, d) for i, (k, s, c, d) in enumerate(rows, 1)], columns=KEYWORD_COLUMNS)


MENTIONS = _mentions(
    [("d1", 0, "Rudolf Rassendyll", "Rudolf Rassendyll", 0, 17, "model")] * 4
    + [("d1", 1, "Rudolf Rassendyll", "Mr Rassendyll", 0, 13, "surname")] * 6
    + [("d2", 0, "Strelsau", "Strelsau", 0, 8, "world")] * 5
    + [("d2", 1, "Civil War", "Civil War", 0, 9, "model")]
)
COUNTS = _counts([("Rudolf Rassendyll", "person", 10, 2), ("Strelsau", "state", 5, 1), ("Civil War", "other", 1, 1)])
SENTENCES = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d2"], "sentence_id": [0, 1, 0, 1], "text": ["a", "b", "c", "d"]})


def test_name_forms_fold_into_their_actor_under_its_name():
    keywords = _keywords(
        [("Rassendyll", 0.1, 12, 2), ("Strelsau", 0.15, 5, 1), ("Rudolf Rassendyll", 0.2, 4, 1),
         ("leader Rudolf Rassendyll", 0.25, 2, 1), ("King Rudolf Rassendyll", 0.3, 2, 1), ("civil war", 0.35, 9, 2)]
    )
    folded = fold_keyword_names(keywords, name_tally(MENTIONS, SENTENCES), COUNTS)
    assert list(folded["keyword"]) == ["Rudolf Rassendyll", "Strelsau", "civil war"]
    person = folded.iloc[0]
    assert (person["score"], person["count"], person["doc_count"], person["actor"]) == (0.1, 10, 2, "Rudolf Rassendyll")
    assert list(folded["rank"]) == [1, 2, 3]
    assert folded.iloc[2]["actor"] == ""


def test_a_form_the_actor_writes_rarely_does_not_fold():
    # "Civil War" was tagged once; the keyword is written 9 times, mostly in lower case.
    keywords = _keywords([("Civil War", 0.1, 9, 2)])
    folded = fold_keyword_names(keywords, name_tally(MENTIONS, SENTENCES), COUNTS)
    assert list(folded["keyword"]) == ["Civil War"] and folded.iloc[0]["actor"] == "" and folded.iloc[0]["count"] == 9


def test_a_lower_case_keyword_never_folds():
    keywords = _keywords([("strelsau", 0.1, 5, 1)])
    assert fold_keyword_names(keywords, name_tally(MENTIONS, SENTENCES), COUNTS).iloc[0]["actor"] == ""


def test_an_owner_in_front_of_a_name_folds_into_the_name():
    keywords = _keywords([("Strelsau's Rassendyll", 0.1, 3, 1)])
    assert fold_keyword_names(keywords, name_tally(MENTIONS, SENTENCES), COUNTS).iloc[0]["keyword"] == "Rudolf Rassendyll"


def test_an_author_named_in_repeated_lines_is_not_a_keyword():
    # d1 sentence 1 is a line repeated across the corpus (a columnist's sign-off) naming him in both documents.
    mentions = pd.concat([MENTIONS, _mentions([("d2", 1, "Rudolf Rassendyll", "Rudolf Rassendyll", 0, 17, "model")])])
    sentences = SENTENCES.assign(text=["a", "he writes weekly", "c", "he writes weekly"])
    keywords = _keywords([("Rudolf Rassendyll", 0.1, 5, 2), ("Strelsau", 0.2, 5, 1)])
    counts = _counts([("Rudolf Rassendyll", "person", 11, 2), ("Strelsau", "state", 5, 1)])
    folded = fold_keyword_names(keywords, name_tally(mentions, sentences, {"he writes weekly"}), counts)
    assert list(folded["keyword"]) == ["Strelsau"]


def test_titles_and_honorifics():
    assert untitled("leader Rudolf Rassendyll") == "Rudolf Rassendyll"
    assert untitled("General Motors") == "Motors"  # the title rule alone; folding also needs a known name
    assert is_only_titles("Lord") and is_only_titles("Strelsau's President")
    assert not is_only_titles("prime minister") and not is_only_titles("Strelsau's army") and not is_only_titles("Lord Zenda")


def test_folding_an_empty_table_adds_the_actor_column():
    empty = pd.DataFrame(columns=KEYWORD_COLUMNS)
    assert "actor" in fold_keyword_names(empty, name_tally(MENTIONS, SENTENCES), COUNTS).columns


def test_a_surname_several_people_share_is_not_a_twin_of_a_full_name():
    mentions = pd.concat([MENTIONS, _mentions([("d2", 0, "Rassendyll", "Rassendyll", 0, 10, "model")] * 3)])
    counts = pd.concat([COUNTS, _counts([("Rassendyll", "person", 3, 1)])])
    keywords = _keywords([("Rudolf Rassendyll", 0.1, 4, 1), ("Rassendyll", 0.2, 3, 1)])
    tally = name_tally(mentions, SENTENCES)
    tally.forms[("rassendyll", "Rudolf Rassendyll")] = 0  # the bare surname names the ambiguous actor here
    folded = fold_keyword_names(keywords, tally, counts)
    assert list(folded["keyword"]) == ["Rudolf Rassendyll"]


def test_a_name_no_actor_holds_is_listed_once():
    keywords = _keywords(
        [("Zenda Observatory", 0.1, 30, 3), ("civil war", 0.15, 9, 2), ("Strelsau-based Zenda Observatory", 0.2, 5, 2),
         ("Observatory", 0.3, 60, 3), ("war", 0.4, 20, 3)]
    )
    folded = fold_keyword_names(keywords, name_tally(MENTIONS, SENTENCES), COUNTS)
    assert list(folded["keyword"]) == ["Zenda Observatory", "civil war", "war"]

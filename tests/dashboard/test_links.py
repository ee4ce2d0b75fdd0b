import pytest

from dashboard.links import ignored_parameters
from tests.conftest import open_page

PAGES = ["dashboard/pages/overview.py", "dashboard/pages/corpus.py", "dashboard/pages/keywords.py", "dashboard/pages/actors.py", "dashboard/pages/events.py", "dashboard/pages/motives.py", "dashboard/pages/compare.py", "dashboard/pages/briefing.py", "dashboard/pages/explorer.py"]
MALFORMED = {"top": "abc", "actor": ["Nobody", "<script>alert(1)</script>"], "years": ["2015", "zz"], "ngram": "9", "zzz": "1", "kw": "[x](javascript:alert(1))"}


def notices(at) -> list[str]:
    return [c.value.replace("\\", "") for c in at.caption if "could not use" in c.value]


@pytest.mark.parametrize("page", PAGES)
def test_malformed_links_are_ignored_with_a_notice(page):
    at = open_page(page, **MALFORMED)
    assert not at.exception
    assert at.title, "the page still renders"
    assert notices(at) and "zzz=1" in notices(at)[0]


def test_a_valid_link_gives_no_notice():
    at = open_page("dashboard/pages/actors.py", name="Turkey", top_actors="15")
    assert not at.exception and not notices(at), "top=15 is the default: dropped from the URL but used"
    at = open_page("dashboard/pages/explorer.py", actor=["Turkey", "Iran"], years=["2015", "2016"], q="base")
    assert not at.exception and not notices(at)


def test_the_notice_names_what_was_refused():
    at = open_page("dashboard/pages/explorer.py", actor=["Turkey", "Nobody"])
    assert at.multiselect(key="actor").value == ["Turkey"]
    assert "actor=Nobody" in notices(at)[0] and "Turkey" not in notices(at)[0]


def test_the_notice_is_shown_once():
    at = open_page("dashboard/pages/actors.py", zzz="1")
    assert notices(at)
    at.run()
    assert not notices(at)


def test_ignored_parameters():
    state = {"top": 25, "actor": ["Turkey"], "years": (2015, 2016)}
    before = {"top": ["25"], "actor": ["Turkey", "Nobody"], "years": ["2015", "2016"], "zzz": ["1"], "embed": ["true"]}
    after = {"actor": ["Turkey"]}
    assert ignored_parameters(before, after, state) == ["actor=Nobody", "zzz=1"]


def test_no_two_pages_bind_the_same_url_key():
    """A key bound on two pages breaks links between them: the first page's value overrides the link's."""
    import ast

    from analysis.paths import PROJECT_ROOT

    owners: dict[str, str] = {}
    for path in sorted((PROJECT_ROOT / "dashboard").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                words = {k.arg: k.value for k in node.keywords}
                if isinstance(words.get("bind"), ast.Constant) and isinstance(words.get("key"), ast.Constant):
                    key = words["key"].value
                    assert owners.setdefault(key, path.name) == path.name, f"{key!r} is bound on {owners[key]} and {path.name}"
    assert {"actor", "kw", "name", "keyword", "where"} <= owners.keys()


@pytest.mark.parametrize("page", ["dashboard/pages/explorer.py", "dashboard/pages/actors.py"])
def test_a_parameter_without_a_name_is_dropped_and_named(page):
    at = open_page(page, **{"": "x", "zzz": "1"})
    assert not at.exception
    assert "" not in at.query_params, "the nameless key is gone from the URL, so a reload works"
    assert "=x" in notices(at)[0]

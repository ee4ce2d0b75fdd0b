import pytest

from dashboard.links import ignored_parameters

from tests.conftest import open_page

PAGES = ["dashboard/overview.py", "dashboard/keywords.py", "dashboard/actors.py", "dashboard/events.py", "dashboard/explorer.py"]
MALFORMED = {"top": "abc", "actor": ["Nobody", "<script>alert(1)</script>"], "years": ["2015", "zz"], "ngram": "9", "zzz": "1", "kw": "[x](javascript:alert(1))"}


def notices(at) -> list[str]:
    return [c.value for c in at.caption if "could not use" in c.value]


@pytest.mark.parametrize("page", PAGES)
def test_malformed_links_are_ignored_with_a_notice(page):
    at = open_page(page, **MALFORMED)
    assert not at.exception
    assert at.title, "the page still renders"
    assert notices(at) and "zzz=1" in notices(at)[0]


def test_a_valid_link_gives_no_notice():
    at = open_page("dashboard/actors.py", actor="Turkey", top="15")
    assert not at.exception and not notices(at), "top=15 is the default: dropped from the URL but used"
    at = open_page("dashboard/explorer.py", actor=["Turkey", "Iran"], years=["2015", "2016"], q="base")
    assert not at.exception and not notices(at)


def test_the_notice_names_what_was_refused():
    at = open_page("dashboard/explorer.py", actor=["Turkey", "Nobody"])
    assert at.multiselect(key="actor").value == ["Turkey"]
    assert "actor=Nobody" in notices(at)[0] and "Turkey" not in notices(at)[0]


def test_the_notice_is_shown_once():
    at = open_page("dashboard/actors.py", zzz="1")
    assert notices(at)
    at.run()
    assert not notices(at)


def test_ignored_parameters():
    state = {"top": 25, "actor": ["Turkey"], "years": (2015, 2016)}
    before = {"top": ["25"], "actor": ["Turkey", "Nobody"], "years": ["2015", "2016"], "zzz": ["1"], "embed": ["true"]}
    after = {"actor": ["Turkey"]}
    assert ignored_parameters(before, after, state) == ["actor=Nobody", "zzz=1"]

import pytest

from analysis.extract.dates import date_nearest, find_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia intervened on 30 September 2015.", [("30 September 2015", 2015, 9, 30)]),
        ("on September 30, 2015 it began", [("September 30, 2015", 2015, 9, 30)]),
        ("On 17 August, US forces killed", [("On 17 August", None, 8, 17)]),
        ("the 2019–2020 regime onslaught", [("2019–2020", 2019, None, None)]),
        ("since 2015 Russia has", [("since 2015", 2015, None, None)]),
        ("the fall of Damascus a week ago", [("a week ago", None, None, None)]),
        ("In May this year he", [("In May this year", None, 5, None)]),
        ("killed 2000 people in 2013", [("in 2013", 2013, None, None)]),
        ("in the 1980s", [("in the 1980s", None, None, None)]),
        ("He may go in December 2024.", [("in December 2024", 2024, 12, None)]),
        ("intervention in Syria's civil war in 2015 was proof", [("in 2015", 2015, None, None)]),
        ("killed 230000 people", []),
    ],
)
def test_find_dates(text, expected):
    assert [(d.text, d.year, d.month, d.day) for d in find_dates(text)] == expected


def test_nearest_date_respects_clauses():
    text = "He joined the army in 2006 and fought Russian forces again in Georgia in 2008."
    dates = find_dates(text)
    assert date_nearest(dates, text.index("fought"), text).year == 2008
    assert date_nearest(dates, text.index("joined"), text).year == 2006

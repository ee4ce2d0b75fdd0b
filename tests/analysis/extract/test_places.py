from analysis.extract.places import find_places
from analysis.knowledge.lexicons import load_places


def test_gazetteer_has_the_named_places():
    places, _ = load_places()
    aliases = {alias for p in places for alias in p.aliases}
    for name in ["Aleppo", "Idlib", "Damascus", "Latakia", "Tartus", "Tartous", "Khmeimim", "Hmeimim", "Hama", "Homs",
                 "Daraa", "Qamishli", "Raqqa", "Deir ez-Zor", "Golan Heights", "Doha", "Astana", "Moscow"]:
        assert name in aliases, name
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in places)


def test_find_places_with_coordinates():
    text = "Strikes near Idlib and the Hmeimim base; the Washington Post reported from Aleppo."
    found = [(p.name, text[s:e]) for p, s, e in find_places(text, 0, len(text))]
    names = [n for n, _ in found]
    assert "Aleppo" in names and any("Khmeimim" in n for n in names)
    assert all(surface in text for _, surface in found)
    assert "Washington" not in names

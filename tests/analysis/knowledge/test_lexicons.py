import pytest

from analysis.knowledge.lexicons import LexiconError, load_event_types, load_named_events, load_places, read_toml


def test_every_named_event_uses_a_known_type_and_a_plausible_date():
    keys = {t.key for t in load_event_types()}
    for event in load_named_events():
        assert event.event_type in keys
        assert 1900 < event.year < 2100 and event.patterns


def test_event_types_have_labels_and_triggers():
    for event_type in load_event_types():
        assert event_type.label and event_type.description and event_type.triggers


def test_place_names_are_unique():
    places, ignore = load_places()
    names = [p.name for p in places]
    assert len(names) == len(set(names)) and "Washington Post" in ignore


def test_read_toml_errors_name_the_file(tmp_path):
    path = tmp_path / "x.toml"
    path.write_bytes(b"\xff\xfe bad")
    with pytest.raises(LexiconError, match="x.toml"):
        read_toml(path)
    with pytest.raises(LexiconError, match="no such file"):
        read_toml(tmp_path / "missing.toml")


def test_actor_dictionary_is_reused_until_a_file_changes(tmp_path):
    from analysis.knowledge.lexicons import load_actor_lexicon

    assert load_actor_lexicon() is load_actor_lexicon()  # one compiled matcher per process
    extra = tmp_path / "extra.toml"
    extra.write_text('[[actor]]\nname = "Wagner Group"\naliases = ["Wagner"]\n', encoding="utf-8")
    first = load_actor_lexicon(extra)
    assert first is load_actor_lexicon(extra)
    extra.write_text('[[actor]]\nname = "Wagner Group"\naliases = ["Wagner", "PMC Wagner"]\n', encoding="utf-8")
    changed = load_actor_lexicon(extra)
    assert changed is not first
    assert "PMC Wagner" in next(a for a in changed.actors if a.name == "Wagner Group").aliases

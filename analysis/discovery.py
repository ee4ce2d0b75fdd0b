"""Actors the NER model finds, resolved within a corpus: one actor per real-world entity.

A candidate is an entity span of a sentence (:mod:`analysis.ner`). Those a lexicon already
names are left to it. The rest are normalised (titles, "the" and possessives off), grouped
(a person's surname alone joins the one full name that ends with it; an acronym joins the
name it abbreviates), typed from the words of their names (``data/discovery.toml``) and become
actors of origin "model", whose every written form then counts wherever it occurs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from analysis.lexicons import Actor, ActorLexicon, load_places, read_toml, stable_colour
from analysis.paths import DATA_DIR

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Entity labels of places (countries, regions and cities; mountains, seas; buildings, bases, airports).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels a lexicon may claim: a span naming a state ("Freedonia" as GPE, "Freedonians" as NORP) is its actor.
_LEXICON_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*([A-Z][A-Za-z&.\-]{1,9})\s*\)")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "&", "de", "du", "des", "la", "le", "al"})
# Lower-case words a name may hold: "Katibat al-Fajr", "Ludwig van Beethoven", "Bank of Freedonia".
_NAME_PARTICLES = frozenset({"of", "the", "and", "for", "de", "du", "des", "da", "do", "dos", "la", "le", "al", "el", "bin", "ibn", "van",
                             "von", "der", "den", "y", "e", "di", "del", "della", "on", "in", "at", "&", "upon", "au", "aux"})


@dataclass(frozen=True)
class Candidate:
    """An entity span the model found: its label, surface (as analysed), offsets and what follows it."""

    doc_id: str
    sentence_id: int
    label: str
    surface: str
    start: int
    end: int
    acronym: str = ""  # "RSF" when the span is followed by "(RSF)"
    sentence_initial: bool = False
    lower_count: int = 0  # for a one-word name: how often the document writes it in lower case ("Army" / "army")


@dataclass(frozen=True)
class DiscoveryRules:
    """The editable rules of ``data/discovery.toml``."""

    titles: tuple[str, ...]
    types: tuple[tuple[str, frozenset[str]], ...]
    state_bodies: frozenset[str]
    min_model_share_single_word: float
    surname_dominance: float = 4.0

    @property
    def single_word_titles(self) -> frozenset[str]:
        """The one-word titles, lower-cased."""
        return frozenset(t.lower().rstrip(".") for t in self.titles if " " not in t)

    @property
    def title_pattern(self) -> re.Pattern[str]:
        """Matches the titles at the front of a name."""
        return _title_pattern(self.titles)


@lru_cache(maxsize=1)
def load_rules() -> DiscoveryRules:
    """The discovery rules in data/discovery.toml."""
    data = read_toml(DATA_DIR / "discovery.toml")
    types = tuple((kind, frozenset(w.lower() for w in words)) for kind, words in data.get("types", {}).items())
    return DiscoveryRules(
        titles=tuple(dict.fromkeys(data.get("titles", []))),
        types=types,
        state_bodies=frozenset(w.lower() for w in data.get("state_bodies", [])),
        min_model_share_single_word=float(data.get("min_model_share_single_word", 0.25)),
        surname_dominance=float(data.get("surname_dominance", 4.0)),
    )


@lru_cache(maxsize=4)
def _title_pattern(titles: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"^(?:(?:{alternatives})\s+)+", re.IGNORECASE)


def candidate_after(text: str, end: int) -> str:
    """The acronym written in brackets right after a span ending at ``end`` ("... Forces (RSF)"), or ""."""
    m = _ACRONYM_AFTER.match(text[end : end + 16])
    return m.group(1) if m and sum(c.isupper() for c in m.group(1)) >= 2 else ""


def normalise_name(surface: str, label: str, rules: DiscoveryRules | None = None) -> str:
    """The name a span writes: whitespace collapsed, "the", possessive and (for people) titles taken off."""
    rules = rules or load_rules()
    name = " ".join(surface.split())
    name = _POSSESSIVE.sub("", name).strip(" .,;:-–—\"'“”‘’()[]")
    words = name.split()
    # "Across Zenda", "But Freedonia", "The Palace": a capitalised function word the model took in
    while len(words) > 1 and words[0].lower() in STOP_WORDS:
        words = words[1:]
    name = " ".join(words)
    stripped = rules.title_pattern.sub("", name)
    return stripped if stripped and stripped[0].isupper() else name


@dataclass
class Discovery:
    """The corpus's model-found actors and how each candidate form resolves."""

    actors: tuple[Actor, ...] = ()
    # normalised form -> actor name, for the forms the model found (and the rules that merged them)
    forms: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # normalised form -> its most frequent label
    places: tuple[str, ...] = ()  # names the model took for places (GPE, LOC, FAC) that no lexicon or gazetteer knows

    def lexicon(self) -> ActorLexicon:
        """The discovered actors as a lexicon (to lay over the dictionary's)."""
        return ActorLexicon(self.actors, ())


def discover(candidates: Iterable[Candidate], lexicon: ActorLexicon, *, rules: DiscoveryRules | None = None) -> Discovery:
    """Resolve the corpus's candidates that no lexicon names into actors of origin "model"."""
    rules = rules or load_rules()
    label_counts: dict[str, Counter] = defaultdict(Counter)
    acronyms: dict[str, Counter] = defaultdict(Counter)
    only_initial: dict[str, bool] = {}
    lower: Counter = Counter()
    counted: set[tuple[str, str]] = set()
    documents: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        if c.label not in ACTOR_LABELS and c.label not in _LEXICON_LABELS:
            continue
        name = _without_leading_alias(normalise_name(c.surface, c.label, rules), c.label, lexicon)
        if not _plausible(name, c.label) or _ends_with_title(name, rules):
            continue
        label_counts[name][c.label] += 1
        documents[name].add(c.doc_id)
        only_initial[name] = only_initial.get(name, True) and c.sentence_initial
        if c.lower_count and (name, c.doc_id) not in counted:
            counted.add((name, c.doc_id))
            lower[name] += c.lower_count
        if c.acronym and c.label == "ORG" and _abbreviates(c.acronym, name) and not lexicon.matcher.find(c.acronym):
            acronyms[name][c.acronym] += 1
    labels = {name: counts.most_common(1)[0][0] for name, counts in label_counts.items()}
    # A word written in lower case more often than the model tags it is a common word ("May", "Army"), not a name.
    common = {name for name, n in lower.items() if n > sum(label_counts[name].values())}
    places = _place_names()
    free = {
        name: label
        for name, label in labels.items()
        if label in ACTOR_LABELS
        and not _lexicon_names(name, label, lexicon, rules)
        and not (" " not in name and name in common)
        and not (label != "PERSON" and (name in places or (name.endswith("s") and name[:-1] in places)))
    }
    not_people = {name for name, label in labels.items() if label != "PERSON"} | common
    found = _resolve(free, label_counts, acronyms, rules, {a.name for a in lexicon.actors}, not_people, documents)
    found.places = tuple(
        sorted(
            name
            for name, label in labels.items()
            if label in PLACE_LABELS
            and name not in places
            and not lexicon.matcher.find(name)
            and not (" " not in name and (only_initial[name] or name in common))
        )
    )
    return found


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every name of the gazetteer's places: the model sometimes takes a town for a group or a people."""
    return frozenset(alias for place in load_places()[0] for alias in place.aliases)


def _ends_with_title(name: str, rules: DiscoveryRules) -> bool:
    """ "Tory Treasurer Lord": a span cut before the name it titles."""
    return name.split()[-1].lower() in rules.single_word_titles


def _plausible(name: str, label: str) -> bool:
    """A name starts with a capital, has a letter, and every word is capitalised or a particle ("al", "of", "van");
    a person's words are words, not scores ("Russell 75")."""
    if len(name) < 2 or not name[0].isupper() or not any(ch.isalpha() for ch in name):
        return False
    if label == "PERSON" and any(ch.isdigit() for ch in name):
        return False
    words = name.split()
    if not all(any(ch.isalnum() for ch in w) for w in words) or not (words[-1][0].isupper() or words[-1][0].isdigit()):
        return False  # "Alan Milburn - the"
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_PARTICLES or any(ch.isupper() for ch in w) or "-" in w[:4]
               for w in name.split())


def _without_leading_alias(name: str, label: str, lexicon: ActorLexicon) -> str:
    """A person's name without an organisation or state the model took in with it ("UN Ramlan Ibrahim")."""
    if label != "PERSON":
        return name
    matches = lexicon.matcher.find(name)
    if matches and matches[0].start == 0 and matches[0].end < len(name):
        rest = name[matches[0].end :].strip()
        if len(rest.split()) >= 2:
            return rest
    return name


def _lexicon_names(name: str, label: str, lexicon: ActorLexicon, rules: DiscoveryRules) -> bool:
    """Whether a lexicon already accounts for the name: it is an alias, or a state's name plus a body of that state."""
    matches = lexicon.matcher.find(name)
    if not matches:
        return False
    # "Trentinos", "Sylvanias": a possessive written without its apostrophe
    if any(m.start == 0 and (m.end == len(name) or (m.end == len(name) - 1 and name.endswith("s"))) for m in matches):
        return True
    if _covered(name, matches):  # "Al Fenwicks Sylvania": names the lexicon knows, run together
        return True
    if label == "PERSON":  # "Freedonia Want" in a title-cased headline; a person is rarely named after a state
        return matches[0].start == 0 and lexicon.types.get(matches[0].key) == "state"
    if label != "ORG":
        return label == "NORP"
    first = matches[0]
    rest = name[first.end :].strip().lower()
    return first.start == 0 and rest in rules.state_bodies


def _covered(name: str, matches: Sequence) -> bool:
    """Whether every capitalised word of ``name`` lies inside one of the lexicon's matches."""
    position = 0
    for word in name.split():
        start = name.index(word, position)
        position = start + len(word)
        if word[0].isupper() and not any(m.start <= start and position <= m.end + 1 for m in matches):
            return False
    return True


def _resolve(
    free: dict[str, str],
    label_counts: dict[str, Counter],
    acronyms: dict[str, Counter],
    rules: DiscoveryRules,
    taken: set[str],
    not_people: set[str],
    documents: dict[str, set[str]],
) -> Discovery:
    frequency = {name: sum(label_counts[name].values()) for name in free}
    groups: dict[str, list[tuple[str, str]]] = {}  # actor name -> [(form, rule)]
    kinds: dict[str, str] = {}
    forms: dict[str, str] = {}
    people = [n for n, label in free.items() if label == "PERSON"]
    _group_people(people, frequency, groups, forms, not_people, rules.surname_dominance)
    for name, label in free.items():
        if label != "PERSON":
            forms[name] = name
            groups.setdefault(name, []).append((name, "model"))
            kinds[name] = label
    _merge_plurals(groups, kinds, frequency)
    _merge_acronyms(free, acronyms, groups, forms, documents)
    actors = []
    for actor_name, members in groups.items():
        display = actor_name if actor_name not in taken else f"{actor_name} ({_type_of(actor_name, kinds.get(actor_name, 'PERSON'), rules)})"
        for form, _ in members:
            forms[form] = display
        aliases = tuple(dict.fromkeys(form for form, _ in members))
        actors.append(
            Actor(
                name=display,
                type=_type_of(actor_name, kinds.get(actor_name, "PERSON"), rules),
                color=stable_colour(display),
                aliases=aliases,
                case_sensitive=aliases,
                origin="model",
                alias_rules=tuple((form, rule) for form, rule in members if rule != "model"),
            )
        )
    return Discovery(tuple(actors), forms, {n: free[n] for n in free})


def _group_people(
    names: Sequence[str],
    frequency: dict[str, int],
    groups: dict[str, list[tuple[str, str]]],
    forms: dict[str, str],
    not_people: set[str],
    dominance: float,
) -> None:
    """Full names by first and last word (most frequent spelling names the group); a surname joins its only full name.

    A surname shared by several full names joins the one named ``dominance`` times as often as all
    the others together ("Firefly": Rufus, not Ruth), else none. A surname that the corpus mostly
    writes as something else ("Labour" after "Blair") stays out.
    """
    full: dict[tuple[str, str], list[str]] = defaultdict(list)
    singles = []
    for name in names:
        words = name.split()
        if len(words) >= 2:
            full[(words[0].lower(), words[-1].lower())].append(name)
        else:
            singles.append(name)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for members in full.values():
        canonical = max(members, key=lambda n: (frequency[n], len(n), n))
        groups[canonical] = [(canonical, "model")] + [(m, "model") for m in members if m != canonical]
        by_surname[canonical.split()[-1].lower()].append(canonical)
    for name in singles:
        owner = _owner(by_surname.get(name.lower(), []), groups, frequency, dominance)
        if owner is not None:
            groups[owner].append((name, "surname"))
        else:  # unknown or shared by two people: the surname stays an actor of its own
            groups[name] = [(name, "model")]
    # A surname the corpus gives to one full name only counts for it wherever it is written ("Firefly said").
    for surname, owners in by_surname.items():
        owner = _owner(owners, groups, frequency, dominance)
        written = owner.split()[-1] if owner else ""
        if owner and written not in groups and written not in not_people and not any(form == written for form, _ in groups[owner]):
            groups[owner].append((written, "surname"))
    for canonical, members in groups.items():
        for form, _ in members:
            forms[form] = canonical


def _owner(owners: list[str], groups: dict[str, list[tuple[str, str]]], frequency: dict[str, int], dominance: float) -> str | None:
    """The full name a lone surname stands for: the only one, or one that dominates the others."""
    if len(owners) <= 1:
        return owners[0] if owners else None
    counts = sorted(((sum(frequency.get(form, 0) for form, _ in groups[o]), o) for o in owners), reverse=True)
    top, rest = counts[0][0], sum(n for n, _ in counts[1:])
    return counts[0][1] if top >= dominance * max(rest, 1) else None


def _merge_plurals(groups: dict[str, list[tuple[str, str]]], kinds: dict[str, str], frequency: dict[str, int]) -> None:
    """Group names that differ only by a plural or by "Party" join the most frequent: Tory/Tories, Democrat/Democrats."""
    keys: dict[str, list[str]] = defaultdict(list)
    for name in [n for n in groups if n in kinds]:
        keys[_singular(name)].append(name)
    for members in keys.values():
        if len(members) < 2:
            continue
        owner = max(members, key=lambda n: (frequency.get(n, 0), len(n), n))
        for name in members:
            if name != owner:
                groups[owner] += [(form, "variant") for form, _ in groups.pop(name)]


def _singular(name: str) -> str:
    """The name without a plural ending and a trailing "Party", lower-cased: the key :func:`_merge_plurals` groups by."""
    key = re.sub(r"\s+Party$", "", name).lower()
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    return key[:-1] if key.endswith("s") and not key.endswith("ss") and len(key) > 3 else key


def _merge_acronyms(
    free: dict[str, str],
    acronyms: dict[str, Counter],
    groups: dict[str, list[tuple[str, str]]],
    forms: dict[str, str],
    documents: dict[str, set[str]],
) -> None:
    """An acronym joins its name: written in brackets after it, or (failing that) the one name whose
    initials it is and that some document writes beside it ("GM" is not "Group Menatep" in another story)."""
    introduced = {}
    for name, counts in acronyms.items():
        if name in groups:
            acronym = counts.most_common(1)[0][0]
            introduced.setdefault(acronym, name)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for name, label in free.items():
        if label == "ORG" and " " in name and name in groups:
            by_initials[_initials(name)].append(name)
    for acronym in [n for n in list(groups) if n.isupper() and 2 <= len(n) <= 6 and " " not in n] + list(introduced):
        owner = introduced.get(acronym)
        if owner is None and len(by_initials.get(acronym, [])) == 1 and documents.get(acronym, set()) & documents.get(by_initials[acronym][0], set()):
            owner = by_initials[acronym][0]
        if owner is None or owner == acronym or owner not in groups:
            continue
        groups.pop(acronym, None)
        groups[owner].append((acronym, "acronym"))
        forms[acronym] = owner


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` can stand for ``name``: its letters start as the name's initials do."""
    letters = "".join(ch for ch in acronym if ch.isalpha()).upper()
    initials = _initials(name)
    return bool(letters) and bool(initials) and letters[0] == initials[0] and len(letters) <= len(name.split()) + 2


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word.lower() not in _MINOR_WORDS and word[0].isalpha()).upper()


def _type_of(name: str, label: str, rules: DiscoveryRules) -> str:
    words = [w.lower() for w in name.split()]
    for kind, cues in rules.types:
        if kind == "political party" and (any(w in cues for w in words) or name.lower() in cues):
            return kind
        if words and words[-1] in cues:
            return kind
    return {"PERSON": "person", "NORP": "people/nationality"}.get(label, "organisation")


def single_word_share_ok(model_hits: int, occurrences: int, rules: DiscoveryRules | None = None) -> bool:
    """Whether a one-word name the model tagged in ``model_hits`` of its ``occurrences`` counts everywhere."""
    rules = rules or load_rules()
    return occurrences > 0 and model_hits / occurrences >= rules.min_model_share_single_word

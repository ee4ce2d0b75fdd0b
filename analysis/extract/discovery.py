"""Actors the NER model finds, resolved within a corpus: one actor per real-world entity.

A candidate is an entity span of a sentence (:mod:`analysis.extract.ner`). Those a lexicon already
names are left to it. The rest are normalised (titles, "the" and possessives off), grouped
(a person's surname alone joins the one full name that ends with it; an acronym joins the
name it abbreviates), typed from the words of their names (``data/discovery.toml``) and become
actors of origin "model", whose every written form then counts wherever it occurs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from analysis.extract.geocode import region_adjectives
from analysis.knowledge.lexicons import Actor, ActorLexicon, load_places, read_toml, stable_colour
from analysis.paths import DATA_DIR

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Entity labels of places (countries, regions and cities; mountains, seas; buildings, bases, airports).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels a lexicon may claim: a span naming a state ("Freedonia" as GPE, "Freedonians" as NORP) is its actor.
_LEXICON_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*([A-Z][A-Za-z&.\-]{1,9})\s*\)")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Words a sentence may start with that the model sometimes takes into a name.
_LEADING_FUNCTION_WORDS = frozenset(
    "the a an and but or nor so yet for of in on at to from by with across after before during since until "
    "while when if as this that these those then there here".split()
)
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "&", "de", "du", "des", "la", "le", "al"})
# Lower-case words a name may hold: "Katibat al-Zenda", "Rudolf van Ruritania", "Bank of Freedonia".
_NAME_PARTICLES = frozenset({"of", "the", "and", "for", "de", "du", "des", "da", "do", "dos", "la", "le", "al", "el", "bin", "ibn", "van",
                             "von", "der", "den", "y", "e", "di", "del", "della", "on", "in", "at", "&", "upon", "au", "aux"})


@dataclass(frozen=True, slots=True)  # slots: a corpus has hundreds of thousands, all held until resolution
class Candidate:
    """An entity span the model found: its label, surface (as analysed), offsets and what follows it."""

    doc_id: str
    sentence_id: int
    label: str
    surface: str
    start: int
    end: int
    acronym: str = ""  # "NRF" when the span is followed by "(NRF)"
    sentence_initial: bool = False
    lower_count: int = 0  # for a one-word name: how often the document writes it in lower case ("Army" / "army")
    team: bool = False  # a place name in a results line ("Zenda 2 Strelsau 1"): a team, not the town


@dataclass(frozen=True)
class DiscoveryRules:
    """The editable rules of ``data/discovery.toml``."""

    titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    last_word_not_a_name: frozenset[str]
    types: tuple[tuple[str, frozenset[str]], ...]
    state_bodies: frozenset[str]
    min_model_share_single_word: float
    surname_dominance: float = 4.0
    government_references: tuple[str, ...] = ()
    not_offices: frozenset[str] = frozenset()
    organisation_suffixes: frozenset[str] = frozenset()
    people_endings: tuple[str, ...] = ()
    home_state_min_mentions: int = 2
    home_state_dominance: float = 2.0

    @cached_property
    def people_ending(self) -> re.Pattern[str]:
        """Matches the end of a word that can name a people ("Kurds", "Alawites"); without endings, any word."""
        return re.compile(rf"(?:{'|'.join(self.people_endings)})$" if self.people_endings else "")

    @cached_property
    def plural_titles(self) -> frozenset[str]:
        """The titles as written, to recognise their plurals ("MP" for "MPs")."""
        return frozenset(self.titles)

    @cached_property
    def office_titles(self) -> tuple[str, ...]:
        """The titles that name an office ("the home secretary"): not honorifics, not the :attr:`not_offices`."""
        return tuple(t for t in self.titles if t not in self.honorifics and t.lower() not in self.not_offices and t[-1] != ".")

    @property
    def title_pattern(self) -> re.Pattern[str]:
        """Matches the titles at the front of a name."""
        return _title_pattern(self.titles)

    @property
    def honorific_pattern(self) -> re.Pattern[str]:
        """Matches the honorifics at the front of a name."""
        return _title_pattern(self.honorifics)


@lru_cache(maxsize=1)
def load_rules() -> DiscoveryRules:
    """The discovery rules in data/discovery.toml."""
    data = read_toml(DATA_DIR / "discovery.toml")
    types = tuple((kind, frozenset(w.lower() for w in words)) for kind, words in data.get("types", {}).items())
    return DiscoveryRules(
        titles=tuple(dict.fromkeys(data.get("titles", []))),
        honorifics=tuple(dict.fromkeys(data.get("honorifics", []))),
        last_word_not_a_name=frozenset(w.lower() for w in data.get("last_word_not_a_name", [])),
        types=types,
        state_bodies=frozenset(w.lower() for w in data.get("state_bodies", [])),
        min_model_share_single_word=float(data.get("min_model_share_single_word", 0.1)),
        surname_dominance=float(data.get("surname_dominance", 4.0)),
        government_references=tuple(data.get("government_references", [])),
        not_offices=frozenset(w.lower() for w in data.get("not_offices", [])),
        organisation_suffixes=frozenset(data.get("organisation_suffixes", [])),
        people_endings=tuple(data.get("people_endings", [])),
        home_state_min_mentions=int(data.get("home_state_min_mentions", 2)),
        home_state_dominance=float(data.get("home_state_dominance", 2.0)),
    )


@lru_cache(maxsize=4)
def _title_pattern(titles: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"^(?:(?:{alternatives})\s+)+", re.IGNORECASE)


def label_in_context(label: str, text: str, start: int, rules: DiscoveryRules | None = None) -> str:
    """The model's label, or PERSON for a span right after an honorific: "Mr Zenda" is a person whatever the model took it for."""
    if label == "PERSON":
        return label
    return "PERSON" if _honorific_before((rules or load_rules()).honorifics).search(text, max(0, start - 12), start) else label


@lru_cache(maxsize=4)
def _honorific_before(honorifics: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(h.rstrip(".")) for h in sorted(set(honorifics), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})\.?[ \t]+$")


def candidate_after(text: str, end: int) -> str:
    """The acronym written in brackets right after a span ending at ``end`` ("... Forces (NRF)"), or ""."""
    m = _ACRONYM_AFTER.match(text[end : end + 16])
    return m.group(1) if m and sum(c.isupper() for c in m.group(1)) >= 2 else ""


def normalise_name(surface: str, label: str, rules: DiscoveryRules | None = None) -> str:
    """The name a span writes: whitespace collapsed, a leading function word ("the", "but") and a possessive
    taken off, and titles: all of them for a person, honorifics ("Mr", "Dr") for any label ("General Motors" stays)."""
    rules = rules or load_rules()
    name = " ".join(surface.split())
    name = POSSESSIVE.sub("", name).strip(" .,;:-–—\"'“”‘’()[]")
    words = name.split()
    # "Across Zenda", "But Freedonia", "The Palace": a capitalised function word the model took in
    while len(words) > 1 and words[0].lower() in _LEADING_FUNCTION_WORDS:
        words = words[1:]
    name = " ".join(words)
    stripped = (rules.title_pattern if label == "PERSON" else rules.honorific_pattern).sub("", name)
    return stripped if stripped and stripped[0].isupper() else name


@dataclass
class Discovery:
    """The corpus's model-found actors and how each candidate form resolves."""

    actors: tuple[Actor, ...] = ()
    # normalised form -> actor name, for the forms the model found (and the rules that merged them)
    forms: dict[str, str] = field(default_factory=dict)
    places: tuple[str, ...] = ()  # names the model took for places (GPE, LOC, FAC) that no lexicon or gazetteer knows

    def lexicon(self) -> ActorLexicon:
        """The discovered actors as a lexicon (to lay over the dictionary's)."""
        return ActorLexicon(self.actors, ())


@dataclass
class CandidateTally:
    """What resolution reads from entity candidates, without the candidates themselves.

    Built where the candidates are found (per document, on the workers) and merged with
    :meth:`update` in input order, it equals the tally of the whole corpus's candidates: a
    cluster's client then holds one entry per distinct name, not one per mention.
    """

    labels: dict[str, Counter] = field(default_factory=dict)  # name as resolved -> model label -> candidates
    only_initial: dict[str, bool] = field(default_factory=dict)  # every candidate of the name starts its sentence
    lower: Counter = field(default_factory=Counter)  # name -> lower-case writings of it, summed over documents
    acronyms: dict[str, Counter] = field(default_factory=dict)  # name -> acronyms written in brackets after it
    beside: set[tuple[str, str]] = field(default_factory=set)  # (short capitals name, name with those initials) in one document
    places: Counter = field(default_factory=Counter)  # normalised names of place-labelled candidates
    as_place: Counter = field(default_factory=Counter)  # normalised name -> candidates labelled a place
    as_other: Counter = field(default_factory=Counter)  # ... labelled anything else
    heads: Counter = field(default_factory=Counter)  # first word of multi-word organisation names
    lowered: Counter = field(default_factory=Counter)  # one-word normalised name -> lower-case writings, over documents
    teams: Counter = field(default_factory=Counter)  # name -> candidates in results lines (a town's name as its team)

    @staticmethod
    def merged(tallies: Iterable[CandidateTally | None]) -> CandidateTally:
        """One new tally of ``tallies`` (in input order; None skipped), which are left as they were."""
        tally = CandidateTally()
        for other in tallies:
            if other is not None:
                tally.update(other)
        return tally

    def update(self, other: CandidateTally) -> CandidateTally:
        """Add ``other`` (the candidates of the documents that follow this tally's)."""
        for mine, theirs in ((self.labels, other.labels), (self.acronyms, other.acronyms)):
            for name, counts in theirs.items():
                mine.setdefault(name, Counter()).update(counts)
        for name, initial in other.only_initial.items():
            self.only_initial[name] = self.only_initial.get(name, True) and initial
        for mine, theirs in ((self.lower, other.lower), (self.places, other.places), (self.as_place, other.as_place),
                             (self.as_other, other.as_other), (self.heads, other.heads), (self.lowered, other.lowered),
                             (self.teams, other.teams)):
            mine.update(theirs)
        self.beside |= other.beside
        return self


def tally_candidates(candidates: Iterable[Candidate], lexicon: ActorLexicon, *, rules: DiscoveryRules | None = None) -> CandidateTally:
    """The :class:`CandidateTally` of some documents' candidates (``lexicon``: the one the corpus is resolved beside)."""
    rules = rules or load_rules()
    candidates = list(candidates)
    plain = [normalise_name(c.surface, c.label, rules) for c in candidates]  # read once, for both tallies
    tally = _place_tally(candidates, plain)
    counted: set[tuple[str, str]] = set()
    named: dict[str, set[str]] = defaultdict(set)  # document -> names, for acronyms written beside their names
    refused: dict[tuple[str, str], bool] = {}
    for c, normalised in zip(candidates, plain):
        if c.label not in _LEXICON_LABELS:  # the actor labels and the place labels a lexicon may claim
            continue
        label = "ORG" if c.team else c.label  # a town in a results line is its team; the place tally keeps the model's label
        name = candidate_reading(normalised, label, lexicon)
        seen = refused.get((name, label))
        if seen is None:
            seen = refused[(name, label)] = not _plausible(name, label) or _ends_with_title(name, rules) or _plural_title(name, rules)
        if seen:
            continue
        tally.labels.setdefault(name, Counter())[label] += 1
        if c.team:
            tally.teams[name] += 1
        named[c.doc_id].add(name)
        tally.only_initial[name] = tally.only_initial.get(name, True) and c.sentence_initial
        if c.lower_count and (name, c.doc_id) not in counted:
            counted.add((name, c.doc_id))
            tally.lower[name] += c.lower_count
        if c.acronym and c.label == "ORG" and _abbreviates(c.acronym, name) and not lexicon.matcher.find(c.acronym):
            tally.acronyms.setdefault(name, Counter())[c.acronym] += 1
    for names in named.values():
        short = {n for n in names if _may_be_acronym(n)}
        tally.beside |= {(_initials(n), n) for n in names if " " in n and _initials(n) in short}
    return tally


def place_tally(candidates: Iterable[Candidate], *, rules: DiscoveryRules | None = None) -> CandidateTally:
    """A tally of only what decides places: how each name is labelled (a place or not), its lower-case
    writings, the first words of organisation names (:func:`analysis.engines.pipeline.organisation_names`)."""
    rules = rules or load_rules()
    candidates = list(candidates)
    return _place_tally(candidates, [normalise_name(c.surface, c.label, rules) for c in candidates])


def _place_tally(candidates: Sequence[Candidate], names: Sequence[str]) -> CandidateTally:
    tally = CandidateTally()
    lower_by_document: dict[tuple[str, str], int] = {}
    for c, name in zip(candidates, names):
        if c.label in PLACE_LABELS:
            tally.places[name] += 1
        if not name:
            continue
        (tally.as_place if c.label in PLACE_LABELS else tally.as_other)[name] += 1
        if c.label == "ORG" and " " in name:
            tally.heads[name.split(" ", 1)[0]] += 1
        if " " not in name:
            lower_by_document[(name, c.doc_id)] = c.lower_count
    for (name, _), n in lower_by_document.items():
        tally.lowered[name] += n
    return tally


def _may_be_acronym(name: str) -> bool:
    return name.isupper() and 2 <= len(name) <= 6 and " " not in name


def discover(
    found: Iterable[Candidate] | CandidateTally, lexicon: ActorLexicon, *, rules: DiscoveryRules | None = None,
    not_places: Collection[str] = frozenset(),
) -> Discovery:
    """Resolve the corpus's candidates (or their tally) that no lexicon names into actors of origin "model".

    ``not_places`` are names the model took for places that the corpus shows are not ("Zentel said",
    "shares in Zentel"): they are organisations here.
    """
    tally = found if isinstance(found, CandidateTally) else tally_candidates(found, lexicon, rules=rules)
    rules = rules or load_rules()
    label_counts, acronyms, only_initial, lower = tally.labels, tally.acronyms, tally.only_initial, tally.lower
    labels = {name: counts.most_common(1)[0][0] for name, counts in label_counts.items()}
    labels |= {name: "ORG" for name in not_places if labels.get(name) in PLACE_LABELS}
    # A word written in lower case more often than the model tags it is a common word ("May", "Army"), not a name.
    common = {name for name, n in lower.items() if n > sum(label_counts[name].values())}
    places = _place_names()
    free = {
        name: label
        for name, label in labels.items()
        if label in ACTOR_LABELS
        and not _lexicon_names(name, label, lexicon, rules)
        and not (" " not in name and name in common)
        and not (label != "PERSON" and not _team(name, tally) and (name in places or (name.endswith("s") and name[:-1] in places) or name in region_adjectives()))
    }
    not_people = {name for name, label in labels.items() if label != "PERSON"} | common

    def not_surname(word: str) -> bool:  # "Grange" as a party after "Fred Grange"; a lexicon's alias stays the lexicon's
        return word in not_people or any(m.start == 0 and m.end == len(word) for m in lexicon.matcher.find(word))

    found = _resolve(free, label_counts, acronyms, rules, {a.name for a in lexicon.actors}, not_surname, tally.beside)
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


def _team(name: str, tally: CandidateTally) -> bool:
    """A town's name the corpus writes mostly in results lines: its team ("Zenda 2 Strelsau 1")."""
    return tally.teams[name] * 2 >= sum(tally.labels.get(name, Counter()).values()) > 0


_NUMBER = re.compile(r"^[(]?\d[\d.,:/-]*[)]?$")
_LOWER_WORD_TOKEN = re.compile(r"^[a-z][a-z'’-]{2,}$")


def results_line(sentence: str) -> bool:
    """A line of sports results or a league table: mostly numbers beside names ("Zenda 4 2 1 1 6 4 7",
    "Zenda 1 Strelsau 1"), at most one lower-case word."""
    tokens = [t for t in sentence.split() if any(ch.isalnum() for ch in t)]
    numbers = sum(1 for t in tokens if _NUMBER.match(t))
    lower = sum(1 for t in tokens if _LOWER_WORD_TOKEN.match(t))
    return numbers >= 2 and numbers * 3 >= len(tokens) and lower <= 1


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every name of the gazetteer's places: the model sometimes takes a town for a group or a people."""
    return frozenset(alias for place in load_places()[0] for alias in place.aliases)


def _ends_with_title(name: str, rules: DiscoveryRules) -> bool:
    """A span cut before the name it titles ("Party Treasurer Lord"); "Mervyn King" is a name."""
    return name.split()[-1].lower().rstrip(".") in rules.last_word_not_a_name


def _plural_title(name: str, rules: DiscoveryRules) -> bool:
    """A title in the plural is a group of office holders, not a name ("MPs", "Ministers"); "Major" alone may be one."""
    return " " not in name and name.endswith("s") and name[:-1] in rules.plural_titles


def _plausible(name: str, label: str) -> bool:
    """A name starts with a capital, has a letter, every word is capitalised or a particle ("al", "of", "van"),
    and it ends in a name ("al-Fajr" counts), not a particle or a dash; a person's words are words, not scores."""
    if len(name) < 2 or not name[0].isupper() or not any(ch.isalpha() for ch in name):
        return False
    if label == "PERSON" and any(ch.isdigit() for ch in name):
        return False
    words = name.split()
    if not all(any(ch.isalnum() for ch in w) for w in words) or not _name_word(words[-1], last=True):
        return False
    return all(_name_word(w) for w in words)


def _name_word(word: str, *, last: bool = False) -> bool:
    """A capitalised word, a number, a word with a capital inside ("eBay"), or (not last) a particle; "al-X" either way."""
    if word[0].isupper() or word[0].isdigit() or any(ch.isupper() for ch in word) or "-" in word[:4]:
        return True
    return not last and word.lower() in _NAME_PARTICLES


def candidate_reading(name: str, label: str, lexicon: ActorLexicon) -> str:
    """The name discovery resolves, from the normalised name: a person's without an organisation or
    state the model took in with it ("League Rudolf Rassendyll")."""
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
    not_surname: Callable[[str], bool],
    beside: set[tuple[str, str]],
) -> Discovery:
    frequency = {name: sum(label_counts[name].values()) for name in free}
    groups: dict[str, list[tuple[str, str]]] = {}  # actor name -> [(form, rule)]
    kinds: dict[str, str] = {}
    forms: dict[str, str] = {}
    people = [n for n, label in free.items() if label == "PERSON"]
    _group_people(people, frequency, groups, forms, not_surname, rules.surname_dominance)
    for name, label in free.items():
        if label != "PERSON":
            forms[name] = name
            groups.setdefault(name, []).append((name, "model"))
            kinds[name] = label
    _merge_plurals(groups, forms, kinds, frequency)
    _merge_divisions(groups, forms, kinds, rules.organisation_suffixes)
    _merge_acronyms(free, acronyms, groups, forms, beside)
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
                alias_rules=tuple(dict.fromkeys((form, rule) for form, rule in members if rule != "model")),
            )
        )
    return Discovery(tuple(actors), forms)


def _group_people(
    names: Sequence[str],
    frequency: dict[str, int],
    groups: dict[str, list[tuple[str, str]]],
    forms: dict[str, str],
    not_surnames: Callable[[str], bool],
    dominance: float,
) -> None:
    """People's full names grouped (one spelling names each group), and each surname joined to its full name.

    A longer name joins a shorter one whose words it holds in order when the words it adds are
    not initials ("Rufus Tee Firefly" -> "Rufus Firefly"; "George H. W. Doe" stays apart from
    "George W. Doe"). A surname joins the only full name that ends with it, or the one named
    ``dominance`` times as often as all the others together ("Firefly": Rufus, not Ruth); else
    it stays apart. ``not_surnames`` says which words never count as a surname (a lexicon's
    alias, a word the corpus mostly writes as something else).
    """
    full = sorted({n for n in names if " " in n}, key=lambda n: (len(n.split()), -frequency[n], n))
    singles = [n for n in names if " " not in n]
    owner_of: dict[str, str] = {}
    owners_by_ends: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)  # a name extends only one with its first and last word
    for name in full:
        words = name.lower().split()
        ends = (words[0], words[-1])
        shorter = [c for c in owners_by_ends[ends] if _extends(name, c)]
        owner_of[name] = shorter[0] if len(shorter) == 1 else name
        owners_by_ends[ends][owner_of[name]] = None
    for name in full:
        owner = owner_of[name]
        groups.setdefault(owner, [(owner, "model")])
        if name != owner:
            groups[owner].append((name, "model"))
    by_surname: dict[str, list[str]] = defaultdict(list)
    for owner in dict.fromkeys(owner_of.values()):
        by_surname[owner.split()[-1].lower()].append(owner)
    for name in singles:
        owner = _owner(by_surname.get(name.lower(), []), groups, frequency, dominance)
        if owner is not None:
            groups[owner].append((name, "surname"))
        else:  # unknown or shared by two people: the surname stays an actor of its own
            groups[name] = [(name, "model")]
    # A surname the corpus gives to one full name only counts for it wherever it is written ("Firefly said").
    for owners in by_surname.values():
        owner = _owner(owners, groups, frequency, dominance)
        written = owner.split()[-1] if owner else ""
        if owner and written not in groups and not not_surnames(written) and all(form != written for form, _ in groups[owner]):
            groups[owner].append((written, "surname"))
    for canonical, members in groups.items():
        for form, _ in members:
            forms[form] = canonical


def _extends(longer: str, shorter: str) -> bool:
    """Whether ``longer`` holds ``shorter``'s words in order, same first and last, adding no initial."""
    long_words, short_words = longer.lower().split(), shorter.lower().split()
    if long_words[0] != short_words[0] or long_words[-1] != short_words[-1] or len(long_words) <= len(short_words):
        return False
    position, added = 0, []
    for word in long_words:
        if position < len(short_words) and word == short_words[position]:
            position += 1
        else:
            added.append(word)
    return position == len(short_words) and not any(len(w.rstrip(".")) == 1 for w in added)


def _owner(owners: list[str], groups: dict[str, list[tuple[str, str]]], frequency: dict[str, int], dominance: float) -> str | None:
    """The full name a lone surname stands for: the only one, or one that dominates the others."""
    if len(owners) <= 1:
        return owners[0] if owners else None
    counts = sorted(((sum(frequency.get(form, 0) for form, _ in groups[o]), o) for o in owners), reverse=True)
    top, rest = counts[0][0], sum(n for n, _ in counts[1:])
    return counts[0][1] if top >= dominance * max(rest, 1) else None


def _merge_plurals(groups: dict[str, list[tuple[str, str]]], forms: dict[str, str], kinds: dict[str, str], frequency: dict[str, int]) -> None:
    """Group names that differ only by a plural or by "Party" join the most frequent: Whig/Whigs, Ruritanian Party/Ruritanians."""
    keys: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in [n for n in groups if n in kinds]:
        keys[(_singular(name), kinds[name])].append(name)  # within one label: a newspaper (ORG) and a people (NORP) stay apart
    for members in keys.values():
        if len(members) < 2:
            continue
        owner = max(members, key=lambda n: (frequency.get(n, 0), len(n), n))
        for name in members:
            if name != owner:
                groups[owner] += [(form, "variant") for form, _ in groups.pop(name)]
                for form, _ in groups[owner]:
                    forms[form] = owner


def _merge_divisions(groups: dict[str, list[tuple[str, str]]], forms: dict[str, str], kinds: dict[str, str], suffixes: frozenset[str]) -> None:
    """An organisation's legal form or outlet joins it: "Acme Inc", "Acme News Online" -> "Acme", where the corpus names "Acme" too."""
    organisations = {n for n in groups if kinds.get(n) == "ORG"}
    for name in sorted(organisations, key=len):
        words = name.split()
        parent = next(
            (" ".join(words[:i]) for i in range(1, len(words)) if " ".join(words[:i]) in organisations and _suffix(words[i:], suffixes)),
            None,
        )
        if parent is None or parent not in groups or name not in groups:
            continue
        groups[parent] += [(form, "variant") for form, _ in groups.pop(name)]
        for form, _ in groups[parent]:
            forms[form] = parent


def _suffix(words: list[str], suffixes: frozenset[str]) -> bool:
    """Whether the words after a name start with one of the ``suffixes`` (of one or two words)."""
    return words[0] in suffixes or " ".join(words[:2]) in suffixes


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
    beside: set[tuple[str, str]],
) -> None:
    """An acronym joins its name: written in brackets after it (by one name only), or (failing that) the one
    name whose initials it is and that some document writes beside it ("GZ" is not another story's "Group Zenda")."""
    introduced: dict[str, set[str]] = defaultdict(set)
    for name, counts in acronyms.items():
        if name in groups:
            introduced[counts.most_common(1)[0][0]].add(name)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for name, label in free.items():
        if label == "ORG" and " " in name and name in groups:
            by_initials[_initials(name)].append(name)
    written = [n for n in groups if _may_be_acronym(n)]
    for acronym in dict.fromkeys(written + list(introduced)):
        owners = introduced.get(acronym, set())
        owner = next(iter(owners)) if len(owners) == 1 else None
        if not owners and len(by_initials.get(acronym, [])) == 1 and (acronym, by_initials[acronym][0]) in beside:
            owner = by_initials[acronym][0]
        if owner is None or owner == acronym or owner not in groups:
            continue
        # the group holding the acronym ("NZO" with "NZOs") moves whole into its owner
        holder = forms.get(acronym, acronym)
        moved = groups.pop(holder) if holder in groups and holder != owner else [(acronym, "model")]
        groups[owner] += [(form, "acronym") for form, _ in moved]
        for form, _ in groups[owner]:
            forms[form] = owner


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
    if label == "NORP" and not rules.people_ending.search(words[-1] if words else ""):
        return "organisation"  # the small model takes firms for peoples ("Valve", "Euronext")
    return {"PERSON": "person", "NORP": "people/nationality"}.get(label, "organisation")

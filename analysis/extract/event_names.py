"""Event names written in the text ("the Battle of Zenda", "the Zenda accords", "the 2008 crisis"), grouped across spellings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from analysis.knowledge.lexicons import LexiconError, load_event_types, read_toml
from analysis.paths import DATA_DIR

EVENT_NAMES = DATA_DIR / "event_names.toml"
# A capitalised word: a name's word ("Good", "Friday", "al-Zenda", "U.S.").
_CAPITALISED = r"[A-Z](?:[\w'-]|\.(?=\w))*"
_NAME = rf"{_CAPITALISED}(?: (?:of |de |la |al-|the |and )?{_CAPITALISED}){{0,3}}"
_YEAR = r"(?:1[89]|20)\d\d"


@dataclass(frozen=True)
class EventName:
    """One event name in a sentence: its text as written, its offsets and the word that makes it an event."""

    text: str
    start: int
    end: int
    head: str


@dataclass(frozen=True)
class _Rules:
    of_form: re.Pattern[str]
    name_form: re.Pattern[str]
    year_form: re.Pattern[str]
    prefixed: re.Pattern[str]
    not_first: frozenset[str]
    head_types: dict[str, str]


def _words(items: Iterable[str]) -> str:
    """An alternation of literal words, longest first, each letter matched in either case."""
    return "|".join(re.sub(r"[a-z]", lambda m: f"[{m.group().upper()}{m.group()}]", re.escape(w)) for w in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = read_toml(EVENT_NAMES)
    try:
        of_heads, name_heads, year_heads = (_words(data[key]) for key in ("of_heads", "name_heads", "year_heads"))
        prefixes = _words(data.get("prefixes", []))
    except KeyError as error:
        raise LexiconError(f"{EVENT_NAMES}: needs of_heads, name_heads and year_heads ({error})") from error
    known = {t.key for t in load_event_types()}
    unknown = sorted(kind for kind in data.get("head_types", {}).values() if kind not in known)
    if unknown:
        raise LexiconError(f"{EVENT_NAMES}: [head_types] names unknown event types {unknown}; use keys of data/event_types.toml")
    return _Rules(
        re.compile(rf"\b(?P<head>{of_heads}) (?:of|for) (?:the )?(?P<name>{_NAME})"),
        re.compile(rf"(?<![\w-])(?P<name>{_NAME}) (?P<head>{name_heads})\b"),
        re.compile(rf"\b[Tt]he (?P<name>{_YEAR}(?: [\w-]+){{0,2}}? (?P<head>{year_heads}))\b"),
        re.compile(rf"\b(?P<head>{prefixes}) (?P<name>{_NAME})") if prefixes else re.compile(r"(?!x)x"),
        frozenset(word.casefold() for word in data.get("not_first", [])),
        {head.casefold(): kind for head, kind in data.get("head_types", {}).items()},
    )


def head_type(name: EventName) -> str | None:
    """The event type its head word gives a name ([head_types] in data/event_names.toml), if any."""
    return _rules().head_types.get(name.head)


def find_event_names(
    sentence: str, *, demonyms: Sequence[tuple[int, int]] = (), people: Sequence[tuple[int, int]] = ()
) -> list[EventName]:
    """The event names written in one sentence, longest first where two overlap.

    ``demonyms`` and ``people`` are spans the NER model labelled NORP and PERSON: "the Freedonian
    offensive" and "the battle for Freedonian [towns]" name no event, nor does "John Smith talks".
    """
    rules = _rules()
    found: list[EventName] = []
    # In a title-case headline every word is capitalised: "Terrorist Rocket Attacks" is no name.
    forms = (rules.of_form, rules.prefixed, rules.year_form) + (() if _title_case(sentence) else (rules.name_form,))
    for form in forms:
        for match in form.finditer(sentence):
            if form is rules.year_form:
                found.append(EventName(match.group("name"), match.start("name"), match.end("name"), match.group("head").casefold()))
                continue
            name = _trimmed(match.group("name"), rules.not_first)
            if name is None or _within(match, name, demonyms) or re.search(r"['’]s\b", name):
                continue  # a nationality, or an owner ("the Zenda Party's election"), is not an event's name
            start = match.start() if match.start("head") < match.start("name") else match.end("name") - len(name)
            if form is rules.name_form and (_within(match, name, people) or not _introduced(sentence, start, match.group("head"))):
                continue
            found.append(EventName(sentence[start : match.end()], start, match.end(), match.group("head").casefold()))
    return _without_overlaps(found)


def _title_case(sentence: str) -> bool:
    """Whether most of the sentence's longer words are capitalised, as in a headline."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", sentence) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _trimmed(name: str, not_first: frozenset[str]) -> str | None:
    """The name without words that cannot open one ("Last", "The"); None if nothing is left."""
    words = name.split(" ")
    while words and words[0].casefold() in not_first:
        words = words[1:]
    return " ".join(words) or None


def _introduced(sentence: str, start: int, head: str) -> bool:
    """Whether a name before its head word reads as an event's name: "the Zenda accords" or "Zenda Accords".

    Without either, "Zenda attacks" is as likely a subject and its verb.
    """
    return head[:1].isupper() or sentence[:start].lower().endswith("the ")


def _within(match: re.Match[str], name: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the (trimmed) name lies inside one of ``spans``."""
    start = match.end("name") - len(name)
    return any(a <= start and start + len(name) <= b for a, b in spans)


def with_model_events(found: list[EventName], sentence: str, spans: Sequence[tuple[int, int]]) -> list[EventName]:
    """``found`` plus the spans the NER model labelled EVENT that no found name overlaps ("World War II")."""
    # A one-word span ("the War") is a head without a name.
    extra = [
        EventName(sentence[a:b], a, b, sentence[a:b].split()[-1].casefold()) for a, b in spans if len(re.sub(r"^[Tt]he ", "", sentence[a:b]).split()) > 1
    ]
    return _without_overlaps(found + extra)


def _without_overlaps(found: list[EventName]) -> list[EventName]:
    kept: list[EventName] = []
    for name in sorted(found, key=lambda n: (n.start - n.end, n.start)):
        if all(name.end <= other.start or other.end <= name.start for other in kept):
            kept.append(name)
    return sorted(kept, key=lambda n: n.start)


def event_name_key(text: str) -> str:
    """One key for every spelling of an event name: "The Battle of Zenda" and "the Zenda battle" agree."""
    words = re.sub(r"['’]s\b", "", text.casefold()).replace("-", " ").split()
    kept = (w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words if w not in {"the", "of", "for"})
    return " ".join(sorted(kept))


def canonical_names(texts: Iterable[str]) -> dict[str, str]:
    """Each written event name -> the commonest spelling of its group, without a leading "the"."""
    written = list(texts)
    shown = {text: re.sub(r"^[Tt]he ", "", text) for text in written}
    groups: dict[str, Counter[str]] = {}
    for text in written:
        groups.setdefault(event_name_key(shown[text]), Counter())[shown[text]] += 1
    joined = _dated_forms(groups)
    for dated, plain in joined.items():
        groups[plain].update(groups.pop(dated))
    # Commonest first; then a capitalised head ("Agreement") over a lower-case one, then the shorter.
    best = {key: min(counts, key=lambda name: (-counts[name], not name.split()[-1][:1].isupper(), len(name), name)) for key, counts in groups.items()}
    return {text: best[joined.get(key, key)] for text in written for key in [event_name_key(shown[text])]}


_YEAR_WORD = re.compile(r"(1[89]|20)\d\d")


def _dated_forms(groups: dict[str, Counter[str]]) -> dict[str, str]:
    """Key of a name written with its year ("the 1967 Six-Day War") -> key of the same name written without it.

    Joined only when the name without the year is a proper name the corpus also writes (with a
    capital: not "the 2001 election"), and only one year is ever written before it.
    """
    dated: dict[str, list[str]] = {}
    for key in groups:
        words = key.split()
        years = [w for w in words if _YEAR_WORD.fullmatch(w)]
        if len(years) == 1 and len(words) > 1:
            plain = " ".join(w for w in words if w != years[0])
            if plain in groups and any(ch.isupper() for name in groups[plain] for ch in name):
                dated.setdefault(plain, []).append(key)
    return {keys[0]: plain for plain, keys in dated.items() if len(keys) == 1}

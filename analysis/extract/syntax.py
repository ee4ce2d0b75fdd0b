"""Who is the subject of a predicate, from the spaCy pipeline's dependency parse.

"Freedonia has unveiled a plan for migrants who want to work" does not say Freedonia wants
anything: the parse gives "want" the subject "who", that is "migrants". The motive finder asks
:func:`subject_spans` for the subject of a wanting verb and files the goal under an actor only
when the actor's name is that subject (or one of a list of subjects: "Zenda, Strelsau and
Freedonia want…"). The parser is the NER model's own pipeline package, loaded once per process
with only the tagger and parser; nothing is downloaded. Where it is missing, or the parse gives
no verdict, the caller falls back on its word-order rules.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from analysis.extract.ner import ModelError, model_name

_UNNEEDED = ("ner", "lemmatizer", "senter", "textcat", "textcat_multilabel")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# A clause without its own subject takes its head's: "X had agreed, and tried to…", "X acted to…",
# "X is keen to…" (the parser hangs "keen" on "is").
INHERITS_SUBJECT = ("xcomp", "conj", "advcl", "acomp")
MODIFIES_NOUN = ("acl", "pcomp", "amod")
QUANTIFIERS = frozenset({"most", "some", "many", "several", "few", "other"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})
# Verbs whose subject holds the plan they take as object: "Zenda has plans to…", "Zenda unveiled plans to…".
_OWNING_VERBS = re.compile(r"ha(?:s|ve|d|ving)|(?:announc|unveil|outlin|develop|reveal|present|launch|propos|draw|drew|drawn|set|put|mak|made|laid|lay|tabl|submit|detail|confirm)\w*")
# A pronoun in a clause reported by a speaker: "Zenda said it wanted…" — the speaker is the antecedent.
REPORTED = ("ccomp", "conj", "advcl", "xcomp")
NOUNS = ("NOUN", "PROPN")
MAX_CLIMB = 6


def subject_spans(
    text: str, start: int, end: int, *, verb: bool = True, bodies: frozenset[str] | None = None
) -> list[tuple[int, int]] | None:
    """Character spans of the words that are the subject of the predicate written at ``text[start:end]``.

    An empty list means the subject is no name (a common noun, an unresolved pronoun, no subject
    at all, or, with ``verb``, a goal noun without a named holder). None means no parser is installed.
    A common noun's name words ("Zendan forces") count only where the noun (or its lemma) is one of
    ``bodies``, the nouns that act for the name they carry; None lets every noun carry its names.
    """
    doc = _parse(text)
    if doc is None:
        return None
    inside = [t for t in doc if start <= t.idx < end]
    indices = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in indices or t.head.i == t.i]
    if not heads:
        return None
    predicate = heads[0]
    if verb and predicate.pos_ in NOUNS:
        owner = _owner_of(predicate)
        return [] if owner is None else _spans(owner)
    subject = _subject_of(predicate)
    if subject is None:
        return []
    subject = _resolved(subject)
    return [] if subject is None or _quantified(subject) else _spans(subject, bodies)


def _resolved(subject: Any) -> Any | None:
    """A relative pronoun's antecedent, a reported pronoun's speaker; None for a pronoun left unresolved."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.i > 0:
        before = subject.doc[subject.i - 1]
        return before if before.pos_ in NOUNS else (subject.head.head if subject.head.dep_ == "relcl" else None)
    if subject.lower_ in PERSONAL_PRONOUNS:
        return _speaker_of(subject)
    return subject


def _owner_of(noun: Any) -> Any | None:
    """Who holds a goal noun: "Zenda's plan", "Zenda plans", "its plan" (the clause's subject), "Zenda has/unveiled plans"."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod") and child.i < noun.i:
            if child.lower_ in POSSESSIVE_PRONOUNS:
                subject = _subject_of(noun.head) if noun.dep_ in ("dobj", "nsubj", "attr") else None
                return _resolved(subject) if subject is not None else None
            if child.pos_ == "PROPN" or child.text[:1].isupper():
                return child
    if noun.dep_ == "dobj" and _OWNING_VERBS.fullmatch(noun.head.lower_):
        subject = _subject_of(noun.head)
        return _resolved(subject) if subject is not None else None
    return None


def _quantified(subject: Any) -> bool:
    """ "Most Zendans", "some Strelsau MPs": part of a group, not the group."""
    return any(child.lower_ in QUANTIFIERS for child in subject.children if child.i < subject.i)


def _spans(subject: Any, bodies: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Character spans of the names that are the subject: a name itself, the name words a common noun carries
    ("Zenda ministers", "Zendan forces") where it is one of ``bodies``, and those of the subjects listed with it.

    A plural common noun ("MPs", "businesses") is a class of people or things, never itself a name.
    """
    spans = []
    for token in _listed_with(subject):
        if token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.tag_ != "NNS"):
            spans.append(token)
        if token.pos_ == "NOUN" and (bodies is None or token.lower_ in bodies or token.lemma_.lower() in bodies):
            spans += [child for child in token.children if child.dep_ in ("compound", "amod", "nmod") and child.text[:1].isupper()]
    return [(t.idx, t.idx + len(t.text)) for t in spans]


def _subject_of(token: Any) -> Any | None:
    """The subject of a verb, or of the clause it completes; a noun a participle or infinitive modifies
    ("proposals aimed at…", "a plan to…") stands as its subject."""
    for _ in range(MAX_CLIMB):
        if token.dep_ in MODIFIES_NOUN:
            return token.head
        subjects = [child for child in token.children if child.dep_ in SUBJECTS]
        if subjects:
            # Of two subjects the parser hangs on one verb, the one next to it ("the veto … the UK wanted").
            before = [child for child in subjects if child.i < token.i]
            return before[-1] if before else subjects[0]
        if token.dep_ not in INHERITS_SUBJECT or token.head.i == token.i:
            return None
        token = token.head
    return None


def _speaker_of(pronoun: Any) -> Any | None:
    """The named subject of the clause that reports the pronoun's clause ("Zenda said it wanted…" -> Zenda)."""
    clause = pronoun.head
    for _ in range(MAX_CLIMB):
        if clause.dep_ not in REPORTED or clause.head.i == clause.i:
            return None
        clause = clause.head
        speaker = _subject_of(clause) if any(child.dep_ in SUBJECTS for child in clause.children) else None
        if speaker is not None:
            if speaker.lower_ in PERSONAL_PRONOUNS or speaker.pos_ not in NOUNS:
                return None
            # "Mr Zenda said they hoped…": "they" and "it" are not a person (his party, his firm).
            titled = any(child.lower_.rstrip(".") in HONORIFICS for child in speaker.children)
            return None if titled and pronoun.lower_ in ("it", "they") else speaker
    return None


def _listed_with(subject: Any) -> list[Any]:
    """The subject and the subjects listed with it ("Zenda, Strelsau and Freedonia")."""
    listed, queue = [], [subject]
    while queue:
        token = queue.pop()
        listed.append(token)
        # "Zenda, not Strelsau, wants…": a name set apart by "not" is not a subject.
        queue += [child for child in token.children if child.dep_ in ("conj", "appos") and child.doc[child.i - 1].lower_ != "not"]
    return listed


@lru_cache(maxsize=4096)
def _parse(text: str) -> Any | None:
    parser = _parser()
    return parser(text) if parser is not None else None


@lru_cache(maxsize=1)
def _parser() -> Any | None:
    """The pipeline's tagger and parser, or None where the model (or its parser) is missing."""
    try:
        import spacy

        nlp = spacy.load(model_name(), exclude=list(_UNNEEDED))
    except (ImportError, OSError, ModelError):
        return None
    return nlp if "parser" in nlp.pipe_names else None

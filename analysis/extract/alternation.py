"""One fast regular expression for many named alternatives: their literal beginnings shared in a trie.

Python's regex engine tries the branches of an alternation one by one at every position. With
hundreds of trigger patterns ("attack(?:s|ed)?", "air ?strikes?", "withdr[ae]w\\w*"), that is
most of the cost of finding event references. Factoring the patterns' literal beginnings into
a trie ("a(?:ir(?: ?strikes?| ?raids?)|ttack(?:s|ed)?)") lets the engine rule out most of them
after a letter or two, while matching exactly what the plain alternation matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

_SPECIAL = set("\\.^$*+?{}[]|()")
_QUANTIFIERS = set("?*+{")
_VERBOSE_FLAG = re.compile(r"\(\?[aiLmsux-]*x")
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
# A whole escape: \x41, \u00e9, \N{EM DASH}, \101 and \12 are one piece each, not a backslash and text.
_ESCAPE = re.compile(r"\\(?:[xuU][0-9a-fA-F]*|N\{[^}]*\}|[0-9]{1,3}|.)", re.DOTALL)
# Group numbers change when alternatives are regrouped: patterns that refer to one stay unfactored.
_NUMBERED_REFERENCE = re.compile(r"\\[1-9]|\(\?\(\d")
# Characters that match each other case-insensitively but fold differently (the dotted and dotless i of Turkic alphabets).
_FOLD_FIRST = {0x130: "i", 0x131: "i"}


def _escape_end(pattern: str, index: int) -> int:
    """Where the escape starting at ``index`` ends (a lone final backslash ends the pattern)."""
    match = _ESCAPE.match(pattern, index)
    return match.end() if match else len(pattern)


def fold_case(text: str) -> str:
    """Case-folded text, as :func:`required_literals` compares it (case-insensitive matches fold alike)."""
    return text.translate(_FOLD_FIRST).casefold()


@dataclass
class _Node:
    # Entries in matching order: ("end", (name, rest)) or ("child", (char, _Node)).
    entries: list[tuple[str, object]] = field(default_factory=list)


def trie_alternation(alternatives: Sequence[tuple[str | None, str]]) -> str:
    """A regex source matching like ``(?P<n1>p1)|(?P<n2>p2)|...`` (patterns as written, names as groups).

    Patterns that begin with a plain letter are tried first, in their given order; the others
    (beginning with a group, a class or an escape) after them, also in order. Use the result
    with ``re.IGNORECASE`` or without, as the patterns need; ``match.lastgroup`` names the
    alternative that matched. Patterns that refer to a group by number are not factored (their
    numbers would change), so such a list gets the plain alternation.

    A name of None puts that alternative in a non-capturing group instead.

    Raises:
        ValueError: If a name is not a valid group name.
    """
    for name, _ in alternatives:
        if name is not None and not name.isidentifier():
            raise ValueError(f"not a group name: {name!r}")
    first = [(n, p) for n, p in alternatives if _letter_initial(p)]
    others = [_group(n, p) for n, p in alternatives if not _letter_initial(p)]
    if any(_NUMBERED_REFERENCE.search(p) for _, p in alternatives):
        return "|".join([_group(n, p) for n, p in first] + others)
    root = _Node()
    for name, pattern in first:
        prefix = _literal_prefix(pattern)
        _insert(root, prefix, name, pattern[len(prefix) :])
    return "|".join([_emit(root)] * bool(root.entries) + others)


def _letter_initial(pattern: str) -> bool:
    """Whether the pattern starts with a plain letter (not one a quantifier makes optional)."""
    return pattern[:1].isalpha() and pattern[1:2] not in _QUANTIFIERS


def _literal_prefix(pattern: str) -> str:
    """The plain characters a pattern starts with (none if it has a top-level ``|``)."""
    if len(_top_level_branches(pattern)) > 1:
        return ""
    end = 0
    while end < len(pattern) and pattern[end] not in _SPECIAL and pattern[end + 1 : end + 2] not in _QUANTIFIERS:
        end += 1
    return pattern[:end]


def _insert(node: _Node, prefix: str, name: str | None, rest: str) -> None:
    if not prefix:
        node.entries.append(("end", (name, rest)))
        return
    # Join the child for this character unless an entry after it could match the same text
    # (an alternative ending here, or the same letter in another case): their order must be kept.
    for kind, value in reversed(node.entries):
        if kind == "end":
            break
        char, child = value
        if char == prefix[0]:
            _insert(child, prefix[1:], name, rest)
            return
        if _same_ignoring_case(char, prefix[0]):
            break
    child = _Node()
    node.entries.append(("child", (prefix[0], child)))
    _insert(child, prefix[1:], name, rest)


def _group(name: str | None, pattern: str) -> str:
    return f"(?P<{name}>{pattern})" if name is not None else f"(?:{pattern})"


def _same_ignoring_case(a: str, b: str) -> bool:
    return bool(re.fullmatch(re.escape(a), b, re.IGNORECASE) or re.fullmatch(re.escape(b), a, re.IGNORECASE))


def _emit(node: _Node) -> str:
    parts = []
    for kind, value in node.entries:
        if kind == "end":
            parts.append(_group(*value))
        else:
            char, child = value
            parts.append(re.escape(char) + _emit(child))
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


def required_literals(pattern: str) -> frozenset[str]:
    """Plain strings, case-folded, at least one of which every match of ``pattern`` contains (empty: no such set).

    A few substring tests with them rule a pattern out before the regex runs.
    """
    if _VERBOSE_FLAG.search(pattern):
        return frozenset()  # in verbose mode written spaces are not matched
    branches = _top_level_branches(pattern)
    if len(branches) > 1:
        options = [required_literals(branch) for branch in branches]
        return frozenset().union(*options) if all(options) else frozenset()
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for kind, value, optional in _top_level_items(pattern):
        if kind == "char" and not optional:
            run.append(value)
            continue
        candidates.append(frozenset(["".join(run)]))
        run = []
        if kind == "group" and not optional:
            candidates.append(required_literals(value))
    candidates.append(frozenset(["".join(run)]))
    useful = [c for c in candidates if c and min(len(s.strip()) for s in c) >= 3]
    if not useful:
        return frozenset()
    best = max(useful, key=lambda c: (min(len(s.strip()) for s in c), -len(c)))
    return frozenset(fold_case(s) for s in best)


def _top_level_branches(pattern: str) -> list[str]:
    """The pattern split at its top-level ``|``."""
    branches, start = [], 0
    for index, char, depth in _structure(pattern):
        if char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
    return [*branches, pattern[start:]]


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, char, group depth outside it) of each character not escaped and not inside a character class.

    A class shows as its opening ``[`` and closing ``]`` only.
    """
    depth, index = 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index = _escape_end(pattern, index)
            continue
        if pattern.startswith("(?#", index):  # a comment: its brackets are text
            end = pattern.find(")", index)
            end = len(pattern) - 1 if end < 0 else end
            yield index, "(", depth
            yield end, ")", depth
            index = end + 1
            continue
        if char == ")":
            depth -= 1
        yield index, char, depth
        if char == "(":
            depth += 1
        elif char == "[":
            index += 2 if pattern[index + 1 : index + 2] == "^" else 1
            index += pattern[index : index + 1] == "]"  # a "]" first in a class is a literal
            while index < len(pattern) and pattern[index] != "]":
                index = _escape_end(pattern, index) if pattern[index] == "\\" else index + 1
            if index < len(pattern):
                yield index, "]", depth
        index += 1


def _top_level_items(pattern: str) -> list[tuple[str, str, bool]]:
    """The pattern's top-level pieces: ("char", c, optional), ("group", inner, optional) or ("other", "", optional)."""
    items = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "(":
            end = _closing(pattern, index)
            inner = pattern[index + 1 : end]
            # A plain or non-capturing group; lookarounds, named groups and flags count as "other".
            kind, value = ("group", inner.removeprefix("?:")) if not inner.startswith("?") or inner.startswith("?:") else ("other", "")
            index = end + 1
        elif char == "\\":
            kind, value = "other", ""
            index = _escape_end(pattern, index)
        elif char == "[":
            kind, value = "other", ""
            index = _class_end(pattern, index) + 1
        elif char in _SPECIAL:
            kind, value = "other", ""
            index += 1
        else:
            kind, value = "char", char
            index += 1
        quantifier = _QUANTIFIER.match(pattern, index)
        if quantifier:
            index = quantifier.end()
            # A quantified character is not a plain run; a group stays required unless it may occur zero times.
            optional = kind == "char" or quantifier.group()[0] in "?*" or quantifier.group().startswith(("{0", "{,"))
        else:
            optional = False
        items.append((kind, value, optional))
    return items


def _closing(pattern: str, start: int) -> int:
    """Index of the ``)`` closing the group opened at ``start``."""
    opened = None
    for index, char, depth in _structure(pattern):
        if index == start:
            opened = depth
        elif opened is not None and char == ")" and depth == opened:
            return index
    raise ValueError(f"unbalanced parenthesis in {pattern!r}")


def _class_end(pattern: str, start: int) -> int:
    """Index of the ``]`` closing the character class opened at ``start``."""
    return next((index for index, char, _ in _structure(pattern) if index > start and char == "]"), len(pattern) - 1)

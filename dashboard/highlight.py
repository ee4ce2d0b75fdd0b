"""Show corpus text safely in Markdown: every character escaped, matches highlighted.

Streamlit renders Markdown (not raw HTML, which it escapes): a "*", "$" or "[x](javascript:…)"
in corpus text would otherwise turn into formatting, LaTeX or a link. Each Markdown-special
character is backslash-escaped, and matches are wrapped in Streamlit's highlight directive.

Escaping alone does not stop GitHub-flavoured Markdown's autolinks: Streamlit's renderer finds
bare ``http://…``, ``www.…`` and ``name@host.tld`` in the text *after* escapes are resolved and
makes them live links. An invisible word joiner (U+2060) inside each such pattern breaks it, so
corpus text never produces a link; the words read the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:/&=^@\"'])")
_WHITESPACE = re.compile(r"\s+")
# The starts of GFM autolink literals: a scheme before "://", "www" before ".", "@" before a host.
_AUTOLINK_START = re.compile(r"(?i)https?(?=:)|www(?=\.)|@(?=[\w-])|mailto(?=:)|xmpp(?=:)")
WORD_JOINER = "\u2060"


def unlinked(text: str) -> str:
    """The text with a word joiner inside every start of a GFM autolink (``http:``, ``www.``, ``@host``)."""
    return _AUTOLINK_START.sub(lambda match: match.group() + WORD_JOINER, text)


def escape_markdown(text: str) -> str:
    """The text with every Markdown-special character escaped, newlines flattened."""
    # Runs of whitespace become one space but are kept at the edges: pieces around a highlight need them.
    return _MARKDOWN_SPECIAL.sub(r"\\\1", unlinked(_WHITESPACE.sub(" ", text)))


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escaped Markdown of ``text`` with the character ``spans`` highlighted (overlaps merged)."""
    pieces, position = [], 0
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if start < position:
            continue
        pieces.append(escape_markdown(text[position:start]))
        pieces.append(f":orange-background[{escape_markdown(text[start:end])}]")
        position = end
    pieces.append(escape_markdown(text[position:]))
    return "".join(pieces)

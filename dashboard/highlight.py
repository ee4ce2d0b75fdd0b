"""Show corpus text safely in Markdown: every character escaped, matches highlighted.

Streamlit renders Markdown (not raw HTML, which it escapes): a "*", "$" or "[x](javascript:…)"
in corpus text would otherwise turn into formatting, LaTeX or a link. Each Markdown-special
character is backslash-escaped, and matches are wrapped in Streamlit's highlight directive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:/&=^@\"'])")
_WHITESPACE = re.compile(r"\s+")


def escape_markdown(text: str) -> str:
    """The text with every Markdown-special character escaped, newlines flattened."""
    # Runs of whitespace become one space but are kept at the edges: pieces around a highlight need them.
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text))


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

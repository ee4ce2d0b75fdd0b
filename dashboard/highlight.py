"""Show corpus text safely in Markdown: every character escaped, matches highlighted.

Streamlit renders Markdown (not raw HTML, which it escapes): a "*", "$" or "[x](javascript:…)"
in corpus text would otherwise turn into formatting, LaTeX or a link. Each Markdown-special
character is backslash-escaped, and matches are wrapped in Streamlit's highlight directive.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:/&=^@\"'])")


def escape_markdown(text: str) -> str:
    """The text with every Markdown-special character escaped, newlines flattened."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def highlight(text: str, patterns: Sequence[re.Pattern[str]]) -> str:
    """Escaped Markdown of ``text`` with every match of ``patterns`` highlighted."""
    spans = sorted((m.start(), m.end()) for p in patterns for m in p.finditer(text) if m.end() > m.start())
    pieces, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        pieces.append(escape_markdown(text[position:start]))
        pieces.append(f":orange-background[{escape_markdown(text[start:end])}]")
        position = end
    pieces.append(escape_markdown(text[position:]))
    return "".join(pieces)

"""The app's own stylesheet additions (never user text), injected once per page run."""

from __future__ import annotations

# Each paragraph takes its direction from its own first strong character, so an Arabic or Hebrew
# sentence reads right to left (punctuation at its end, aligned right) beside English ones.
# A highlighted match keeps its background's padding but pulls it back with a negative margin, so the
# words around it sit where they would without it (no gap before "'s" or a comma).
APP_CSS = """
<style>
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li, [data-testid="stMarkdownContainer"] blockquote,
[data-testid="stCaptionContainer"] { unicode-bidi: plaintext; text-align: start; }
.stMarkdownColoredBackground { padding-left: 0.15em !important; padding-right: 0.15em !important; margin: 0 -0.15em !important; }
</style>
"""

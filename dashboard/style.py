"""The app's own stylesheet additions (never user text), injected once per page run."""

from __future__ import annotations

# Each paragraph takes its direction from its own first strong character, so an Arabic or Hebrew
# sentence reads right to left (punctuation at its end, aligned right) beside English ones.
TEXT_DIRECTION_CSS = """
<style>
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li, [data-testid="stMarkdownContainer"] blockquote,
[data-testid="stCaptionContainer"] { unicode-bidi: plaintext; text-align: start; }
</style>
"""

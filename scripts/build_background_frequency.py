"""Build data/background_frequency.tsv, how common each English word is in general text.

Keywords use it to down-weight words frequent in any writing ("people", "year", "government"),
so a corpus's top keywords are its topics. Source: wordfreq 3.1.1 (Robyn Speer; code Apache 2.0,
word lists CC BY-SA 4.0), a blend of Wikipedia, subtitles, news, books, web text, Twitter and
Reddit. Only the most frequent words and their Zipf frequencies are stored.

wordfreq is needed only here, never at run time:
    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/build_background_frequency.py
"""

from __future__ import annotations

import re
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "data" / "background_frequency.tsv"
WORDS = 50_000
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")

HEADER = """\
# How common each English word is in general text: word <TAB> Zipf frequency
# (log10 of occurrences per billion words: 7 = "the", 6 = "people", 5 = "minister", 3 = "broadband").
#
# Used by analysis/extract/keywords.py: a keyword made only of common words ranks lower, so
# the top keywords of a corpus are what it is about, not what all text says. A word missing
# here counts as rarer than the last one listed.
# Built by scripts/build_background_frequency.py from wordfreq {version} (Robyn Speer et al.;
# word lists CC BY-SA 4.0, https://github.com/rspeer/wordfreq): the {words} most frequent
# English words written with letters only. This file is under CC BY-SA 4.0 too.
# To add or change a word, edit its line; keep one word per line, lower case.
"""


def main() -> None:
    rows = []
    for word in wordfreq.top_n_list("en", WORDS * 2):
        if _WORD.fullmatch(word):
            rows.append(f"{word}\t{wordfreq.zipf_frequency(word, 'en'):.2f}")
        if len(rows) == WORDS:
            break
    text = HEADER.format(version="3.1.1", words=len(rows)) + "\n".join(rows) + "\n"
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(rows)} words, the last at Zipf {rows[-1].split()[1]})")


if __name__ == "__main__":
    main()

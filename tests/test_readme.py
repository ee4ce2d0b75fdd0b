"""The README's promises are tests: every deep link it shows opens a view with evidence, its commands run."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from analysis.paths import PROJECT_ROOT
from tests.conftest import open_page

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
CODE_SPANS = list(dict.fromkeys(re.findall(r"`([^`\n]+)`", README)))
DEEP_LINKS = [span for span in CODE_SPANS if re.fullmatch(r"/\w+\?\S+", span)]
# url_path -> page file, as streamlit_app.py declares them.
PAGE_FILES = dict(
    (path, file) for file, path in re.findall(r'st\.Page\("([^"]+)"[^)]*url_path="(\w+)"', (PROJECT_ROOT / "streamlit_app.py").read_text())
)
# What a page shows when its link found something: a count above zero.
EVIDENCE = {
    "sentences": lambda at: int(at.metric[0].value.split(" of ")[0].replace(",", "")) > 0,
    "keywords": lambda at: any(re.search(r"\(([1-9]\d*)\)$", e.label) for e in at.expander if e.label.startswith("Sentences with")),
    "events": lambda at: any(re.search(r"\*\*[1-9][\d,]* sentences?\*\* match", m.value) for m in at.markdown),
}


def test_the_readme_shows_deep_links_and_each_page_has_an_evidence_check():
    assert len(DEEP_LINKS) >= 3, DEEP_LINKS
    assert {link[1:].split("?")[0] for link in DEEP_LINKS} <= EVIDENCE.keys() & PAGE_FILES.keys()


@pytest.mark.parametrize("link", DEEP_LINKS)
def test_every_readme_deep_link_is_used_whole_and_shows_evidence(link):
    path, query = link[1:].split("?", 1)
    params = {key: values if len(values) > 1 else values[0] for key, values in urllib.parse.parse_qs(query).items()}
    at = open_page(PAGE_FILES[path], **params)
    assert not at.exception
    assert not [c.value for c in at.caption if "could not use" in c.value], f"{link}: the page ignored part of the link"
    for key, value in params.items():
        held = at.session_state[key]
        held = [str(v) for v in held] if isinstance(held, (list, tuple)) else [str(held)]
        assert set([value] if isinstance(value, str) else value) <= set(held), (link, key, held)
    assert EVIDENCE[path](at), f"{link} opens a view with nothing in it"


def test_the_presentation_link_parameter_is_what_the_toggle_binds():
    assert "`?present=true`" in README
    at = open_page(present="true")  # the first run of a session reads it (the toggle is on every page)
    assert not at.exception and at.session_state["present"] is True


def test_the_first_screen_gives_exactly_the_two_commands_ci_runs():
    first_screen = README.split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.+?)\n```", first_screen)
    assert len(commands) == 2, commands
    assert commands[1] in (PROJECT_ROOT / ".ci" / "run").read_text(), "CI runs the README's test command verbatim"
    assert commands[0].endswith(".venv/bin/streamlit run streamlit_app.py")


def test_the_command_line_examples_run(tmp_path, monkeypatch):
    from analysis.cli import main

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    assert "`.venv/bin/python -m analysis --out out`" in README
    assert main(["--quiet", "--out", "out"]) == 0 and (tmp_path / "out" / "mentions.csv").exists()
    assert "`python -m analysis --clear-cache`" in README
    assert main(["--clear-cache"]) == 0
    snippet = next(span for span in CODE_SPANS if span.startswith("from analysis import"))
    (tmp_path / "my.csv").write_text('text\n"Tony Blair met Gordon Brown in London. Labour won."\n', encoding="utf-8")
    scope: dict = {}
    exec(snippet, scope)  # noqa: S102 -- the README's own example, run as a reader would
    assert {"Tony Blair", "Gordon Brown"} <= set(scope["result"].actor_counts["actor"])


# Every command the README shows, and what checks it. A command added to the README without an
# entry here fails the test below: say how it is tested (or why it cannot be run here).
COMMANDS = {
    "BRIEFING_CORPUS=articles.csv .venv/bin/streamlit run streamlit_app.py": "tests/dashboard (BRIEFING_CORPUS read by the loader) and tests/browser (streamlit run)",
    ".venv/bin/python -m analysis --out out": "test_the_command_line_examples_run",
    "streamlit run": "tests/browser",
    "python scripts/readme_screenshots.py": "--help",
    'from analysis import load_corpus, analyze; result = analyze(load_corpus("my.csv"))': "test_the_command_line_examples_run",
    "python -m analysis --clear-cache": "test_the_command_line_examples_run",
    "python -m analysis ARCHIVE/ --engine dask --scheduler tcp://HOST:8786 --out OUT/": "tests/analysis/engines/test_distributed.py (placeholders: a cluster)",
    'pip install -e ".[dask]"': ".ci/run installs the [test] extra, which holds dask",
    "BRIEFING_CORPUS=OUT/ streamlit run streamlit_app.py": "tests/dashboard/test_stored_analysis.py",
    "dask scheduler": "Dask's own command (not this project's)",
    "python bench/run.py": "--help",
    "python bench/first_render.py --floor": "--help",
    "python bench/first_render.py": "--help",
    "python bench/serial_share.py": "--help",
    "python bench/serial_share.py --mb 4": "--help",
    "python bench/serial_share.py --client-memory 2 8 --partitions 16 --own-scheduler": "--help",
    "pip install -e .": ".ci/floor and tests/test_requirements.py",
    "python bench/evaluate_gold.py": "--help",
    "python bench/conll_ner.py eng.testb": "--help (the CoNLL file is not shipped)",
    "python bench/top_actors.py GOLD.toml CORPUS": "--help (placeholders)",
    "python bench/keyword_f1.py DIR ...": "--help (placeholders)",
    "python bench/evaluate_motives.py --errors": "--help",
    "python bench/run.py --only ratio": "--help",
    "python bench/event_typing.py --corpus bbc/business bbc/tech --details": "--help (the BBC texts are not shipped)",
    "python -m analysis CORPUS --out OUT": "test_the_command_line_examples_run (placeholders)",
    "python bench/geocoding.py GOLD.toml CORPUS": "--help (placeholders)",
    "python bench/goal_attribution.py --errors": "--help (the BBC texts are not shipped)",
    "python -m analysis CORPUS": "test_the_command_line_examples_run (placeholders)",
}
COMMAND_START = re.compile(r"(\.venv/bin/|python|BRIEFING_\w+=|streamlit |pip |dask |from analysis)")


def test_every_readme_command_says_how_it_is_checked():
    shown = [span for span in CODE_SPANS if COMMAND_START.match(span)]
    assert sorted(set(shown) - COMMANDS.keys()) == [], "README commands without a check: add them to COMMANDS"


@pytest.mark.parametrize("script", sorted({command.split()[1] for command, check in COMMANDS.items() if check.startswith("--help")}))
def test_every_script_the_readme_runs_exists_and_parses_its_options(script):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, script, "--help"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "usage" in done.stdout.lower(), done.stderr[-500:]

"""Community Cloud installs only requirements.txt: a fresh virtualenv from it alone must run every page."""

from __future__ import annotations

import subprocess
import venv

import pytest

from analysis.paths import PROJECT_ROOT

PAGES = ["dashboard/pages/overview.py", "dashboard/pages/corpus.py", "dashboard/pages/keywords.py", "dashboard/pages/actors.py", "dashboard/pages/events.py", "dashboard/pages/motives.py", "dashboard/pages/compare.py", "dashboard/pages/briefing.py", "dashboard/pages/explorer.py"]
RUN_EVERY_PAGE = f"""
from streamlit.testing.v1 import AppTest
for page in {PAGES!r}:
    at = AppTest.from_file("streamlit_app.py", default_timeout=120)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, (page, at.exception)
    assert at.title, page
print("every page ran")
"""


def test_requirements_txt_installs_the_project_and_every_page_runs(tmp_path):
    lines = [line.strip() for line in (PROJECT_ROOT / "requirements.txt").read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert lines == ["-e ."], "requirements.txt installs exactly the project; pyproject.toml stays the source of truth"
    env_dir = tmp_path / "cloud-venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run([python, "-m", "pip", "install", "-q", "-r", "requirements.txt"], cwd=PROJECT_ROOT, capture_output=True, text=True)
    if install.returncode != 0 and "No matching distribution" in install.stderr + install.stdout:
        pytest.skip(f"no package index reachable: {install.stderr[-300:]}")
    assert install.returncode == 0, install.stderr[-2000:]
    run = subprocess.run([python, "-c", RUN_EVERY_PAGE], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0 and "every page ran" in run.stdout, run.stderr[-3000:]
    assert not any(p.name == "pytest" for p in (env_dir / "bin").iterdir()), "the Cloud environment has no test tools"

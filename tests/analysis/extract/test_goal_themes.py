import pandas as pd

from analysis.extract.goal_themes import OTHER_SHARE, background_sample, term_clusters
from analysis.extract.motives import OTHER_THEME, motive_themes, themes_for

GOALS = [
    "Zenda wants the budget rebate kept.",
    "Zenda wants to keep its budget rebate in full.",
    "Zenda aims to cap the budget at one percent.",
    "Zenda wants tougher border checks and visa rules.",
    "Zenda plans to tighten visa rules at the border.",
    "Zenda hopes the border force grows.",
    "Zenda seeks a visa waiver for students.",
    "Zenda wants lower fuel duty.",
]
BACKGROUND = ["The weather was fine on Monday.", "Ministers met in the capital.", "The talks ended late."] * 20


def goals_frame(texts):
    return pd.DataFrame({"text": texts, "cue": "wants", "cue_start": 6, "cue_end": 11})


def test_goals_group_by_the_distinctive_terms_they_share():
    goals = goals_frame(GOALS)
    clusters = term_clusters(goals, goals, background=BACKGROUND)
    names = [c.name for c in clusters]
    assert any("budget" in n for n in names) and any("visa" in n or "border" in n for n in names)
    clustered = {i for c in clusters for i in c.members}
    assert len(goals) - len(clustered) <= OTHER_SHARE * len(goals)
    assert not any("zenda" in n for n in names), "a name never founds a theme"


def test_curated_themes_apply_only_with_their_pack():
    assert themes_for(["syria"]) and themes_for([]) == ()
    themes = motive_themes(goals_frame(GOALS), background=BACKGROUND, curated=themes_for([]))
    assert [t.name for t in themes][-1] == OTHER_THEME or all(t.name != OTHER_THEME for t in themes)
    other = sum(len(t.sentences) for t in themes if t.name == OTHER_THEME)
    assert other <= OTHER_SHARE * len(GOALS)
    assert {i for t in themes for i in t.sentences.index} == set(range(len(GOALS)))


def test_background_sample_is_bounded():
    texts = pd.Series([f"sentence {i}" for i in range(12_000)])
    sample = background_sample(texts, limit=5000)
    assert 5000 <= len(sample) <= 6000 and sample[0] == "sentence 0"

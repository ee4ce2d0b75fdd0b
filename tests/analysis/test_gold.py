"""Accuracy on the hand-labelled sets in tests/gold/ (see tests/gold/README.md)."""

import importlib.util

import pytest

from analysis.paths import PROJECT_ROOT

spec = importlib.util.spec_from_file_location("evaluate_gold", PROJECT_ROOT / "bench" / "evaluate_gold.py")
evaluate_gold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(evaluate_gold)


@pytest.fixture(scope="module", params=["development", "held-out"])
def items(request):
    return evaluate_gold.load_gold(evaluate_gold.GOLD if request.param == "development" else evaluate_gold.HELDOUT)


def test_actor_precision_and_recall(items):
    scores = evaluate_gold.score_actors(items)
    assert scores["precision"] >= 0.97 and scores["recall"] >= 0.97, scores


def test_event_recall_and_written_years(items):
    scores = evaluate_gold.score_events(items)
    assert scores["sentence_recall"] >= 0.9, scores
    assert scores["year_accuracy"] >= 0.95, scores

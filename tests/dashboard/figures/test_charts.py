import plotly.graph_objects as go
import pytest

from dashboard.figures.charts import PLOTLY_CONFIG, actor_bar, keyword_bar
from dashboard.figures.event_charts import event_timeline


def test_actor_bar_uses_dictionary_colours_most_mentioned_on_top(default_analysis):
    figure = actor_bar(default_analysis.actor_counts, top=5)
    bar = figure.data[0]
    assert isinstance(figure, go.Figure) and len(bar.y) == 5
    assert bar.y[-1] == "Russia"  # plotly draws the last category on top
    colours = default_analysis.actor_colors
    assert list(bar.marker.color) == [colours[a] for a in bar.y]


def test_keyword_bars_are_ordered_by_the_measure_they_draw(default_analysis):
    keywords = default_analysis.keywords
    by_count = keyword_bar(keywords, top=10)
    bar = by_count.data[0]
    assert set(bar.y) == set(keywords["keyword"].head(10))  # the ten most relevant
    assert list(bar.x)[::-1] == sorted(keywords["count"].head(10), reverse=True)
    assert "by occurrences" in by_count.layout.title.text
    by_relevance = keyword_bar(keywords, top=10, measure="relevance")
    bar = by_relevance.data[0]
    assert list(bar.y)[::-1] == list(keywords["keyword"].head(10))
    assert list(bar.x)[::-1] == sorted(bar.x, reverse=True) and max(bar.x) == 100
    assert "relevance" in by_relevance.layout.title.subtitle.text
    with pytest.raises(ValueError):
        keyword_bar(keywords, measure="score")


def test_timeline_counts_every_placed_reference(default_analysis):
    figure = event_timeline(default_analysis.events)
    assert sum(sum(trace.y) for trace in figure.data) == default_analysis.events["timeline_year"].notna().sum()


def test_png_export_at_presentation_resolution():
    assert PLOTLY_CONFIG["toImageButtonOptions"]["width"] >= 1600 and PLOTLY_CONFIG["toImageButtonOptions"]["scale"] >= 2


def test_the_network_places_strong_partners_side_by_side():
    import pandas as pd

    from dashboard.figures.charts import circle_order

    actors = ["A", "B", "C", "D", "E", "F"]
    pairs = pd.DataFrame(
        [("A", "D", 30), ("D", "F", 20), ("B", "C", 25), ("C", "E", 15), ("A", "B", 1)], columns=["actor_a", "actor_b", "sentences"]
    )
    order = circle_order(actors, pairs)
    assert order[0] == "A" and sorted(order) == actors
    assert order[:3] == ["A", "D", "F"], "each actor's strongest partner comes next to it"
    assert order.index("C") in (order.index("B") - 1, order.index("B") + 1)

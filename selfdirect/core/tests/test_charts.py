from decimal import Decimal

from selfdirect.core.charts import bar_chart


def test_a_bar_chart_is_a_labelled_image_without_scripts() -> None:
    chart = bar_chart(
        title="People signposted",
        labels=["Lunch club", "Walking group"],
        series={"Signposted": [3, 4], "Need met": [Decimal("2"), None]},
    )
    assert chart.svg.startswith('<div class="sd-chart" role="img" aria-label="Chart:')
    assert "<script" not in chart.svg
    assert "Lunch club" in chart.svg
    assert "Need met" in chart.svg

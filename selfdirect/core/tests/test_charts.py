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


def test_money_is_written_as_people_write_it() -> None:
    from selfdirect.core.templatetags.selfdirect import money, pounds

    assert money(Decimal("7772660.625")) == "£7,772,660.63"
    assert money("12") == "£12.00"
    assert money(None) == ""
    assert pounds(Decimal("1049.5")) == "1,049.50"

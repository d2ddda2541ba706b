"""Charts as server-rendered SVG (pygal), so they work without JavaScript.

A chart never stands alone: pages show the same figures in a data table, and the
SVG is labelled as an image that points readers to it.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

import pygal
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

# Design System colours; text dark enough for WCAG AA on white.
_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#333333",
    foreground_strong="#333333",
    foreground_subtle="#5e5e5e",
    font_family="Roboto, Arial, sans-serif",
    colors=("#0065bd", "#5e1682", "#00703c", "#b3480f", "#333333"),
    title_font_size=18,
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
    value_font_size=14,
)


@dataclass(frozen=True)
class Chart:
    title: str
    svg: SafeString


def bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[int | Decimal | None]],
    horizontal: bool = True,
) -> Chart:
    """A bar chart of one or more series over the same labels."""
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    chart = kind(
        style=_STYLE,
        js=[],  # no scripts: the table carries the detail tooltips would
        disable_xml_declaration=True,
        show_legend=len(series) > 1,
        legend_at_bottom=True,
        truncate_label=-1,
        truncate_legend=-1,
        height=max(300, 120 + 24 * len(labels) * max(1, len(series))),
    )
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, [None if v is None else float(v) for v in values])
    # pygal always embeds its tooltip config as a script; the page needs none. Its
    # one style attribute moves to selfdirect.css (the CSP refuses inline styles);
    # its <style> element gets the page's nonce (components/chart.html).
    svg = re.sub(r"<script.*?</script>", "", chart.render(is_unicode=True), flags=re.S)
    svg = svg.replace(' style="opacity: 0"', "")
    label = _("Chart: %(title)s. The same figures are in the table.") % {"title": title}
    wrapped = format_html(
        '<div class="sd-chart" role="img" aria-label="{}">{}</div>',
        label,
        mark_safe(svg),  # noqa: S308 - pygal output from our own numbers and labels
    )
    return Chart(title=title, svg=wrapped)

"""The design-system summary list component: {% summary_list %} and {% summary_row %}."""

import pytest
from django.template import Context, Template, TemplateSyntaxError


def _render(source: str, **context: object) -> str:
    return Template("{% load selfdirect %}" + source).render(Context(context))


def test_a_row_is_a_key_and_a_value_in_the_design_system_markup() -> None:
    html = _render(
        '{% summary_list %}{% summary_row _("Where") %}{{ place }}'
        "{% endsummary_row %}{% endsummary_list %}",
        place="<Home>",
    )
    assert html == (
        '<dl class="ds_summary-list"><div class="ds_summary-list__item">'
        '<dt class="ds_summary-list__key">Where</dt>'
        '<dd class="ds_summary-list__value">&lt;Home&gt;</dd></div>\n</dl>\n'
    )


def test_a_change_link_says_what_it_changes_to_screen_readers() -> None:
    html = _render(
        '{% summary_row "Steps" change_url=url change_what=_("the steps") %}'
        "Walk{% endsummary_row %}",
        url="/plans/1/?a=1&b=2",
    )
    assert (
        '<dd class="ds_summary-list__actions"><ul class="ds_summary-list__actions-list">'
        '<li class="ds_summary-list__actions-list-item"><a href="/plans/1/?a=1&amp;b=2">'
        'Change<span class="visually-hidden"> the steps</span></a></li></ul></dd></div>'
    ) in html


def test_there_is_no_change_link_without_a_url() -> None:
    html = _render(
        '{% summary_row "Steps" change_url=missing %}Walk{% endsummary_row %}'
    )
    assert "ds_summary-list__actions" not in html


def test_the_list_can_carry_a_class_and_the_value_an_id() -> None:
    html = _render(
        '{% summary_list class="sd-risk" %}'
        '{% summary_row "Later" value_id="later-assessment" %}No{% endsummary_row %}'
        "{% endsummary_list %}"
    )
    assert html.startswith('<dl class="ds_summary-list sd-risk">')
    assert '<dd class="ds_summary-list__value" id="later-assessment">No</dd>' in html


def test_a_mistyped_option_is_a_template_error() -> None:
    with pytest.raises(TemplateSyntaxError):
        _render('{% summary_row "Steps" change="/x" %}Walk{% endsummary_row %}')
    with pytest.raises(TemplateSyntaxError):
        _render("{% summary_row %}Walk{% endsummary_row %}")

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django import template
from django.forms import BaseForm, BoundField
from django.template import Context, Engine, TemplateSyntaxError
from django.template.base import (
    FilterExpression,
    NodeList,
    Parser,
    Token,
    token_kwargs,
)
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def input_value(field: BoundField) -> Any:
    """A field's current value as the text to show in an input box."""
    value = field.value()
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value


_SELECTED = mark_safe(" selected")  # noqa: S308 - a constant


@register.filter
def select_options(field: BoundField) -> str:
    """A select's options, as a loop over the field (``{% for option in field %}``)
    writes them, without a template variable per option: a long list (a quality
    lead's workers on the caseload filter) renders in a fraction of the time."""
    widget: Any = field.field.widget
    value = widget.format_value(field.value())
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (option["value"], _SELECTED if option["selected"] else "", option["label"])
            for option in widget.options(field.html_name, value)
        ),
    )


@register.filter
def date_picker(field: BoundField) -> dict[str, str]:
    """The date picker's first and last dates for a date question, from its
    plausible range (core.forms.DateRange)."""
    from selfdirect.core.input_bounds import ANY_DATE

    dates = getattr(field.field, "dates", ANY_DATE)
    first, last = dates.picker_bounds(timezone.localdate())
    return {"first": first, "last": last}


@register.filter
def describedby(field: BoundField) -> str:
    """The ids of the hint and error that describe a field."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag(takes_context=True)
def error_prefix(context: Context) -> str:
    """ "Error: " when a form on the page has errors, to start the page's title
    (the design system's error summary pattern); otherwise nothing."""
    for value in context.flatten().values():
        if isinstance(value, BaseForm) and value.is_bound and value.errors:
            return str(_("Error:")) + " "
    return ""


@register.simple_tag(takes_context=True)
def page_url(context: dict[str, Any], number: int) -> str:
    """The current URL with a different page number, keeping search and filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


def _pounds(value: Any) -> str:
    amount = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{amount:,.2f}"


@register.filter
def item(mapping: Any, key: Any) -> Any:
    """`mapping[key]` in a template, or the key itself when it is missing
    (a criterion's question by its id, say)."""
    return mapping.get(key, key) if hasattr(mapping, "get") else key


@register.filter
def money(value: Any) -> str:
    """An amount in pounds as people write it: £1,234.50 (blank when missing)."""
    if value is None or value == "":
        return ""
    return "£" + _pounds(value)


@register.filter
def pounds(value: Any) -> str:
    """An amount in pounds for a table whose heading says £: 1,234.50."""
    if value is None or value == "":
        return ""
    return _pounds(value)


class _ComponentNode(template.Node):
    """A block tag drawn by a component template, with its body rendered inside."""

    template_name = ""
    body_name = ""

    def __init__(self, body: NodeList, options: dict[str, FilterExpression]) -> None:
        self.body = body
        self.options = options

    def render(self, context: Context) -> str:
        values = {name: expr.resolve(context) for name, expr in self.options.items()}
        values[self.body_name] = self.body.render(context)
        component = Engine.get_default().get_template(self.template_name)
        return component.render(context.new(values))


class SummaryListNode(_ComponentNode):
    template_name = "components/summary_list.html"
    body_name = "rows"


class SummaryRowNode(_ComponentNode):
    template_name = "components/summary_row.html"
    body_name = "value"


def _options(
    parser: Parser, bits: list[str], tag: str, allowed: set[str]
) -> dict[str, FilterExpression]:
    options = token_kwargs(bits, parser)
    if bits or not set(options) <= allowed:
        raise TemplateSyntaxError(f"{tag} takes only {', '.join(sorted(allowed))}")
    return options


def _body(parser: Parser, tag: str) -> NodeList:
    body = parser.parse((f"end{tag}",))
    parser.delete_first_token()
    return body


@register.tag
def summary_list(parser: Parser, token: Token) -> SummaryListNode:
    """A design-system summary list holding {% summary_row %}s.

    {% summary_list %} … {% endsummary_list %}; class="…" adds a class to it.
    """
    tag, *bits = token.split_contents()
    options = _options(parser, bits, tag, {"class"})
    return SummaryListNode(_body(parser, tag), options)


@register.tag
def summary_row(parser: Parser, token: Token) -> SummaryRowNode:
    """A row of a summary list: its key, then its value between the tags.

    {% summary_row _("Key") %}value{% endsummary_row %}. Options: value_id= puts an
    id on the value; change_url= adds a "Change" link (none when it is empty) and
    change_what= is its hidden text, saying what it changes.
    """
    tag, *bits = token.split_contents()
    if not bits:
        raise TemplateSyntaxError(f"{tag} needs the row's key")
    key = parser.compile_filter(bits.pop(0))
    options = _options(parser, bits, tag, {"value_id", "change_url", "change_what"})
    return SummaryRowNode(_body(parser, tag), {"key": key, **options})

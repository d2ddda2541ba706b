"""The languages the interface offers (core/i18n.py), for the language switcher."""

from django import template

from selfdirect.core.i18n import offered_languages as _offered

register = template.Library()


@register.simple_tag
def offered_languages() -> list[tuple[str, str]]:
    """The (code, name) of each language offered, the default language first."""
    return _offered()

"""The one-sentence description of each SDS option, from one source: the "Your
four options" page and the choice form both show it."""

from django import template
from django.utils.translation import gettext

from selfdirect.choices.info_documents import OPTION_SUMMARIES

register = template.Library()


@register.simple_tag
def option_summary(option: int) -> str:
    """What an option means, in one sentence (as on "Your four options")."""
    return gettext(str(OPTION_SUMMARIES[int(option)]))

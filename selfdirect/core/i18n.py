"""Which languages the interface offers: only those whose catalogue is complete.

A page is marked with one language (WCAG 3.1.1). A page that is mostly English
but marked `lang="gd"` is read aloud with Gaelic pronunciation, so a translation
is offered (in the language switcher, from the browser's Accept-Language, and for
letters) only once its own catalogue (`selfdirect/locale/<code>/LC_MESSAGES/
django.po`) has at least LANGUAGE_MIN_COMPLETENESS per cent of its messages
translated. Below that, people get English, marked `en-GB`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import polib
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

CATALOGUE = Path(__file__).resolve().parent.parent / "locale"


@cache
def completeness(code: str) -> float:
    """The percentage of messages translated in our own catalogue for a language
    (untranslated and fuzzy entries do not count); 0 with no catalogue."""
    path = CATALOGUE / translation.to_locale(code) / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return 0.0
    catalogue = polib.pofile(str(path))
    messages = [entry for entry in catalogue if not entry.obsolete]
    if not messages:
        return 0.0
    return 100 * len(catalogue.translated_entries()) / len(messages)


def offered_languages() -> list[tuple[str, str]]:
    """The (code, name) of each language offered: the default language, and every
    other whose catalogue is complete enough."""
    threshold = settings.LANGUAGE_MIN_COMPLETENESS
    return [
        (code, name)
        for code, name in settings.LANGUAGES
        if code == settings.LANGUAGE_CODE or completeness(code) >= threshold
    ]


def is_offered(code: str) -> bool:
    return any(code == offered for offered, _name in offered_languages())


class OfferedLanguageMiddleware:
    """After LocaleMiddleware: a language that is not offered (chosen earlier, or
    asked for by the browser) falls back to the default language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_offered(translation.get_language() or settings.LANGUAGE_CODE):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)

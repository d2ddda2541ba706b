"""A static file's text inside a template: the same CSS for a page (linked, as
the Content Security Policy requires) and for a PDF (inline, as WeasyPrint reads it)."""

from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def inline_static(path: str) -> SafeString:
    """The text of one of the app's own static files (trusted, not escaped)."""
    found = finders.find(path)
    if not isinstance(found, str):
        raise template.TemplateSyntaxError(f"No static file {path}")
    return mark_safe(Path(found).read_text(encoding="utf-8"))  # noqa: S308


@register.simple_tag
def static_src(path: str, for_print: bool = False) -> str:
    """The address of one of the app's static files: its URL on a page, or its
    file URI in a PDF (WeasyPrint reads the file itself, with no web server)."""
    if not for_print:
        return static(path)
    found = finders.find(path)
    if not isinstance(found, str):
        raise template.TemplateSyntaxError(f"No static file {path}")
    return Path(found).resolve().as_uri()

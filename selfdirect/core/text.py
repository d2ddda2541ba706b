"""Short forms of a person's own words, never cut in the middle of a word."""

import textwrap

from django import forms
from django.db.models import Model


def shorten(text: str, width: int = 80) -> str:
    """The text on one line, cut at a word boundary with an ellipsis when it is
    longer than `width` characters (a single word longer than that is cut)."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    short = textwrap.shorten(line, width=width, placeholder="…")
    if short == "…":  # one long word: cut it rather than show nothing
        return line[: width - 1] + "…"
    return short


class WholeWordsChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Choices labelled with the record's words in full (a person's outcome is
    never shown cut short when a worker ticks it)."""

    def __init__(self, *args: object, words: str = "words", **kwargs: object) -> None:
        self.words = words
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def label_from_instance(self, obj: Model) -> str:
        return " ".join(str(getattr(obj, self.words)).split())

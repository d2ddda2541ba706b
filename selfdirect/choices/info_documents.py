"""The 'four options' information: Easy Read text, and both versions as tagged PDFs."""

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from selfdirect.core.pdf import render_pdf

PLAIN_ENGLISH = "choices/four_options_pdf.html"
EASY_READ = "choices/four_options_easy_read_pdf.html"

# What each option means, in one sentence: the "Your four options" page and the
# choice form both show these (the {% option_summary %} tag), so they say the same.
OPTION_SUMMARIES: dict[int, Promise] = {
    1: _("You get the money and arrange your support yourself."),
    2: _(
        "You choose your support, and the council or another organisation you "
        "agree on arranges it and pays for it for you."
    ),
    3: _("The council chooses your support and arranges it for you."),
    4: _(
        "You can mix Options 1, 2 and 3, choosing a different option for each "
        "kind of support."
    ),
}

# Easy Read: short sentences, one idea a line, each beside a picture that carries
# its meaning. Each section is (id, heading, lines); each line is (picture, text),
# the picture an OpenMoji (CC BY-SA 4.0) named by its code point(s), copied into
# build/static/openmoji/ by the Makefile's `assets` target (OPENMOJI there).
EASY_READ_SECTIONS: list[tuple[str, Promise, list[tuple[str, Promise]]]] = [
    (
        "about",
        _("About this information"),
        [
            (
                "1F9D1-200D-1F91D-200D-1F9D1",
                _("This is about getting support from social care."),
            ),
            ("1F914", _("You can choose how your support is arranged.")),
            ("0034-FE0F-20E3", _("There are 4 ways to choose.")),
            ("1F4CB", _("They are called the 4 options.")),
        ],
    ),
    (
        "option-1",
        _("Option 1: a direct payment"),
        [
            ("1F4B7", _("The council gives you money for your support.")),
            ("1F4B3", _("This is called a direct payment.")),
            ("1F64B", _("You choose your support and arrange it yourself.")),
            ("1F91D", _("You could employ your own helper.")),
            ("1F9D1-200D-2695-FE0F", _("This helper is called a personal assistant.")),
            ("1F9FE", _("The money must be spent on your support.")),
        ],
    ),
    (
        "option-2",
        _("Option 2: you choose, someone else arranges it"),
        [
            ("1F64B", _("You choose your support.")),
            ("1F3E2", _("The council or another organisation arranges it for you.")),
            ("1F4B7", _("They pay for it.")),
        ],
    ),
    (
        "option-3",
        _("Option 3: the council chooses and arranges it"),
        [
            ("1F3DB", _("The council chooses your support.")),
            ("1F4C5", _("The council arranges it for you.")),
            (
                "0033-FE0F-20E3",
                _("If you do not want to choose, you will get option 3."),
            ),
        ],
    ),
    (
        "option-4",
        _("Option 4: a mix"),
        [
            ("1F500", _("You can mix options 1, 2 and 3.")),
            ("1F9E9", _("You can choose a different option for each kind of support.")),
        ],
    ),
    (
        "the-same",
        _("What stays the same"),
        [
            ("2764", _("Your support is about what matters to you.")),
            ("2705", _("This is the same for every option.")),
            ("1F4AC", _("The council must involve you as much as you want.")),
            ("1F91D", _("The council must help you choose.")),
            ("1F50D", _("Your support will be checked to see if it is working.")),
            ("1F5D3", _("This is called a review.")),
        ],
    ),
    (
        "changing",
        _("You can change your option"),
        [
            ("1F504", _("You can ask to change your option.")),
            (
                "1F3E0",
                _("If your life changes a lot, the council must let you choose again."),
            ),
        ],
    ),
    (
        "money",
        _("Money for your support"),
        [
            (
                "1F4B7",
                _(
                    "The council must tell you how much money there is for your support."
                ),
            ),
            ("1F522", _("It must tell you the amount for each option.")),
            ("1F4CA", _("This is called your indicative budget.")),
            ("1F4DD", _("Your worker will write the amounts down for you.")),
        ],
    ),
    (
        "help",
        _("Free help"),
        [
            ("1F193", _("You can get free help to choose.")),
            ("2696", _("This help is independent.")),
            ("1F464", _("Independent means it is not part of the council.")),
            ("1F5E3", _("An advocate can help you say what you want.")),
            ("1F4CD", _("Ask your worker about help near you.")),
        ],
    ),
    (
        "next",
        _("What happens next"),
        [
            ("1F5E8", _("Your worker talks with you about what matters to you.")),
            (
                "1F4B7",
                _("The council tells you how much money there is for each option."),
            ),
            ("2705", _("You choose your option.")),
            ("1F4DD", _("You and your worker make a plan for your support.")),
            ("1F50D", _("Your support is checked to see if it is working.")),
        ],
    ),
]


def pictures() -> set[str]:
    """The OpenMoji pictures the Easy Read text uses."""
    return {
        picture for _id, _heading, lines in EASY_READ_SECTIONS for picture, _ in lines
    }


@lru_cache(maxsize=16)
def four_options_pdf(template: str, language: str) -> bytes:
    """Render one version of the information as a PDF.

    The text holds no personal data, so each version is built once per language
    (the language is part of the key because the text is translatable).
    """
    return render_pdf(template, _print_context())


def easy_read_for_person_pdf(amounts: Sequence[Any]) -> bytes:
    """The Easy Read information with one person's amounts in its table."""
    return render_pdf(EASY_READ, {**_print_context(), "amounts": amounts})


def _print_context() -> dict[str, Any]:
    return {
        "sections": EASY_READ_SECTIONS,
        "for_print": True,
        "pictures": sorted(pictures()),
    }

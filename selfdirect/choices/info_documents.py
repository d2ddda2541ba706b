"""The 'four options' information: Easy Read text, and both versions as tagged PDFs."""

from functools import lru_cache

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

# Easy Read: short sentences, one idea a line, each line with room for a picture.
# Each section is (id, heading, lines).
EASY_READ_SECTIONS: list[tuple[str, Promise, list[Promise]]] = [
    (
        "about",
        _("About this information"),
        [
            _("This is about getting support from social care."),
            _("You can choose how your support is arranged."),
            _("There are 4 ways to choose."),
            _("They are called the 4 options."),
        ],
    ),
    (
        "option-1",
        _("Option 1: a direct payment"),
        [
            _("The council gives you money for your support."),
            _("This is called a direct payment."),
            _("You choose your support and arrange it yourself."),
            _("You could employ your own helper."),
            _("This helper is called a personal assistant."),
            _("The money must be spent on your support."),
        ],
    ),
    (
        "option-2",
        _("Option 2: you choose, someone else arranges it"),
        [
            _("You choose your support."),
            _("The council or another organisation arranges it for you."),
            _("They pay for it."),
        ],
    ),
    (
        "option-3",
        _("Option 3: the council chooses and arranges it"),
        [
            _("The council chooses your support."),
            _("The council arranges it for you."),
            _("If you do not want to choose, you will get option 3."),
        ],
    ),
    (
        "option-4",
        _("Option 4: a mix"),
        [
            _("You can mix options 1, 2 and 3."),
            _("You can choose a different option for each kind of support."),
        ],
    ),
    (
        "the-same",
        _("What stays the same"),
        [
            _("Your support is about what matters to you."),
            _("This is the same for every option."),
            _("The council must involve you as much as you want."),
            _("The council must help you choose."),
            _("Your support will be checked to see if it is working."),
            _("This is called a review."),
        ],
    ),
    (
        "changing",
        _("You can change your option"),
        [
            _("You can ask to change your option."),
            _("If your life changes a lot, the council must let you choose again."),
        ],
    ),
    (
        "money",
        _("Money for your support"),
        [
            _("The council must tell you how much money there is for your support."),
            _("It must tell you the amount for each option."),
            _("This is called your indicative budget."),
            _("Your worker will write the amounts down for you."),
        ],
    ),
    (
        "help",
        _("Free help"),
        [
            _("You can get free help to choose."),
            _("This help is independent."),
            _("Independent means it is not part of the council."),
            _("An advocate can help you say what you want."),
            _("Ask your worker about help near you."),
        ],
    ),
    (
        "next",
        _("What happens next"),
        [
            _("Your worker talks with you about what matters to you."),
            _("The council tells you how much money there is for each option."),
            _("You choose your option."),
            _("You and your worker make a plan for your support."),
            _("Your support is checked to see if it is working."),
        ],
    ),
]


@lru_cache(maxsize=16)
def four_options_pdf(template: str, language: str) -> bytes:
    """Render one version of the information as a PDF.

    The text holds no personal data, so each version is built once per language
    (the language is part of the key because the text is translatable).
    """
    return render_pdf(template, {"sections": EASY_READ_SECTIONS})

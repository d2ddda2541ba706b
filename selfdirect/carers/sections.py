"""The sections of a carer's plan: each s9 item (a)-(l) its own section, with its
title for an adult carer support plan and, in words a young person understands,
for a young carer statement. Outcomes (e), impacts (i) and breaks (k) have rows of
their own, added on their own pages; these are the fields each section edits."""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    letter: str
    code: str
    title: str | Promise
    young_title: str | Promise
    fields: tuple[str, ...]
    # Field labels for a young carer statement, where the adult words differ.
    young_labels: dict[str, str | Promise] = field(default_factory=dict)


SECTIONS: list[Section] = [
    Section(
        "a",
        "circumstances",
        _("The caring situation and its impact on the carer's wellbeing"),
        _("What you do to care, and how it affects you"),
        ("circumstances", "impact_on_wellbeing", "hours_band"),
        {
            "circumstances": _("What do you do to help the person you care for?"),
            "impact_on_wellbeing": _("How does caring make you feel, and affect you?"),
            "hours_band": _("About how many hours a week do you spend caring?"),
        },
    ),
    Section(
        "b",
        "ability",
        _("The carer's ability and willingness to care"),
        _("Whether you can, and want to, keep caring"),
        ("ability_to_care", "willingness_to_care"),
        {
            "ability_to_care": _("What makes caring easy or hard for you?"),
            "willingness_to_care": _(
                "Do you want to keep caring? What would you change?"
            ),
        },
    ),
    Section(
        "c",
        "emergency",
        _("Emergency arrangements"),
        _("If something goes wrong"),
        ("emergency_who", "emergency_contact", "emergency_plan"),
        {
            "emergency_who": _("Who would help if you could not care?"),
            "emergency_contact": _("How do we reach them?"),
            "emergency_plan": _("What should happen?"),
        },
    ),
    Section(
        "d",
        "future",
        _("Future care arrangements"),
        _("Thinking about the future"),
        ("future_care",),
        {"future_care": _("What do you want to happen in the future?")},
    ),
    Section(
        "e",
        "outcomes",
        _("The carer's own personal outcomes"),
        _("What matters to you"),
        (),
    ),
    Section(
        "f",
        "needs",
        _("Identified needs"),
        _("What help you need"),
        ("no_needs_identified", "needs"),
        {
            "no_needs_identified": _("You do not need any help right now"),
            "needs": _("What help do you need?"),
        },
    ),
    Section(
        "g",
        "local",
        _("Support available locally"),
        _("Help near you"),
        ("local_support", "local_services"),
        {"local_support": _("What help is there near you?")},
    ),
    Section(
        "h",
        "elsewhere",
        _("Support where the carer lives, if in another area"),
        _("If you live in a different area"),
        ("lives_elsewhere", "support_where_lives"),
        {
            "lives_elsewhere": _("You live in a different council area"),
            "support_where_lives": _("What help is there where you live?"),
        },
    ),
    Section(
        "i",
        "eligible",
        _("Support for needs that meet the local eligibility criteria"),
        _("Help the council will give you"),
        ("eligible_support",),
        {"eligible_support": _("What help will you get?")},
    ),
    Section(
        "j",
        "other",
        _("Support for other needs"),
        _("Other help you can get"),
        ("other_support",),
        {"other_support": _("Where else can you get help?")},
    ),
    Section(
        "k",
        "breaks",
        _("A break from caring"),
        _("Time off from caring"),
        ("break_from_caring", "break_reasons"),
        {
            "break_from_caring": _("Would a break from caring help you?"),
            "break_reasons": _("Why?"),
        },
    ),
    Section(
        "l",
        "review",
        _("When the plan will be reviewed"),
        _("When we will look at this again"),
        ("review_on",),
        {"review_on": _("When will we look at your statement again?")},
    ),
    Section(
        "y",
        "young",
        _("The young carer statement"),
        _("About your statement"),
        (
            "authority",
            "authority_name",
            "council_approval_needed",
            "council_approved_on",
            "care_appropriate",
            "care_appropriate_notes",
            "childs_plan",
        ),
        {
            "care_appropriate": _("Is the caring you do right for someone your age?"),
            "childs_plan": _("Your child's plan (if you have one)"),
        },
    ),
]

BY_CODE = {section.code: section for section in SECTIONS}
EDITABLE = {s.code for s in SECTIONS if s.fields}


def sections_for(young: bool) -> list[Section]:
    """The plan's sections; the statement's own section only for a young carer."""
    return [s for s in SECTIONS if s.code != "young" or young]

"""What the carers app adds elsewhere (collected by selfdirect.core.hooks)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.core.hooks import (
    AuditAction,
    NavItem,
    PersonSection,
    SubjectAccessSection,
)

AUDIT_ACTIONS = (
    AuditAction("carer.identified", _("Identified an unpaid carer")),
    AuditAction("carer.offered", _("Offered a carer a plan or statement")),
    AuditAction("carer.answered", _("Recorded a carer's answer to an offer")),
    AuditAction("carer.discharge", _("Logged a hospital discharge notice")),
    AuditAction("carer.sharing", _("Recorded what a carer agreed to share")),
    AuditAction("carer.plan_started", _("Started a carer's plan or statement")),
    AuditAction("carer.plan_changed", _("Changed a carer's plan or statement")),
    AuditAction("carer.plan_shared", _("Shared a plan or statement with the carer")),
    AuditAction("carer.plan_agreed", _("Recorded that a carer agreed their plan")),
    AuditAction("carer.review_started", _("Started a carer's review")),
    AuditAction("carer.review_changed", _("Changed a carer's review")),
    AuditAction("carer.review_shared", _("Shared a review with the carer")),
    AuditAction("carer.review_agreed", _("Recorded that a carer agreed their review")),
    AuditAction("carer.criteria", _("Published carers' eligibility criteria")),
    AuditAction("carer.budget", _("Worked out a carer's indicative budget")),
    AuditAction("carer.option_chosen", _("Recorded the option a carer chose")),
    AuditAction("carer.signposted", _("Signposted a carer to community support")),
    AuditAction("carer.followed_up", _("Followed up a carer's signposting")),
)

# The carer's own records: a carer's subject access export holds their carer
# records, offers, plans and notices, never those of a carer of theirs.
SUBJECT_ACCESS = (
    SubjectAccessSection("carers.Carer", ("person",), "As an unpaid carer"),
    SubjectAccessSection(
        "carers.Offer", ("carer__person",), "Offers of a carer's plan"
    ),
    SubjectAccessSection(
        "carers.DischargeNotice", ("carer__person",), "Hospital discharge notices"
    ),
    SubjectAccessSection(
        "carers.CarerPlan", ("carer__person",), "Carer support plans and statements"
    ),
    SubjectAccessSection(
        "carers.CarerOutcome", ("plan__carer__person",), "A carer's own outcomes"
    ),
    SubjectAccessSection(
        "carers.BreakFromCaring", ("plan__carer__person",), "Breaks from caring"
    ),
    SubjectAccessSection(
        "carers.DomainImpact", ("plan__carer__person",), "Impact of caring"
    ),
    SubjectAccessSection(
        "carers.CarerSupport",
        ("plan__carer__person",),
        "Support for a carer's eligible needs and the options chosen",
    ),
    SubjectAccessSection(
        "carers.CarerSignposting",
        ("plan__carer__person",),
        "Signposting for a carer's other needs",
    ),
    SubjectAccessSection(
        "carers.CarerReview", ("plan__carer__person",), "Carers' reviews"
    ),
    SubjectAccessSection(
        "carers.CarerOutcomeReview",
        ("review__plan__carer__person",),
        "How a carer's outcomes went at review",
    ),
)


def _person_reads(request: Any, person: Any) -> dict[str, Any]:
    from selfdirect.people.models import Relationship

    from .selectors import carer_links_read, summaries_read, unidentified_carers

    user = request.user
    return {
        **summaries_read(person, user),
        "unidentified": unidentified_carers(person)
        if user.can(Capability.CHANGE_PEOPLE)
        else Relationship.objects.none(),
        "as_carer": carer_links_read(person, user),
    }


def _person_section(request: Any, person: Any, reads: Any) -> dict[str, Any]:
    from selfdirect.accounts.access import may

    from .selectors import summaries_for

    user = request.user
    can_change = user.can(Capability.CHANGE_PEOPLE)
    return {
        "summaries": summaries_for(person, user, reads),
        "unidentified": list(reads["unidentified"]),
        "as_carer": list(reads["as_carer"]),
        "can_identify": can_change and may(user, Purpose.CARERS, Action.CHANGE),
    }


PERSON_SECTIONS = (
    PersonSection(67, "carers/person_section.html", _person_section, _person_reads),
)

NAV_ITEMS = (
    NavItem(55, _("Carers"), "carers:lists", needs=(Purpose.CARERS, Action.VIEW)),
)

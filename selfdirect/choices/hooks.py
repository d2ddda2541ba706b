"""What informed choice adds elsewhere (collected by selfdirect.core.hooks)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.core.hooks import Contribution, PersonSection, SubjectAccessSection
from selfdirect.people.hook_points import JOURNEY_STAGES, JourneyStage, StageProgress


def _person_reads(request: Any, person: Any) -> dict[str, Any]:
    from .models import AmountStated, ElementChoice

    return {
        "information": person.information_given.all(),
        "amounts": AmountStated.objects.filter(information__person=person),
        "independent_support": person.independent_support.select_related("provider"),
        "choices": person.support_choices.all()[:2],
        "elements": ElementChoice.objects.filter(
            choice__in=person.support_choices.values("pk")[:2]
        ),
        "direct_payment_checks": person.direct_payment_checks.all(),
    }


def _person_section(request: Any, person: Any, reads: Any) -> dict[str, Any]:
    from selfdirect.accounts.roles import Capability
    from selfdirect.core.batched import attach

    from .selectors import choice_summary

    information = list(reads["information"])
    attach(information, "amounts", reads["amounts"], "information")
    independent_support = list(reads["independent_support"])
    choices = list(reads["choices"])
    attach(choices, "elements", reads["elements"], "choice")
    return {
        "summary": choice_summary(person, information, independent_support, choices),
        "information": information,
        "independent_support": independent_support,
        "direct_payment_checks": list(reads["direct_payment_checks"]),
        "can_change": request.user.can(Capability.CHANGE_PEOPLE),
    }


SUBJECT_ACCESS = (
    SubjectAccessSection(
        "choices.InformationGiven", ("person",), "Information given on the options"
    ),
    SubjectAccessSection(
        "choices.AmountStated", ("information__person",), "Amounts stated"
    ),
    SubjectAccessSection(
        "choices.IndependentSupport", ("person",), "Independent support"
    ),
    SubjectAccessSection("choices.SupportChoice", ("person",), "Choices of option"),
    SubjectAccessSection(
        "choices.ElementChoice", ("choice__person",), "Option per element of support"
    ),
    SubjectAccessSection(
        "choices.DirectPaymentCheck", ("person",), "Direct payment checks"
    ),
)

PERSON_SECTIONS = (
    PersonSection(20, "choices/person_section.html", _person_section, _person_reads),
)


def _stage_annotations() -> dict[str, Any]:
    from django.db.models import Exists, OuterRef, Subquery

    from .models import IndependentSupport, InformationGiven, SupportChoice

    latest = SupportChoice.objects.filter(person=OuterRef("pk"))
    made_on = Subquery(latest.values("made_on")[:1])
    information = InformationGiven.objects.filter(person=OuterRef("pk"))
    support = IndependentSupport.objects.filter(person=OuterRef("pk"))
    return {
        "stage_choice_made_on": made_on,
        "stage_choice_decided_by": Subquery(latest.values("decided_by")[:1]),
        "stage_choice_authority": Subquery(
            latest.values("representative_authority")[:1]
        ),
        "stage_information": Exists(information),
        "stage_support_offered": Exists(support),
        "stage_information_before": Exists(information.filter(given_on__lte=made_on)),
        "stage_support_before": Exists(support.filter(offered_on__lte=made_on)),
    }


def _stage_progress(row: Any, user: Any) -> StageProgress:
    from django.urls import reverse

    from selfdirect.accounts.roles import Capability

    from .rules import choice_stage, informed_choice

    informed = None
    if row.stage_choice_made_on is not None:
        informed = informed_choice(
            information_before=row.stage_information_before,
            independent_support_offered=row.stage_support_before,
            decided_by=row.stage_choice_decided_by,
            authority_recorded=bool(row.stage_choice_authority),
        )
    status, summary = choice_stage(
        information_given=row.stage_information,
        support_offered=row.stage_support_offered,
        informed=informed,
    )
    if status == "done" or not user.can(Capability.CHANGE_PEOPLE):
        return StageProgress(status, summary)
    if not row.stage_information or (informed and not row.stage_information_before):
        name, label = "choices:information", _("Record information given")
    elif not row.stage_support_offered or (informed and not row.stage_support_before):
        name, label = "choices:independent_support", _("Offer independent support")
    elif informed is None:
        name, label = "choices:record_choice", _("Record their choice of option")
    else:
        name, label = "choices:record_choice", _("Record the choice again")
    return StageProgress(
        status, summary, str(label), reverse(name, args=[row.public_id])
    )


CONTRIBUTIONS = (
    Contribution(
        JOURNEY_STAGES,
        JourneyStage(
            30,
            _("Informed choice of options"),
            _stage_annotations,
            _stage_progress,
        ),
    ),
)

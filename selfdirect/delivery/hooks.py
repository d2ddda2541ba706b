"""What option delivery and finance add elsewhere (collected by selfdirect.core.hooks)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import (
    AuditAction,
    Contribution,
    NavItem,
    PersonSection,
    SubjectAccessSection,
)
from selfdirect.panel.hook_points import SERVICE_STARTS
from selfdirect.people.hook_points import JOURNEY_STAGES, JourneyStage, StageProgress


def _shown(user: Any) -> bool:
    from selfdirect.accounts.access import may
    from selfdirect.accounts.roles import Action, Purpose

    return bool(may(user, Purpose.FINANCE, Action.VIEW))


def _person_reads(request: Any, person: Any) -> dict[str, Any]:
    from .selectors import delivery_reads

    return delivery_reads(person) if _shown(request.user) else {}


def _person_section(request: Any, person: Any, reads: Any) -> dict[str, Any]:
    from django.utils import timezone

    from selfdirect.accounts.access import may
    from selfdirect.accounts.roles import Action, Purpose

    from .selectors import person_delivery

    user = request.user
    if not _shown(user):
        return {"shown": False}
    return {
        "shown": True,
        "delivery": person_delivery(person, timezone.localdate(), reads),
        "can_set_up": may(user, Purpose.FINANCE, Action.CHANGE),
    }


def _services_starting(person: Any, since: Any) -> list[Any]:
    from .selectors import services_starting

    return services_starting(person, since)


AUDIT_ACTIONS = (
    AuditAction("direct_payment.set_up", _("Set up a direct payment agreement")),
    AuditAction("direct_payment.changed", _("Changed a direct payment agreement")),
    AuditAction("direct_payment.ended", _("Ended a direct payment")),
    AuditAction("direct_payment.paid", _("Recorded a direct payment made")),
    AuditAction(
        "direct_payment.payment_corrected", _("Corrected a direct payment recorded")
    ),
    AuditAction("direct_payment.return_received", _("Recorded a monitoring return")),
    AuditAction("direct_payment.surplus", _("Recorded what happens to a surplus")),
    AuditAction("direct_payment.pas", _("Recorded personal assistants employed")),
    AuditAction("service_fund.set_up", _("Set up an individual service fund")),
    AuditAction("service_fund.changed", _("Changed an individual service fund")),
    AuditAction("arranged_service.set_up", _("Arranged a service")),
    AuditAction("arranged_service.changed", _("Changed an arranged service")),
)

SUBJECT_ACCESS = (
    SubjectAccessSection(
        "delivery.DirectPaymentAgreement", ("person",), "Direct payment agreements"
    ),
    SubjectAccessSection(
        "delivery.Payment", ("agreement__person",), "Direct payments made"
    ),
    SubjectAccessSection(
        "delivery.MonitoringReturn", ("agreement__person",), "Monitoring returns"
    ),
    SubjectAccessSection(
        "delivery.PersonalAssistantEmployment",
        ("agreement__person",),
        "Personal assistants employed",
    ),
    SubjectAccessSection(
        "delivery.IndividualServiceFund", ("person",), "Individual service funds"
    ),
    SubjectAccessSection(
        "delivery.ArrangedService", ("person",), "Services arranged by the council"
    ),
)

PERSON_SECTIONS = (
    PersonSection(60, "delivery/person_section.html", _person_section, _person_reads),
)

NAV_ITEMS = (NavItem(60, _("Finance"), "delivery:finance", (Capability.SEE_FINANCE,)),)


def _stage_annotations() -> dict[str, Any]:
    from django.db.models import Exists, OuterRef, Q
    from django.utils import timezone

    from .models import ArrangedService, DirectPaymentAgreement, IndividualServiceFund

    current = Q(ends_on__isnull=True) | Q(ends_on__gte=timezone.localdate())
    mine = {"person": OuterRef("pk")}
    return {
        "stage_direct_payment": Exists(
            DirectPaymentAgreement.objects.filter(**mine, status="active")
        ),
        "stage_service_fund": Exists(
            IndividualServiceFund.objects.filter(current, **mine)
        ),
        "stage_arranged": Exists(ArrangedService.objects.filter(current, **mine)),
    }


def _stage_progress(row: Any, user: Any) -> StageProgress | None:
    from django.urls import reverse

    from selfdirect.accounts.access import may
    from selfdirect.accounts.roles import Action, Purpose

    from .rules import delivery_stage

    if not may(user, Purpose.FINANCE, Action.VIEW):
        return None
    status, summary = delivery_stage(
        direct_payment=row.stage_direct_payment,
        service_fund=row.stage_service_fund,
        arranged=row.stage_arranged,
    )
    if status == "done" or not may(user, Purpose.FINANCE, Action.CHANGE):
        return StageProgress(status, summary)
    url = reverse("delivery:person", args=[row.public_id])
    return StageProgress(status, summary, str(_("Set up the support")), url)


CONTRIBUTIONS = (
    Contribution(SERVICE_STARTS, _services_starting),
    Contribution(
        JOURNEY_STAGES,
        JourneyStage(
            60,
            _("Delivery: direct payment or arranged support"),
            _stage_annotations,
            _stage_progress,
        ),
    ),
)

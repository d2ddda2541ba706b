from typing import Any

from django.apps import AppConfig


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from django.utils import timezone

    from selfdirect.accounts.access import may
    from selfdirect.accounts.roles import Action, Purpose

    from .selectors import person_delivery

    user = request.user
    if not may(user, Purpose.FINANCE, Action.VIEW):
        return {"shown": False}
    return {
        "shown": True,
        "delivery": person_delivery(person, timezone.localdate()),
        "can_set_up": may(user, Purpose.FINANCE, Action.CHANGE),
    }


class DeliveryConfig(AppConfig):
    name = "selfdirect.delivery"
    label = "delivery"
    verbose_name = "Option delivery and finance"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from selfdirect.accounts.roles import Capability
        from selfdirect.audit import services as audit
        from selfdirect.audit import subject_access
        from selfdirect.core.extensions import (
            DemoStep,
            NavItem,
            PersonSection,
            add_demo_step,
            add_nav_item,
            add_person_section,
        )

        from . import demo, demo_providers, models, services

        audit.ACTIONS.update(services.ACTIONS)
        for model, path, title in (
            (models.DirectPaymentAgreement, "person", "Direct payment agreements"),
            (models.Payment, "agreement__person", "Direct payments made"),
            (models.MonitoringReturn, "agreement__person", "Monitoring returns"),
            (
                models.PersonalAssistantEmployment,
                "agreement__person",
                "Personal assistants employed",
            ),
            (models.IndividualServiceFund, "person", "Individual service funds"),
            (models.ArrangedService, "person", "Services arranged by the council"),
        ):
            subject_access.register(model, path, title=title)
        add_person_section(
            PersonSection(60, "delivery/person_section.html", _person_section)
        )
        add_nav_item(
            NavItem(60, _("Finance"), "delivery:finance", (Capability.SEE_FINANCE,))
        )
        add_nav_item(
            NavItem(
                61,
                _("Providers"),
                "delivery:providers",
                (Capability.MANAGE_PROVIDERS, Capability.PLAN_SUPPORT),
            )
        )
        # The register comes before support plans, so plans can name providers.
        add_demo_step(
            DemoStep(
                33,
                "providers",
                demo_providers.seed_providers,
                demo_providers.keep_providers,
            )
        )
        add_demo_step(
            DemoStep(40, "delivery", demo.seed_delivery, demo.delete_delivery)
        )

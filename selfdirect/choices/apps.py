from typing import Any

from django.apps import AppConfig


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from selfdirect.accounts.roles import Capability

    from .selectors import choice_summary

    return {
        "summary": choice_summary(person),
        "choices": list(person.support_choices.all()),
        "information": list(person.information_given.prefetch_related("amounts")),
        "independent_support": list(person.independent_support.all()),
        "direct_payment_checks": list(person.direct_payment_checks.all()),
        "can_change": request.user.can(Capability.CHANGE_PEOPLE),
    }


class ChoicesConfig(AppConfig):
    name = "selfdirect.choices"
    label = "choices"
    verbose_name = "Informed choice of the four options"

    def ready(self) -> None:
        from selfdirect.audit import subject_access
        from selfdirect.core.extensions import (
            PersonSection,
            add_person_section,
        )

        from . import models

        subject_access.register(
            models.InformationGiven, "person", title="Information given on the options"
        )
        subject_access.register(
            models.AmountStated, "information__person", title="Amounts stated"
        )
        subject_access.register(
            models.IndependentSupport, "person", title="Independent support"
        )
        subject_access.register(
            models.SupportChoice, "person", title="Choices of option"
        )
        subject_access.register(
            models.ElementChoice,
            "choice__person",
            title="Option per element of support",
        )
        subject_access.register(
            models.DirectPaymentCheck, "person", title="Direct payment checks"
        )
        add_person_section(
            PersonSection(20, "choices/person_section.html", _person_section)
        )

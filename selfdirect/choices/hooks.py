"""What informed choice adds elsewhere (collected by selfdirect.core.hooks)."""

from typing import Any

from selfdirect.core.hooks import PersonSection, SubjectAccessSection


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from selfdirect.accounts.roles import Capability

    from .selectors import choice_summary

    information = list(person.information_given.prefetch_related("amounts"))
    independent_support = list(person.independent_support.all())
    return {
        "summary": choice_summary(person, information, independent_support),
        "information": information,
        "independent_support": independent_support,
        "direct_payment_checks": list(person.direct_payment_checks.all()),
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

PERSON_SECTIONS = (PersonSection(20, "choices/person_section.html", _person_section),)

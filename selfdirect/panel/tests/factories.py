import datetime
from decimal import Decimal

import factory

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.budgets.tests.factories import IndicativeBudgetFactory
from selfdirect.panel.models import PanelDecision, PanelMeeting, PanelSubmission


class PanelMeetingFactory(factory.django.DjangoModelFactory[PanelMeeting]):
    class Meta:
        model = PanelMeeting

    meets_on = datetime.date(2026, 11, 12)
    place = "Committee Room 2"
    created_by = factory.SubFactory(UserFactory, role="panel_member")


class PanelSubmissionFactory(factory.django.DjangoModelFactory[PanelSubmission]):
    class Meta:
        model = PanelSubmission

    indicative_budget = factory.SubFactory(IndicativeBudgetFactory)
    person = factory.SelfAttribute("indicative_budget.person")
    amount_requested = factory.SelfAttribute("indicative_budget.amount")
    persons_words = "I want to stay at home and get to the shops on Fridays."
    contribution = "written"
    assessed_on = datetime.date(2026, 10, 20)
    state = "submitted"
    submitted_on = datetime.date(2026, 11, 2)
    submitted_by = factory.SelfAttribute("indicative_budget.recorded_by")


class PanelDecisionFactory(factory.django.DjangoModelFactory[PanelDecision]):
    class Meta:
        model = PanelDecision

    submission = factory.SubFactory(PanelSubmissionFactory, state="decided")
    person = factory.SelfAttribute("submission.person")
    outcome = "approved"
    reasons = "The plan meets what matters to you at a fair cost."
    approved_amount = factory.SelfAttribute("submission.amount_requested")
    decided_on = datetime.date(2026, 11, 12)
    decided_by = factory.SubFactory(UserFactory, role="panel_member")
    present = "Chair; finance; the worker"
    told_on = datetime.date(2026, 11, 13)
    told_how = "phone"


def amount(value: str) -> Decimal:
    return Decimal(value)

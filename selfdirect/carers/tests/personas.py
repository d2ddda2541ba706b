"""The persona's person, Morag, is an unpaid carer for her husband Donald (held by
team B): she accepted an adult carer support plan, which is a draft with an
outcome, a break from caring, the impact in one domain (an eligible need), a
sitter she chose through option 2, signposting to a walking group, and a hospital
discharge notice named her. A carer's review of the plan is in progress (made
directly: the services review only an agreed plan, and the persona's plan stays
a draft so that its sections can be walked). She also has an unpaid carer of her own, her son
Kenny, recorded by name only, not yet identified."""

import datetime
from typing import Any

from selfdirect.carers import services, support_services
from selfdirect.carers.details import (
    BreakDetails,
    DischargeDetails,
    IdentifyDetails,
    OfferDetails,
    SignpostingDetails,
    SupportDetails,
)
from selfdirect.carers.models import CarerOutcomeReview, CarerReview, Offer
from selfdirect.core.concurrency import save_new
from selfdirect.people.models import Relationship
from selfdirect.people.tests.factories import PersonFactory

BUILDS_ON: tuple[str, ...] = ()


def add_records(personas: Any) -> None:
    by = personas.practitioner_a
    donald = PersonFactory.create(
        first_name="Donald", last_name="Munro", team=personas.team_b
    )
    carer = services.identify(
        person=personas.person,
        cared_for=donald,
        by=by,
        how="relationship",
        details=IdentifyDetails(
            identified_on=datetime.date(2026, 1, 5),
            still_at_school=False,
            cared_for_terminally_ill=False,
        ),
    )
    services.record_offer(
        carer=carer,
        by=by,
        details=OfferDetails(
            offered_on=datetime.date(2026, 1, 6),
            how=Offer.How.PHONE,
            offered_by="Prac A",
            answer=Offer.Answer.ACCEPTED,
            answered_on=datetime.date(2026, 1, 7),
        ),
    )
    plan = services.start_plan(
        carer=carer, by=by, started_on=datetime.date(2026, 1, 10)
    )
    services.add_outcome(
        plan=plan, by=by, words="I get a full night's sleep twice a week"
    )
    services.add_break(
        plan=plan,
        by=by,
        details=BreakDetails(
            kind="short_break",
            how_often="One weekend a quarter",
            provided_by="Clydeview Carers' Centre",
            notes="",
        ),
    )
    assert plan.criteria is not None
    domain = plan.criteria.domains.get(code="health_wellbeing")
    services.record_impacts(plan=plan, by=by, levels={domain.pk: ("substantial", "")})
    support_services.add_support(
        plan=plan,
        by=by,
        details=SupportDetails(
            what="A sitter one evening a week",
            option=2,
            yearly_amount=None,
            chosen_by="carer",
            chosen_by_name="",
            chosen_on=datetime.date(2026, 1, 12),
        ),
    )
    support_services.add_signposting(
        plan=plan,
        by=by,
        details=SignpostingDetails(
            service=None,
            support_name="Clydeview Carers' Walking Group",
            signposted_on=datetime.date(2026, 1, 12),
            follow_up_due=datetime.date(2026, 2, 12),
        ),
    )
    services.record_discharge(
        carer=carer,
        by=by,
        details=DischargeDetails(
            hospital="Royal Alexandra Hospital",
            notice_on=datetime.date(2026, 1, 3),
            expected_discharge_on=datetime.date(2026, 1, 8),
            carer_told_on=datetime.date(2026, 1, 3),
            views_invited_on=datetime.date(2026, 1, 4),
            carers_views="I can manage if someone helps with the stairs.",
        ),
    )
    review = save_new(
        CarerReview(
            plan=plan,
            started_on=datetime.date(2026, 1, 20),
            due_on=datetime.date(2026, 1, 20),
            recorded_by=by,
        ),
        by,
    )
    save_new(CarerOutcomeReview(review=review, outcome=plan.outcomes.get()), by)
    Relationship.objects.create(
        person=personas.person,
        kind=Relationship.Kind.UNPAID_CARER,
        name="Kenny MacLeod",
        description="son",
    )

"""Each carer's journey as the services would leave it, as unsaved rows."""

import datetime

from django.conf import settings

from selfdirect.accounts.models import Team
from selfdirect.carers import rules
from selfdirect.carers.models import (
    BreakFromCaring,
    Carer,
    CarerOutcome,
    CarerPlan,
    DomainImpact,
    Offer,
)
from selfdirect.core.dates import add_days, add_years
from selfdirect.core.details import field_values
from selfdirect.demo.bulk import new
from selfdirect.people import rules as people_rules
from selfdirect.people.models import Allocation, Person, Relationship
from selfdirect.people.services import PersonDetails

from .review import ReviewRows
from .rows import refuse
from .support import SupportRows
from .words import CASES, CIRCUMSTANCES, OUTCOMES, YOUNG_EVERY, YOUNG_OUTCOMES


class CarerMaker(SupportRows, ReviewRows):
    """Each carer's journey as the services would leave it, as unsaved rows."""

    def carer(self, n: int, relationship: Relationship, born: datetime.date) -> None:
        """The carer named in a relationship, their journey, and maybe a young
        carer of the same person."""
        rng, today = self.rng, self.today
        identified = add_days(today, -rng.randint(20, 700))
        carer = self.made.add(
            new(
                Carer,
                public_id=self.uuid(),
                person_id=relationship.related_person_id,  # type: ignore[misc]
                cared_for_id=relationship.person_id,
                identified_how=Carer.IdentifiedHow.RELATIONSHIP,
                relationship_id=relationship.pk,
                recorded_by=self.by,
                identified_on=identified,
                still_at_school=False,
                cared_for_terminally_ill=rng.random() < 0.05,
            )
        )
        self.made.counts["carers identified"] += 1
        self.journey(carer, born, n, identified)
        if self.team is not None and n % YOUNG_EVERY == 1:
            last_name = relationship.last_name  # type: ignore[attr-defined]
            self.young_carer(self.team, relationship.person_id, last_name, n)

    def journey(
        self,
        carer: Carer,
        born: datetime.date,
        n: int,
        identified: datetime.date,
        young: bool = False,
    ) -> None:
        rng, today, by = self.rng, self.today, self.by
        case = CASES[(n * 7 + 3) % len(CASES)]
        if case == "not_offered":
            return
        offered = min(add_days(identified, rng.randint(1, 20)), today)
        answer = {
            "declined": Offer.Answer.DECLINED,
            "waiting": Offer.Answer.WAITING,
            "requested": Offer.Answer.REQUESTED,
        }.get(case, Offer.Answer.ACCEPTED)
        # As services.record_offer: the kind decided on the day of the offer, and
        # a plan wanted is due within the local target (sooner near the end of life).
        offer = self.made.add(
            new(
                Offer,
                public_id=self.uuid(),
                carer=carer,
                kind=rules.plan_kind(born, carer.still_at_school, offered),
                offered_on=offered,
                how="phone",
                offered_by=by.get_full_name(),
                answer=answer,
                answered_on=None if answer == Offer.Answer.WAITING else offered,
                recorded_by=by,
            )
        )
        if offer.wanted:
            offer.due_by = rules.plan_due_by(
                offer.answered_on or offered,
                terminally_ill=carer.cared_for_terminally_ill,
                terminal_days=settings.CARER_TERMINAL_ILLNESS_DAYS,
                days=settings.CARER_PLAN_DAYS,
            )
        self.made.counts["carer offers"] += 1
        if not offer.wanted or case == "accepted":
            return  # declined, no answer yet, or accepted and waiting for the plan
        started = min(add_days(offered, rng.randint(3, 40)), today)
        criteria_id = rules.in_force(self.versions, started)
        plan = self.made.add(
            new(
                CarerPlan,
                public_id=self.uuid(),
                carer=carer,
                kind=offer.kind,
                started_on=started,
                criteria_id=criteria_id,
                recorded_by=by,
            )
        )
        self.made.counts["carer plans"] += 1
        outcome, breaks, impacts = self.fill(plan, started, young or plan.is_young)
        if case == "draft":
            return
        refuse(
            rules.agreement_problems(
                rules.PlanFacts(
                    young=plan.is_young,
                    circumstances=plan.circumstances,
                    hours_band=plan.hours_band,
                    emergency_who=plan.emergency_who,
                    outcomes=1,
                    no_needs_identified=plan.no_needs_identified,
                    needs=plan.needs,
                    impacts=impacts,
                    domains=len(self.domains[criteria_id]) if criteria_id else 0,
                    break_decided=plan.break_from_caring is not None,
                    breaks=breaks,
                    break_from_caring=bool(plan.break_from_caring),
                    review_on=plan.review_on,
                    authority=plan.authority,
                    care_appropriate=plan.care_appropriate,
                )
            )
        )
        plan.state, plan.agreed_on = CarerPlan.State.AGREED, started
        self.made.counts["carer plans agreed"] += 1
        self.review(plan, outcome)

    def fill(
        self, plan: CarerPlan, started: datetime.date, young: bool
    ) -> tuple[CarerOutcome, int, int]:
        """The plan's sections, its outcome, break, impacts, support and
        signposting (the outcome, the number of breaks and of impacts)."""
        rng = self.rng
        eligible = rng.random() < 0.45
        wants_break = rng.random() < 0.6
        plan.circumstances = rng.choice(CIRCUMSTANCES)
        plan.impact_on_wellbeing = "Tired most of the time; little time for myself."
        plan.hours_band = rng.choice(["5-19", "20-34", "35-49", "50+"])
        plan.ability_to_care = "Able to keep caring with some help."
        plan.willingness_to_care = "Wants to keep caring."
        plan.emergency_who = "A neighbour who has a key"
        plan.emergency_contact = "Number kept by the carers' centre"
        plan.needs = "Time to rest and to keep up other parts of life."
        plan.break_from_caring = wants_break
        plan.break_reasons = "A regular break would let the carer keep going."
        plan.review_on = add_days(started, rng.randint(180, 365))
        if young:
            plan.authority = rng.choice(["council", "education"])
            plan.authority_name = "Clydeview Education Services"
            plan.care_appropriate = rng.choice(["partly", "no"])
            plan.care_appropriate_notes = "Too much personal care for a young person."
        words = YOUNG_OUTCOMES if young else OUTCOMES
        outcome = self.made.add(new(CarerOutcome, plan=plan, words=rng.choice(words)))
        breaks = 0
        if wants_break:
            breaks = 1
            self.made.add(
                new(
                    BreakFromCaring,
                    plan=plan,
                    kind=rng.choice(["short_break", "replacement", "day_activity"]),
                    how_often=rng.choice(
                        ["One weekend a quarter", "An evening a week"]
                    ),
                    provided_by="Clydeview Carers' Centre",
                    notes="",
                )
            )
        domains = self.domains[plan.criteria_id] if plan.criteria_id else []
        high = "substantial" if eligible else "moderate"
        levels = [
            high if n == 0 else rng.choice(["none", "low", "moderate"])
            for n in range(len(domains))
        ]
        for domain, level in zip(domains, levels, strict=True):
            self.made.add(
                new(DomainImpact, plan=plan, domain=domain, level=level, notes="")
            )
        if eligible and not young:
            self.support(plan, started, list(zip(domains, levels, strict=True)))
        self.signpost(plan, started)
        return outcome, breaks, len(domains)

    def young_carer(
        self, team: Team, cared_for_id: int, last_name: str, n: int
    ) -> None:
        """A grandchild at school who helps care, with a young carer statement:
        they join the people, allocated to the carers' team, named in a new
        relationship of the person they care for."""
        rng, today = self.rng, self.today
        age = rng.randint(12, 17)
        born = add_days(add_years(today, -age), -rng.randint(0, 300))
        first = rng.choice(["Skye", "Callum", "Eilidh", "Rory", "Isla", "Finlay"])
        identified = add_days(today, -rng.randint(20, 300))
        person = new(
            Person,
            **field_values(
                PersonDetails(
                    first_name=first,
                    last_name=last_name,
                    date_of_birth=born,
                    locality=team.locality,
                    preferred_language="English",
                )
            ),
            public_id=self.uuid(),
        )
        person.last_name_key = people_rules.name_key(person.last_name)
        person.first_name_key = people_rules.name_key(person.first_name)
        person.preferred_name_key = people_rules.name_key(person.preferred_name)
        self.made.add(person)
        self.made.add(
            new(
                Allocation,
                person=person,
                team=team,
                worker=self.by,
                started_on=identified,
            )
        )
        relationship = self.made.add(
            new(
                Relationship,
                person_id=cared_for_id,
                kind=Relationship.Kind.UNPAID_CARER,
                description="Grandchild",
                related_person=person,
            )
        )
        carer = self.made.add(
            new(
                Carer,
                public_id=self.uuid(),
                person=person,
                cared_for_id=cared_for_id,
                identified_how=Carer.IdentifiedHow.RELATIONSHIP,
                relationship=relationship,
                recorded_by=self.by,
                identified_on=identified,
                still_at_school=True,
                cared_for_terminally_ill=False,
            )
        )
        self.made.counts.update(
            {"young carers": 1, "people": 1, "allocations": 1, "relationships": 1}
        )
        self.journey(carer, born, n + 5, identified, young=True)

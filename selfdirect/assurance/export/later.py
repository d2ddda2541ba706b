"""The case file's plans, panel requests, delivery summary and reviews."""

import datetime

from selfdirect.delivery.models import (
    ArrangedService,
    DirectPaymentAgreement,
    IndividualServiceFund,
)
from selfdirect.panel.models import PanelSubmission
from selfdirect.plans.models import CONTINGENCY_FIELDS, SupportPlan
from selfdirect.reviews.models import Review

from ..setbased.records import plan_state_at
from .fields import Row, by_person, external, iso, money, plain, ref, row_of


def _plans(ids: list[int], as_of: datetime.date) -> dict[int, list[Row]]:
    """The plans started on or before as_of, each in its state that day."""
    plans = (
        SupportPlan.objects.filter(person__in=ids, started_on__lte=as_of)
        .annotate(state_at=plan_state_at(as_of))
        .select_related("conversation", "budget", "replaces")
        .prefetch_related("outcomes__personal_outcome", "supports__outcomes")
        .order_by("person_id", "started_on", "id")
    )
    return by_person(
        plans,
        lambda p: {
            **row_of(
                p,
                (
                    "state",
                    "started_on",
                    "agreed_on",
                    "agreed_by_role",
                    "agreed_by",
                    "agreed_how",
                    "review_on",
                ),
            ),
            "state": p.state_at,  # as at the file's date (same place in the row)
            "conversation_ref": ref(p.conversation),
            "budget_ref": ref(p.budget),
            "replaces_ref": ref(p.replaces),
            "contingency": {name: getattr(p, name) for name in CONTINGENCY_FIELDS},
            "outcomes": [
                {
                    **row_of(
                        o,
                        (
                            "words",
                            "how_we_will_know",
                            "target_date",
                            "steps",
                            "achievable_agreed",
                            "achievable_agreed_by",
                            "written_on",
                        ),
                    ),
                    "personal_outcome_ref": ref(o.personal_outcome),
                }
                for o in p.outcomes.all()
            ],
            "supports": [
                {
                    **row_of(
                        s,
                        (
                            "what",
                            "provided_by",
                            "who",
                            "frequency",
                            "hours_per_week",
                            "yearly_cost",
                            "option",
                            "followed_up_on",
                            "used_it",
                            "need_met",
                        ),
                    ),
                    "outcome_refs": [ref(o) for o in s.outcomes.all()],
                }
                for s in p.supports.all()
            ],
        },
    )


def _panel(ids: list[int]) -> dict[int, list[Row]]:
    requests = (
        PanelSubmission.objects.filter(person__in=ids)
        .select_related("support_plan", "indicative_budget", "meeting")
        .prefetch_related("decisions")
        .order_by("person_id", "submitted_on", "id")
    )
    return by_person(
        requests,
        lambda r: {
            **row_of(
                r,
                (
                    "amount_requested",
                    "persons_words",
                    "contribution",
                    "assessed_on",
                    "state",
                    "submitted_on",
                    "contribution_notes",
                ),
            ),
            "meeting_on": iso(r.meeting.meets_on) if r.meeting else None,
            "plan_ref": ref(r.support_plan),
            "budget_ref": ref(r.indicative_budget),
            "decisions": [
                row_of(
                    d,
                    (
                        "outcome",
                        "reasons",
                        "conditions",
                        "approved_amount",
                        "decided_on",
                        "present",
                        "told_on",
                        "told_how",
                    ),
                )
                for d in sorted(r.decisions.all(), key=lambda d: (d.decided_on, d.pk))
            ],
        },
    )


def _delivery(ids: list[int]) -> dict[int, list[Row]]:
    """A summary of each arrangement: direct payments, service funds, services."""
    agreements = DirectPaymentAgreement.objects.filter(person__in=ids)
    funds = IndividualServiceFund.objects.filter(person__in=ids).select_related(
        "provider"
    )
    services = ArrangedService.objects.filter(person__in=ids).select_related("provider")
    found: dict[int, list[Row]] = {}
    for group in (
        by_person(agreements.order_by("person_id", "starts_on", "id"), _agreement),
        by_person(funds.order_by("person_id", "starts_on", "id"), _fund),
        by_person(services.order_by("person_id", "starts_on", "id"), _service),
    ):
        for pk, rows in group.items():
            found.setdefault(pk, []).extend(rows)
    return found


def _agreement(a: DirectPaymentAgreement) -> Row:
    return {
        "ref": ref(a),
        "external_ref": external(a),
        "kind": "direct_payment",
        "option": 1,
        "description": a.spend_notes,
        "provider": a.payee_name,
        "status": a.status,
        "started_on": iso(a.starts_on),
        "ended_on": iso(a.ended_on),
        "yearly_amount": money(a.yearly_amount),
    }


def _fund(f: IndividualServiceFund) -> Row:
    return {
        "ref": ref(f),
        "external_ref": external(f),
        "kind": "individual_service_fund",
        "option": 2,
        "description": f.person_directs,
        "provider": str(f.provider),
        "started_on": iso(f.starts_on),
        "ended_on": iso(f.ends_on),
        "yearly_amount": money(f.yearly_amount),
    }


def _service(s: ArrangedService) -> Row:
    return {
        "ref": ref(s),
        "external_ref": external(s),
        "kind": "arranged_service",
        "option": 3,
        "description": s.description,
        "provider": str(s.provider or ""),
        "status": s.arrangement,
        "started_on": iso(s.starts_on),
        "ended_on": iso(s.ends_on),
        "yearly_amount": money(s.yearly_cost),
    }


def _reviews(ids: list[int]) -> dict[int, list[Row]]:
    reviews = (
        Review.objects.filter(person__in=ids)
        .select_related("plan")
        .prefetch_related(
            "attainments__level",
            "attainments__reasons",
            "attainments__plan_outcome",
            "support_reviews__support",
        )
        .order_by("person_id", "started_on", "id")
    )
    return by_person(
        reviews,
        lambda r: {
            **row_of(
                r,
                (
                    "kind",
                    "state",
                    "started_on",
                    "due_on",
                    "held_on",
                    "took_part",
                    "persons_account",
                    "carer_views",
                    "next_step",
                    "next_step_notes",
                    "next_review_on",
                    "agreed_on",
                    "agreed_by",
                    "participant_names",
                    "why_not_taking_part",
                    "support_ends_reason",
                    "shared_on",
                    "agreed_how",
                ),
            ),
            "plan_ref": ref(r.plan),
            "attainments": [
                {
                    "external_ref": external(a),
                    "plan_outcome_ref": ref(a.plan_outcome),
                    "level": a.level.code if a.level else None,
                    **plain(
                        a,
                        (
                            "persons_words",
                            "what_helped",
                            "what_got_in_the_way",
                            "reason_narrative",
                        ),
                    ),
                    "reasons": [reason.code for reason in a.reasons.all()],
                }
                for a in r.attainments.all()
            ],
            "support_reviews": [
                {
                    "external_ref": external(s),
                    "support_ref": ref(s.support),
                    **plain(s, ("delivered_as_planned", "option_still_right", "notes")),
                    "feedback": dict(s.feedback or {}),
                }
                for s in r.support_reviews.all()
            ],
        },
    )

"""Build a person's case file (format version 1) from the database.

Each list is read once with its parts prefetched, so the number of queries does
not grow with the size of the record (`test_export.py` pins it). Refs are the
record's public id where it has one, else `<app.Model>:<pk>`.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.choices.models import (
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from selfdirect.conversations.models import Conversation
from selfdirect.delivery.models import (
    ArrangedService,
    DirectPaymentAgreement,
    IndividualServiceFund,
)
from selfdirect.panel.models import PanelSubmission
from selfdirect.people.models import Allocation, FirstContact, Person
from selfdirect.plans.models import CONTINGENCY_FIELDS, SupportPlan
from selfdirect.reviews.models import Review

from .casefile import FORMAT, FORMAT_VERSION

Row = dict[str, Any]


def ref(record: models.Model | None) -> str | None:
    if record is None:
        return None
    public = getattr(record, "public_id", None)
    return str(public) if public else f"{record._meta.label}:{record.pk}"


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _fields(record: models.Model, names: Iterable[str]) -> Row:
    """Plain fields as JSON values: dates as ISO strings, money as strings."""
    row: Row = {}
    for name in names:
        value = getattr(record, name)
        if isinstance(value, datetime.date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = f"{value:.2f}"
        row[name] = value
    return row


def _rec(record: models.Model, names: Iterable[str]) -> Row:
    return {"ref": ref(record), "external_ref": None, **_fields(record, names)}


def build(person: Person, *, as_of: datetime.date | None = None) -> Row:
    """The case file of one person, as a dict ready for json.dumps."""
    as_of = as_of or timezone.localdate()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "as_of": as_of.isoformat(),
        "source": {
            "system": "selfdirect",
            "exported_at": timezone.now().isoformat(timespec="seconds"),
        },
        "person": _person(person, as_of),
        "first_contacts": _first_contacts(person),
        "conversations": _conversations(person),
        "information_given": _information(person),
        "independent_support": [
            _rec(
                o,
                (
                    "kind",
                    "offered_on",
                    "response",
                    "organisation",
                    "referred_on",
                    "status",
                    "feedback",
                ),
            )
            for o in IndependentSupport.objects.filter(person=person).order_by(
                "offered_on", "id"
            )
        ],
        "choices": _choices(person),
        "budgets": _budgets(person),
        "plans": _plans(person),
        "panel_requests": _panel(person),
        "delivery": _delivery(person),
        "reviews": _reviews(person),
        "carers_plans": [],
    }


def _person(person: Person, as_of: datetime.date) -> Row:
    allocation = (
        Allocation.objects.filter(person=person)
        .current(as_of)
        .select_related("team")
        .first()
    )
    relationships = person.relationships.order_by("id")
    return {
        **_rec(
            person,
            (
                "first_name",
                "last_name",
                "preferred_name",
                "date_of_birth",
                "chi_number",
                "postcode",
                "communication_needs",
                "preferred_language",
            ),
        ),
        "service_groups": [
            g.code for g in person.service_groups.order_by("order", "code")
        ],
        "team": allocation.team.name if allocation else "",
        "relationships": [
            _rec(r, ("kind", "name", "description", "lives_with_person"))
            for r in relationships
        ],
    }


def _first_contacts(person: Person) -> list[Row]:
    contacts = (
        FirstContact.objects.filter(person=person)
        .select_related("team")
        .prefetch_related("signpostings")
        .order_by("contact_date", "id")
    )
    return [
        {
            **_rec(
                c,
                (
                    "contact_date",
                    "made_by",
                    "made_by_name",
                    "reason",
                    "what_matters",
                    "sds_discussed",
                    "sds_not_discussed_reason",
                    "outcome",
                    "follow_up_due",
                    "followed_up_on",
                    "follow_up_result",
                    "follow_up_notes",
                ),
            ),
            "team": c.team.name,
            "signposting": [
                _rec(s, ("support_name", "used_it", "need_met"))
                for s in c.signpostings.all()
            ],
        }
        for c in contacts
    ]


def _conversations(person: Person) -> list[Row]:
    conversations = (
        Conversation.objects.filter(person=person)
        .select_related("team", "eligibility_level", "first_contact")
        .prefetch_related("outcomes__domains", "strengths__helps_with", "risks")
        .order_by("conversation_date", "id")
    )
    return [
        {
            **_rec(
                c,
                (
                    "conversation_date",
                    "place",
                    "participants",
                    "participant_names",
                    "persons_account",
                    "good_day",
                    "who_helps_now",
                    "carer_views",
                    "carer_offered_support_plan",
                    "eligibility_reason",
                    "state",
                    "agreed_on",
                    "agreed_by",
                ),
            ),
            "first_contact_ref": ref(c.first_contact),
            "team": c.team.name,
            "eligibility": c.eligibility_level.code if c.eligibility_level else "",
            "outcomes": [
                {
                    **_rec(
                        o, ("words", "whats_working", "whats_not_working", "priority")
                    ),
                    "domains": [d.code for d in o.domains.all()],
                }
                for o in c.outcomes.all()
            ],
            "strengths": [
                {
                    **_rec(s, ("kind", "description")),
                    "helps_with": [ref(o) for o in s.helps_with.all()],
                }
                for s in c.strengths.all()
            ],
            "risks": [
                _rec(
                    r,
                    (
                        "risk",
                        "gain",
                        "persons_view",
                        "agreed_actions",
                        "agreed_by",
                        "review_on",
                    ),
                )
                for r in c.risks.all()
            ],
        }
        for c in conversations
    ]


def _information(person: Person) -> list[Row]:
    given = (
        InformationGiven.objects.filter(person=person)
        .select_related("given_by")
        .prefetch_related("amounts")
        .order_by("given_on", "id")
    )
    return [
        {
            **_rec(
                i,
                (
                    "given_on",
                    "options_explained",
                    "formats",
                    "language",
                    "who_else_can_help",
                ),
            ),
            "given_by": i.given_by.get_full_name() or i.given_by.get_username(),
            "amounts": [
                _fields(a, ("option", "amount", "period")) for a in i.amounts.all()
            ],
        }
        for i in given
    ]


def _choices(person: Person) -> list[Row]:
    choices = (
        SupportChoice.objects.filter(person=person)
        .prefetch_related("elements")
        .order_by("made_on", "id")
    )
    return [
        {
            **_rec(
                c,
                (
                    "made_on",
                    "decided_by",
                    "representative_name",
                    "representative_authority",
                    "reasons",
                    "deemed",
                ),
            ),
            "elements": [_fields(e, ("element", "option")) for e in c.elements.all()],
        }
        for c in choices
    ]


def _budgets(person: Person) -> list[Row]:
    budgets = (
        IndicativeBudget.objects.filter(person=person)
        .select_related("method", "service_group")
        .order_by("worked_out_on", "id")
    )
    return [
        {
            **_rec(
                b,
                (
                    "worked_out_on",
                    "amount",
                    "method_version",
                    "explanation",
                    "authority",
                ),
            ),
            "method": b.method.code if b.method else "",
            "service_group": b.service_group.code if b.service_group else "",
        }
        for b in budgets
    ]


def _plans(person: Person) -> list[Row]:
    plans = (
        SupportPlan.objects.filter(person=person)
        .select_related("conversation", "budget", "replaces")
        .prefetch_related("outcomes__personal_outcome", "supports__outcomes")
        .order_by("started_on", "id")
    )
    return [
        {
            **_rec(
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
            "conversation_ref": ref(p.conversation),
            "budget_ref": ref(p.budget),
            "replaces_ref": ref(p.replaces),
            "contingency": {name: getattr(p, name) for name in CONTINGENCY_FIELDS},
            "outcomes": [
                {
                    **_rec(
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
                    **_rec(
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
        }
        for p in plans
    ]


def _panel(person: Person) -> list[Row]:
    requests = (
        PanelSubmission.objects.filter(person=person)
        .select_related("support_plan", "indicative_budget")
        .prefetch_related("decisions")
        .order_by("submitted_on", "id")
    )
    return [
        {
            **_rec(
                r,
                (
                    "amount_requested",
                    "persons_words",
                    "contribution",
                    "assessed_on",
                    "state",
                    "submitted_on",
                ),
            ),
            "plan_ref": ref(r.support_plan),
            "budget_ref": ref(r.indicative_budget),
            "decisions": [
                _rec(
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
        }
        for r in requests
    ]


def _delivery(person: Person) -> list[Row]:
    rows: list[Row] = []
    for agreement in DirectPaymentAgreement.objects.filter(person=person).order_by(
        "starts_on", "id"
    ):
        rows.append(
            {
                "ref": ref(agreement),
                "external_ref": None,
                "kind": "direct_payment",
                "option": 1,
                "description": agreement.spend_notes,
                "provider": agreement.payee_name,
                "status": agreement.status,
                "started_on": _date(agreement.starts_on),
                "ended_on": _date(agreement.ended_on),
                "yearly_amount": _money(agreement.yearly_amount),
            }
        )
    for fund in (
        IndividualServiceFund.objects.filter(person=person)
        .select_related("provider")
        .order_by("starts_on", "id")
    ):
        rows.append(
            {
                "ref": ref(fund),
                "external_ref": None,
                "kind": "individual_service_fund",
                "option": 2,
                "description": fund.person_directs,
                "provider": str(fund.provider),
                "started_on": _date(fund.starts_on),
                "ended_on": _date(fund.ends_on),
                "yearly_amount": _money(fund.yearly_amount),
            }
        )
    for service in (
        ArrangedService.objects.filter(person=person)
        .select_related("provider")
        .order_by("starts_on", "id")
    ):
        rows.append(
            {
                "ref": ref(service),
                "external_ref": None,
                "kind": "arranged_service",
                "option": 3,
                "description": service.description,
                "provider": str(service.provider or ""),
                "status": service.arrangement,
                "started_on": _date(service.starts_on),
                "ended_on": _date(service.ends_on),
                "yearly_amount": _money(service.yearly_cost),
            }
        )
    return rows


def _reviews(person: Person) -> list[Row]:
    reviews = (
        Review.objects.filter(person=person)
        .select_related("plan")
        .prefetch_related(
            Prefetch("attainments__level"),
            "attainments__reasons",
            "attainments__plan_outcome",
        )
        .order_by("started_on", "id")
    )
    return [
        {
            **_rec(
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
                ),
            ),
            "plan_ref": ref(r.plan),
            "attainments": [
                {
                    "external_ref": None,
                    "plan_outcome_ref": ref(a.plan_outcome),
                    "level": a.level.code if a.level else None,
                    **_fields(
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
        }
        for r in reviews
    ]

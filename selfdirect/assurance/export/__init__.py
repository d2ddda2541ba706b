"""Build a person's case file (format version 1) from the database.

Each list is read once with its parts prefetched, so the number of queries does
not grow with the size of the record (`test_export.py` pins it). Refs are the
record's public id where it has one, else `<app.Model>:<pk>`.
"""

import datetime

from django.utils import timezone

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.choices.models import (
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from selfdirect.conversations.models import Conversation
from selfdirect.people.models import Allocation, FirstContact, Person

from ..casefile import FORMAT, FORMAT_VERSION
from ..models import ExternalReference
from .fields import EXTERNAL, Row, plain, ref, row_of
from .later import _delivery, _panel, _plans, _reviews


def build(person: Person, *, as_of: datetime.date | None = None) -> Row:
    """The case file of one person, as a dict ready for json.dumps. Records
    imported from another system carry their reference there (`external_ref`)."""
    as_of = as_of or timezone.localdate()
    kept = {
        (row.record, row.object_id): row.external_ref
        for row in ExternalReference.objects.filter(person=person).order_by("-id")
    }
    token = EXTERNAL.set(kept)
    try:
        return _build(person, as_of)
    finally:
        EXTERNAL.reset(token)


def _build(person: Person, as_of: datetime.date) -> Row:
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
            row_of(
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
        **row_of(
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
            row_of(r, ("kind", "name", "description", "lives_with_person"))
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
            **row_of(
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
                row_of(s, ("support_name", "used_it", "need_met"))
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
            **row_of(
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
                    "shared_on",
                    "agreed_on",
                    "agreed_by",
                    "agreed_how",
                ),
            ),
            "first_contact_ref": ref(c.first_contact),
            "team": c.team.name,
            "eligibility": c.eligibility_level.code if c.eligibility_level else "",
            "outcomes": [
                {
                    **row_of(
                        o, ("words", "whats_working", "whats_not_working", "priority")
                    ),
                    "domains": [d.code for d in o.domains.all()],
                }
                for o in c.outcomes.all()
            ],
            "strengths": [
                {
                    **row_of(s, ("kind", "description")),
                    "helps_with": [ref(o) for o in s.helps_with.all()],
                }
                for s in c.strengths.all()
            ],
            "risks": [
                row_of(
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
            **row_of(
                i,
                (
                    "given_on",
                    "formats",
                    "language",
                    "who_else_can_help",
                ),
            ),
            # Kept as the form's strings ("1"): the case file has numbers.
            "options_explained": sorted({int(o) for o in i.options_explained}),
            "given_by": i.given_by.get_full_name() or i.given_by.get_username(),
            "amounts": [
                plain(a, ("option", "amount", "period")) for a in i.amounts.all()
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
            **row_of(
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
            "elements": [plain(e, ("element", "option")) for e in c.elements.all()],
        }
        for c in choices
    ]


def _budgets(person: Person) -> list[Row]:
    budgets = (
        IndicativeBudget.objects.own_support()
        .filter(person=person)
        .select_related("method", "service_group")
        .order_by("worked_out_on", "id")
    )
    return [
        {
            **row_of(
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

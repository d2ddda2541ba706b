"""Build case files (format version 3) from the database: one person's, or a
group's at once.

Each list is read once for the whole group with its parts prefetched, so the
number of queries grows neither with the size of a record nor with the number of
people (`test_export.py` and `test_population.py` pin it). Building one person's
file is building a group of one, so a file is the same whichever way it is made.
Refs are the record's public id where it has one, else `<app.Model>:<pk>`.

A file is built **as at** its `as_of` date (default today): it holds the
conversations held, the choices made and the plans started on or before that day,
each plan in the state it had then (`setbased.records.plan_state_at`, the same
expression the set-based rules pick the current plan by). The other lists, and
what each record says, are as they are now.
"""

import datetime
from collections.abc import Sequence

from django.db.models import Prefetch, Q
from django.utils import timezone

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.carers.models import Carer
from selfdirect.choices.models import (
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from selfdirect.conversations.models import Conversation
from selfdirect.people.models import (
    Allocation,
    FirstContact,
    Person,
    Relationship,
    ServiceGroup,
)

from ..casefile import FORMAT, FORMAT_VERSION
from ..models import ExternalReference
from .carers import _carers_plans
from .fields import EXTERNAL, Row, by_person, plain, ref, row_of
from .later import _delivery, _panel, _plans, _reviews


def build(person: Person, *, as_of: datetime.date | None = None) -> Row:
    """The case file of one person, as a dict ready for json.dumps. Records
    imported from another system carry their reference there (`external_ref`)."""
    return build_many([person.pk], as_of=as_of)[person.pk]


def build_many(
    people: Sequence[int],
    *,
    as_of: datetime.date | None = None,
    carers_plans: bool = True,
) -> dict[int, Row]:
    """The case files of a group of people (by primary key), in a fixed number of
    queries whatever the group's size: {person pk: case file}. Without
    `carers_plans` (for reading, which never reads them) that list is left empty."""
    as_of = as_of or timezone.localdate()
    ids = list(people)
    # Their own records' references, and those of the people they care for
    # (a carers' plan names the person cared for).
    cared_for = Carer.objects.filter(person__in=ids).values("cared_for_id")
    kept = {
        (row.record, row.object_id): row.external_ref
        for row in ExternalReference.objects.filter(
            Q(person__in=ids) | Q(record=Person._meta.label, object_id__in=cared_for)
        ).order_by("-id")
    }
    token = EXTERNAL.set(kept)
    try:
        return _build(ids, as_of, carers_plans)
    finally:
        EXTERNAL.reset(token)


def _build(ids: list[int], as_of: datetime.date, carers: bool) -> dict[int, Row]:
    exported_at = timezone.now().isoformat(timespec="seconds")
    lists = {
        "first_contacts": _first_contacts(ids),
        "conversations": _conversations(ids, as_of),
        "information_given": _information(ids),
        "independent_support": _independent(ids),
        "choices": _choices(ids, as_of),
        "budgets": _budgets(ids),
        "plans": _plans(ids, as_of),
        "panel_requests": _panel(ids),
        "delivery": _delivery(ids),
        "reviews": _reviews(ids),
        "carers_plans": _carers_plans(ids) if carers else {},
    }
    return {
        pk: {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "as_of": as_of.isoformat(),
            "source": {"system": "selfdirect", "exported_at": exported_at},
            "person": person,
            **{name: rows.get(pk, []) for name, rows in lists.items()},
        }
        for pk, person in _people(ids, as_of).items()
    }


def _independent(ids: list[int]) -> dict[int, list[Row]]:
    return by_person(
        IndependentSupport.objects.filter(person__in=ids).order_by(
            "person_id", "offered_on", "id"
        ),
        lambda o: row_of(
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
        ),
    )


def _people(ids: list[int], as_of: datetime.date) -> dict[int, Row]:
    teams: dict[int, str] = {}
    for allocation in (
        Allocation.objects.filter(person__in=ids)
        .current(as_of)
        .select_related("team")
        .order_by("person_id", "-started_on", "-id")
    ):
        teams.setdefault(allocation.person_id, allocation.team.name)
    people = Person.objects.filter(pk__in=ids).prefetch_related(
        Prefetch(
            "service_groups", queryset=ServiceGroup.objects.order_by("order", "code")
        ),
        Prefetch("relationships", queryset=Relationship.objects.order_by("id")),
    )
    return {p.pk: _person(p, teams.get(p.pk, "")) for p in people}


def _person(person: Person, team: str) -> Row:
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
        "service_groups": [g.code for g in person.service_groups.all()],
        "team": team,
        "relationships": [
            row_of(r, ("kind", "name", "description", "lives_with_person"))
            for r in person.relationships.all()
        ],
    }


def _first_contacts(ids: list[int]) -> dict[int, list[Row]]:
    contacts = (
        FirstContact.objects.filter(person__in=ids)
        .select_related("team")
        .prefetch_related("signpostings")
        .order_by("person_id", "contact_date", "id")
    )
    return by_person(
        contacts,
        lambda c: {
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
        },
    )


def _conversations(ids: list[int], as_of: datetime.date) -> dict[int, list[Row]]:
    conversations = (
        Conversation.objects.filter(person__in=ids, conversation_date__lte=as_of)
        .select_related("team", "eligibility_level", "first_contact")
        .prefetch_related("outcomes__domains", "strengths__helps_with", "risks")
        .order_by("person_id", "conversation_date", "id")
    )
    return by_person(
        conversations,
        lambda c: {
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
        },
    )


def _information(ids: list[int]) -> dict[int, list[Row]]:
    given = (
        InformationGiven.objects.filter(person__in=ids)
        .select_related("given_by")
        .prefetch_related("amounts")
        .order_by("person_id", "given_on", "id")
    )
    return by_person(
        given,
        lambda i: {
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
        },
    )


def _choices(ids: list[int], as_of: datetime.date) -> dict[int, list[Row]]:
    choices = (
        SupportChoice.objects.filter(person__in=ids, made_on__lte=as_of)
        .prefetch_related("elements")
        .order_by("person_id", "made_on", "id")
    )
    return by_person(
        choices,
        lambda c: {
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
        },
    )


def _budgets(ids: list[int]) -> dict[int, list[Row]]:
    budgets = (
        IndicativeBudget.objects.own_support()
        .filter(person__in=ids)
        .select_related("method", "service_group")
        .order_by("person_id", "worked_out_on", "id")
    )
    return by_person(
        budgets,
        lambda b: {
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
        },
    )

"""Set-based forms of the rules in reader/early.py (see setbased/__init__.py).

Each mirrors its per-file rule record for record; the comments say which part of
the rule each piece stands for. Outcome wording is read from the stored
`PersonalOutcome.wording_kind` (set by the same wording helper when the outcome is
saved), never by running the helper in SQL.
"""

import datetime

from django.db.models import (
    Case,
    CharField,
    Exists,
    Expression,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from selfdirect.conversations.models import (
    Conversation,
    PersonalOutcome,
    RiskEnablement,
    Strength,
)
from selfdirect.people.models import FirstContact, Relationship, Signposting
from selfdirect.plans.models import Support

from ..reader.file import NO, NOT_APPLICABLE, PARTLY, YES
from . import SetRule
from .records import (
    OUTER,
    PERSON,
    JsonListHas,
    conversations_at,
    current_plan,
    filled,
    latest_conversation,
    share,
)


def sds_discussed_first_contact(as_of: datetime.date) -> Expression:
    contacts = FirstContact.objects.filter(person=PERSON)
    return Case(
        When(~Exists(contacts), then=Value(NOT_APPLICABLE)),
        When(Exists(contacts.filter(sds_discussed=False)), then=Value(NO)),
        default=Value(YES),
    )


def _contact_result(prefix: str = "") -> Q:
    """The first contact's own follow-up result: a result and a date."""
    return filled(f"{prefix}follow_up_result") & Q(
        **{f"{prefix}followed_up_on__isnull": False}
    )


def _place_result() -> Q:
    return Q(used_it__isnull=False) | Q(need_met__isnull=False)


def _due(as_of: datetime.date, prefix: str = "") -> Q:
    """The follow-up is due: no due date, or one on or before as_of."""
    return Q(**{f"{prefix}follow_up_due__isnull": True}) | Q(
        **{f"{prefix}follow_up_due__lte": as_of}
    )


def signposting_followed_up(as_of: datetime.date) -> Expression:
    # Each signposting at a first contact: done if the contact or the place has a
    # result; counted when done or when the follow-up is due.
    places = Signposting.objects.filter(first_contact__person=PERSON)
    place_done = _contact_result("first_contact__") | _place_result()
    # A contact that signposted without naming a place stands for the place.
    bare = FirstContact.objects.filter(
        person=PERSON, outcome="signposted", signpostings__isnull=True
    )
    # Community resources in the current plan: always counted.
    community = Support.objects.filter(provided_by="community").filter(
        plan=current_plan(OUTER, as_at=as_of)
    )
    recorded = (
        Q(Exists(places.filter(place_done)))
        | Q(Exists(bare.filter(_contact_result())))
        | Q(Exists(community.filter(_place_result())))
    )
    missing = (
        Q(Exists(places.exclude(place_done).filter(_due(as_of, "first_contact__"))))
        | Q(Exists(bare.exclude(_contact_result()).filter(_due(as_of))))
        | Q(Exists(community.exclude(_place_result())))
    )
    return share(recorded, missing)


def _on_latest_conversation(answer: Expression, as_of: datetime.date) -> Expression:
    """`answer` worked out on the person's latest conversation as at as_of
    (OuterRef("pk") is the conversation there): the conversation is picked once,
    not once per test. not_applicable when there is none."""
    chosen = (
        conversations_at(as_at=as_of)
        .order_by("-conversation_date", "id")
        .annotate(answer=answer)
        .values("answer")[:1]
    )
    return Coalesce(
        Subquery(chosen, output_field=CharField()),
        Value(NOT_APPLICABLE),
        output_field=CharField(),
    )


def outcomes_own_words(as_of: datetime.date) -> Expression:
    outcomes = PersonalOutcome.objects.filter(conversation=OuterRef("pk"))
    return _on_latest_conversation(
        Case(
            When(~Exists(outcomes), then=Value(NO)),
            default=share(
                Q(Exists(outcomes.filter(wording_kind="outcome"))),
                Q(Exists(outcomes.exclude(wording_kind="outcome"))),
            ),
        ),
        as_of,
    )


def strengths_recorded(as_of: datetime.date) -> Expression:
    strengths = Strength.objects.filter(conversation=OuterRef("pk"))
    return _on_latest_conversation(
        Case(When(Exists(strengths), then=Value(YES)), default=Value(NO)), as_of
    )


RISK_FIELDS = ("gain", "persons_view", "agreed_actions", "agreed_by")


def risk_enablement(as_of: datetime.date) -> Expression:
    risks = RiskEnablement.objects.filter(conversation=OuterRef("pk"))
    gap = ~filled(RISK_FIELDS[0])
    for name in RISK_FIELDS[1:]:
        gap |= ~filled(name)
    return _on_latest_conversation(
        Case(
            When(~Exists(risks), then=Value(NOT_APPLICABLE)),
            When(Exists(risks.filter(gap)), then=Value(NO)),
            default=Value(YES),
        ),
        as_of,
    )


def carer_views(as_of: datetime.date) -> Expression:
    latest = Conversation.objects.filter(pk=latest_conversation(OUTER, as_at=as_of))
    views = Exists(latest.filter(filled("carer_views")))
    offered = Exists(latest.filter(carer_offered_support_plan=True))
    shows_carer = Q(
        Exists(Relationship.objects.filter(person=PERSON, kind="unpaid_carer"))
    ) | Q(
        Exists(
            latest.filter(
                JsonListHas("participants", "unpaid_carer")
                | filled("carer_views")
                | Q(carer_offered_support_plan__isnull=False)
            )
        )
    )
    return Case(
        When(
            ~Exists(conversations_at(as_at=as_of)),
            then=Value(NOT_APPLICABLE),
        ),
        When(~shows_carer, then=Value(NOT_APPLICABLE)),
        When(views & offered, then=Value(YES)),
        When(views | offered, then=Value(PARTLY)),
        default=Value(NO),
    )


RULES: dict[str, SetRule] = {
    rule.__name__: rule
    for rule in (
        sds_discussed_first_contact,
        signposting_followed_up,
        outcomes_own_words,
        strengths_recorded,
        risk_enablement,
        carer_views,
    )
}

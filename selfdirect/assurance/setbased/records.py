"""The records a case file's rules read, picked out for each person in SQL: the
latest conversation, the latest choice, the current plan, whether the person was
assessed, and membership of a JSON list. Each mirrors reader/file.py exactly.

Every pick is **as at** a date (`as_at`, default today), as the case file built
for that date holds them (`export.build_many(as_of=...)`): conversations held and
choices made on or before it, plans started on or before it, each plan in the
state it had that day (`plan_state_at`). What the records say (their outcomes,
strengths, supports) is read as it is now: those rows carry no dates."""

import datetime
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    Expression,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from selfdirect.choices.models import SupportChoice
from selfdirect.conversations.models import Conversation
from selfdirect.plans.models import SupportPlan

from ..reader.file import NO, NOT_APPLICABLE, PARTLY, YES

# The person's pk from a query one level in (a record's subquery in an EXISTS)
# and two levels in (a subquery inside such a record query).
PERSON = OuterRef("pk")
OUTER = OuterRef(OuterRef("pk"))


def answer(*whens: When, default: str) -> Case:
    """A Case giving an answer string."""
    return Case(*whens, default=Value(default))


def share(good: Expression | Q, bad: Expression | Q) -> Case:
    """reader.file.share over a set: yes when there are good things and no bad
    ones, partly when both, no when only bad ones, not_applicable when neither.
    Nested so that the database works out each side once a person (a flat Case
    would test good up to twice and bad up to three times)."""
    return Case(
        When(good, then=Case(When(bad, then=Value(PARTLY)), default=Value(YES))),
        When(bad, then=Value(NO)),
        default=Value(NOT_APPLICABLE),
    )


def filled(name: str) -> Q:
    """`Item.text(name)` is not empty: the field holds more than blanks."""
    return ~Q(**{f"{name}__regex": r"^\s*$"}) & Q(**{f"{name}__isnull": False})


def day(as_at: datetime.date | None) -> datetime.date:
    """The date records are picked as at: today when none is given."""
    return as_at or timezone.localdate()


def conversations_at(
    person: Any = PERSON, *, as_at: datetime.date | None = None
) -> QuerySet[Conversation]:
    """The person's conversations held on or before as_at (the file's list)."""
    return Conversation.objects.filter(person=person, conversation_date__lte=day(as_at))


def latest_conversation(
    person: Any = PERSON, *, as_at: datetime.date | None = None
) -> Subquery:
    """CaseFile.conversation: the latest conversation_date on or before as_at; on a
    tie, the first in the file's order (max() keeps the first of equals), so the
    lowest id."""
    return Subquery(
        conversations_at(person, as_at=as_at)
        .order_by("-conversation_date", "id")
        .values("pk")[:1]
    )


def choices_at(
    person: Any = PERSON, *, as_at: datetime.date | None = None
) -> QuerySet[SupportChoice]:
    """The person's choices made on or before as_at (the file's list)."""
    return SupportChoice.objects.filter(person=person, made_on__lte=day(as_at))


def latest_choice(
    person: Any = PERSON, *, as_at: datetime.date | None = None
) -> Subquery:
    """CaseFile.choice: the latest made_on on or before as_at; on a tie, the lowest
    id."""
    return Subquery(
        choices_at(person, as_at=as_at).order_by("-made_on", "id").values("pk")[:1]
    )


PLAN_STATES = {"agreed": 0, "draft": 1, "replaced": 2}


def plan_state_at(as_at: datetime.date | None = None) -> Case:
    """A plan's state on as_at: a draft if it was agreed only after that day;
    agreed if it is replaced now but its replacement was agreed only after that
    day; else its state now (so, as at today, its state now)."""
    on = day(as_at)
    later = SupportPlan.objects.filter(replaces=OuterRef("pk"), agreed_on__gt=on)
    return Case(
        When(agreed_on__gt=on, then=Value("draft")),
        When(Q(state="replaced") & Q(Exists(later)), then=Value("agreed")),
        default=F("state"),
        output_field=CharField(),
    )


def plans_at(person: Any = PERSON, *, as_at: datetime.date | None = None) -> Any:
    """The person's plans started on or before as_at, each annotated with
    `state_at`, its state that day (the file's list)."""
    return SupportPlan.objects.filter(
        person=person, started_on__lte=day(as_at)
    ).annotate(state_at=plan_state_at(as_at))


def current_plans(person: Any = PERSON, *, as_at: datetime.date | None = None) -> Any:
    """The person's plans as at as_at in CaseFile.plan's order, the current plan
    first: agreed, else draft, else replaced (each plan's state that day); within a
    state the latest agreed_on (none counts as earliest), then the latest in the
    file's order (started_on, id)."""
    return (
        plans_at(person, as_at=as_at)
        .filter(state_at__in=PLAN_STATES)
        .alias(
            rank=Case(
                *(When(state_at=s, then=Value(n)) for s, n in PLAN_STATES.items()),
                output_field=IntegerField(),
            )
        )
        .order_by(
            "rank",
            F("agreed_on").desc(nulls_last=True),
            "-started_on",
            "-id",
        )
    )


def current_plan(
    person: Any = PERSON, *, as_at: datetime.date | None = None
) -> Subquery:
    """CaseFile.plan: the id of the person's current plan (`current_plans`)."""
    return Subquery(current_plans(person, as_at=as_at).values("pk")[:1])


def assessed(person: Any = PERSON, *, as_at: datetime.date | None = None) -> Q:
    """CaseFile.assessed: a conversation, a choice or a plan is in the file."""
    return (
        Q(Exists(conversations_at(person, as_at=as_at)))
        | Q(Exists(choices_at(person, as_at=as_at)))
        | Q(Exists(plans_at(person, as_at=as_at)))
    )


class JsonListHas(Expression):
    """Whether a JSON list field holds a value (as a string, or as the number it
    spells): JSONField's `contains` does not work on SQLite."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, field: str, value: str | int) -> None:
        super().__init__()
        self.column: Any = F(field)
        self.value = str(value)

    def get_source_expressions(self) -> list[Any]:
        return [self.column]

    def set_source_expressions(self, exprs: Any) -> None:
        (self.column,) = exprs

    def resolve_expression(self, *args: Any, **kwargs: Any) -> "JsonListHas":
        copy = self.copy()
        copy.column = self.column.resolve_expression(*args, **kwargs)
        return copy

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        field, params = compiler.compile(self.column)
        if connection.vendor == "postgresql":
            tests = [f"{field} @> %s::jsonb"]
            found = [*params, f'["{self.value}"]']
            if self.value.isdigit():
                tests.append(f"{field} @> %s::jsonb")
                found += [*params, f"[{self.value}]"]
            return "(" + " OR ".join(tests) + ")", found
        sql = "EXISTS (SELECT 1 FROM json_each(" + field + ") AS j "  # noqa: S608
        return sql + "WHERE CAST(j.value AS TEXT) = %s)", [*params, self.value]

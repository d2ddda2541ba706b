"""The records a case file's rules read, picked out for each person in SQL: the
latest conversation, the latest choice, the current plan, whether the person was
assessed, and membership of a JSON list. Each mirrors reader/file.py exactly."""

from typing import Any

from django.db.models import (
    BooleanField,
    Case,
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


def latest_conversation(person: Any = PERSON) -> Subquery:
    """CaseFile.conversation: the latest conversation_date; on a tie, the first in
    the file's order (max() keeps the first of equals), so the lowest id."""
    return Subquery(
        Conversation.objects.filter(person=person)
        .order_by("-conversation_date", "id")
        .values("pk")[:1]
    )


def latest_choice(person: Any = PERSON) -> Subquery:
    """CaseFile.choice: the latest made_on; on a tie, the lowest id."""
    return Subquery(
        SupportChoice.objects.filter(person=person)
        .order_by("-made_on", "id")
        .values("pk")[:1]
    )


PLAN_STATES = {"agreed": 0, "draft": 1, "replaced": 2}


def current_plans(person: Any = PERSON) -> QuerySet[SupportPlan]:
    """The person's plans in CaseFile.plan's order, the current plan first: agreed,
    else draft, else replaced; within a state the latest agreed_on (none counts as
    earliest), then the latest in the file's order (started_on, id)."""
    return (
        SupportPlan.objects.filter(person=person, state__in=PLAN_STATES)
        .alias(
            rank=Case(
                *(When(state=s, then=Value(n)) for s, n in PLAN_STATES.items()),
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


def current_plan(person: Any = PERSON) -> Subquery:
    """CaseFile.plan: the id of the person's current plan (`current_plans`)."""
    return Subquery(current_plans(person).values("pk")[:1])


def assessed(person: Any = PERSON) -> Q:
    """CaseFile.assessed: a conversation, a choice or a plan is in the file."""
    return (
        Q(Exists(Conversation.objects.filter(person=person)))
        | Q(Exists(SupportChoice.objects.filter(person=person)))
        | Q(Exists(SupportPlan.objects.filter(person=person)))
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

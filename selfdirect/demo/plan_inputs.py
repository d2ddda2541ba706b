"""What a demo support plan is built from: each person's agreed conversation and its
outcomes, their latest choice of option per element, and their latest indicative
budget, read in a few queries for the whole batch."""

import datetime
from typing import Any

from django.db.models import Min

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.choices.models import ElementChoice, SupportChoice
from selfdirect.conversations.models import Conversation

BATCH = 2000


def agreed_conversations() -> dict[int, dict[str, Any]]:
    """Each person's latest agreed conversation, with the person's names."""
    rows = (
        Conversation.objects.filter(state="agreed", agreed_on__isnull=False)
        .order_by("person_id", "-agreed_on", "-id")
        .values(
            "id",
            "person_id",
            "agreed_on",
            "recorded_by_id",
            "person__first_name",
            "person__preferred_name",
            "person__last_name",
        )
    )
    latest: dict[int, dict[str, Any]] = {}
    for found in rows.iterator(chunk_size=BATCH):
        row: dict[str, Any] = dict(found)
        if row["person_id"] not in latest:
            row["name"] = row["person__preferred_name"] or row["person__first_name"]
            row["full_name"] = f"{row['person__first_name']} {row['person__last_name']}"
            latest[row["person_id"]] = row
    return latest


def latest_elements(
    person_ids: list[int],
) -> tuple[dict[int, list[tuple[str, int]]], dict[int, datetime.date]]:
    """The elements and options of each person's latest choice, and the day they
    first chose."""
    rows = (
        ElementChoice.objects.filter(choice__person_id__in=person_ids)
        .order_by("choice__person_id", "-choice__made_on", "-choice_id", "id")
        .values_list("choice__person_id", "choice_id", "element", "option")
    )
    chosen: dict[int, int] = {}
    elements: dict[int, list[tuple[str, int]]] = {}
    for person, choice, element, option in rows:
        if chosen.setdefault(person, choice) == choice:
            elements.setdefault(person, []).append((element, option))
    first = dict(
        SupportChoice.objects.filter(person_id__in=person_ids)
        .values("person_id")
        .annotate(first=Min("made_on"))
        .values_list("person_id", "first")
    )
    return elements, first


def latest_budgets(person_ids: list[int]) -> dict[int, dict[str, Any]]:
    rows = (
        IndicativeBudget.objects.filter(person_id__in=person_ids)
        .order_by("person_id", "worked_out_on", "id")
        .values("person_id", "id", "amount", "worked_out_on")
    )
    return {row["person_id"]: dict(row) for row in rows}  # the last (latest) wins

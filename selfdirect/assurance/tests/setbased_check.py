"""Comparing the set-based rules (assurance/setbased/) with the per-file reader."""

import datetime
from collections.abc import Iterable, Sequence

from selfdirect.people.models import Person

from .. import population, setbased


def set_answers(
    people_ids: Sequence[int], as_of: datetime.date, ids: Iterable[str]
) -> dict[int, dict[str, str]]:
    """{person pk: {criterion id: answer}} worked out by the set-based rules."""
    rules = setbased.rules()
    wanted = list(ids)
    rows = (
        Person.objects.filter(pk__in=list(people_ids))
        .annotate(**{f"answer__{c}": rules[c](as_of) for c in wanted})
        .values("pk", *(f"answer__{c}" for c in wanted))
    )
    return {row["pk"]: {c: row[f"answer__{c}"] for c in wanted} for row in rows}


def differences(
    people_ids: Sequence[int], as_of: datetime.date, ids: Iterable[str]
) -> list[tuple[int, str, str, str]]:
    """(person pk, criterion, per-file answer, set-based answer) for every person
    and criterion where the set-based rule and the per-file rule disagree."""
    wanted = list(ids)
    by_file = population.read_group(list(people_ids), as_of=as_of)
    by_set = set_answers(people_ids, as_of, wanted)
    return [
        (pk, c, by_file[pk].get(c, ""), by_set.get(pk, {}).get(c, ""))
        for pk in sorted(by_file)
        for c in wanted
        if by_file[pk].get(c, "") != by_set.get(pk, {}).get(c, "")
    ]

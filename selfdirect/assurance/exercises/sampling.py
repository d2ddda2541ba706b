"""The stratified random sample of an exercise, drawn the same way every time from
its recorded population definition and seed.

Two groups, as the inspection draws them:

- **assessed**: people (not merged) with a conversation record (an assessment) dated
  in the `months` up to `as_of`;
- **signposted**: people not in the first group with a first contact in the same
  window that signposted them (or whose outcome was signposting), and no
  conversation record at all up to `as_of` (no formal assessment).

Within each group the people fall into strata by the team they were allocated to
on `as_of` and their first service group (in the service groups' order). Each
stratum gets its proportional share of the group's sample (largest remainders,
ties by stratum), and the people in it are picked at random with a generator
seeded from the exercise's seed and the group. Strata and people are taken in a
fixed order, so the same seed and population give the same sample.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from selfdirect.conversations.models import Conversation
from selfdirect.core.dates import add_months
from selfdirect.people.models import Allocation, FirstContact, Person, ServiceGroup

ASSESSED, SIGNPOSTED = "assessed", "signposted"


@dataclass(frozen=True)
class Candidate:
    person_id: int
    team_id: int | None
    service_group_id: int | None

    @property
    def stratum(self) -> tuple[int, int]:
        return (self.team_id or 0, self.service_group_id or 0)


@dataclass(frozen=True)
class Drawn:
    """One person drawn, with the group and stratum they were drawn from."""

    group: str
    candidate: Candidate

    @property
    def stratum(self) -> str:
        team, service_group = self.candidate.stratum
        return f"{self.group}/{team}/{service_group}"

    def stratum_name(self, teams: dict[int, str], groups: dict[int, str]) -> str:
        """The stratum in words: group / team / service group code (ids change
        between databases; names do not)."""
        team, service_group = self.candidate.stratum
        words = (
            self.group,
            teams.get(team, "no team"),
            groups.get(service_group, "no service group"),
        )
        return "/".join(words)[:120]


def definition(as_of: datetime.date, months: int) -> dict[str, object]:
    """The population definition recorded on the exercise."""
    return {
        "as_of": as_of.isoformat(),
        "window_from": add_months(as_of, -months).isoformat(),
        "months": months,
        "assessed": "a conversation record (assessment) dated in the window",
        "signposted": (
            "a first contact in the window that signposted the person, and no "
            "conversation record up to the day"
        ),
        "strata": "team allocated on the day x first service group",
    }


def population(group: str, as_of: datetime.date, months: int) -> QuerySet[Person]:
    """The people of one group, before sampling."""
    since = add_months(as_of, -months)
    people = Person.objects.active()
    assessed = Exists(
        Conversation.objects.filter(
            person=OuterRef("pk"),
            conversation_date__gt=since,
            conversation_date__lte=as_of,
        )
    )
    if group == ASSESSED:
        return people.filter(assessed)
    signposted = Exists(
        FirstContact.objects.filter(
            Q(outcome=FirstContact.Outcome.SIGNPOSTED) | Q(signpostings__isnull=False),
            person=OuterRef("pk"),
            contact_date__gt=since,
            contact_date__lte=as_of,
        )
    )
    any_assessment = Exists(
        Conversation.objects.filter(person=OuterRef("pk"), conversation_date__lte=as_of)
    )
    return people.filter(signposted).exclude(any_assessment)


def candidates(group: str, as_of: datetime.date, months: int) -> list[Candidate]:
    """The group's people with their stratum, in one query, in id order."""
    team = Allocation.objects.current(as_of).filter(person=OuterRef("pk"))
    service_group = ServiceGroup.objects.filter(people=OuterRef("pk")).order_by(
        "order", "name"
    )
    rows = (
        population(group, as_of, months)
        .annotate(
            sample_team=Subquery(team.order_by("-started_on").values("team_id")[:1]),
            sample_group=Subquery(service_group.values("pk")[:1]),
        )
        .order_by("pk")
        .values_list("pk", "sample_team", "sample_group")
    )
    return [Candidate(*row) for row in rows]


def shares(sizes: dict[tuple[int, int], int], total: int) -> dict[tuple[int, int], int]:
    """Each stratum's proportional share of a sample of `total` (largest
    remainders; never more than the stratum holds)."""
    population_size = sum(sizes.values())
    total = min(total, population_size)
    if not total:
        return dict.fromkeys(sizes, 0)
    exact = {
        key: Fraction(size * total, population_size) for key, size in sizes.items()
    }
    given = {key: int(share) for key, share in exact.items()}
    short = total - sum(given.values())
    by_remainder = sorted(exact, key=lambda key: (-(exact[key] - given[key]), key))
    for key in by_remainder[:short]:
        given[key] += 1
    return given


def draw_group(
    group: str, people: list[Candidate], size: int, seed: int
) -> list[Drawn]:
    """A stratified random sample of `size` from one group's people."""
    strata: dict[tuple[int, int], list[Candidate]] = defaultdict(list)
    for candidate in people:
        strata[candidate.stratum].append(candidate)
    quota = shares({key: len(found) for key, found in strata.items()}, size)
    chooser = random.Random(f"{seed}:{group}")  # noqa: S311 (sampling, not secrets)
    drawn: list[Drawn] = []
    for key in sorted(strata):
        picked = chooser.sample(strata[key], quota[key])
        drawn.extend(Drawn(group, one) for one in sorted(picked, key=_by_id))
    return drawn


def _by_id(candidate: Candidate) -> int:
    return candidate.person_id


def draw(
    *, as_of: datetime.date, months: int, assessed: int, signposted: int, seed: int
) -> list[Drawn]:
    """The whole sample: the assessed group's files, then the signposted group's."""
    return draw_group(
        ASSESSED, candidates(ASSESSED, as_of, months), assessed, seed
    ) + draw_group(SIGNPOSTED, candidates(SIGNPOSTED, as_of, months), signposted, seed)

"""Demo requests for access to records another team holds, and emergency
(break-glass) openings, for `selfdirect seed`.

A few practitioners asked another team's manager for access: some wait, most were
granted and a few refused. A few opened a record in an emergency; the data
protection officer has reviewed the older ones. Every date is anchored to the
seed's `today`, so reseeding gives the same rows.
"""

import datetime
import random
import uuid
from collections import Counter

from django.conf import settings

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Role
from selfdirect.core.concurrency import save_new
from selfdirect.demo.bulk import new
from selfdirect.people.models import AccessRequest, Allocation

ASKED = 8
OPENED = 3
REASONS = [
    "Her son rang our duty line: she has had a fall and needs help at home this week.",
    "He is moving into our area next month and the hospital asked us to plan his discharge.",
    "His carer asked us for a carer's assessment and I need to see what support he already has.",
    "The GP asked us to visit about a possible adult protection concern.",
]
DECISIONS = {
    "granted": "Agreed: please speak to the allocated worker before you visit.",
    "refused": "Refused: we visited yesterday and are already arranging this. Call the team.",
}
EMERGENCIES = [
    "Found unwell at home by the police out of hours; the crew needed to know about her care.",
    "Out-of-hours call: his carer was admitted to hospital and he is alone at home.",
]


def seed_access_requests(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """A few requests for access and emergency openings between demo teams."""
    rng = random.Random(f"access-{seed}")
    staff = list(
        User.objects.filter(role=Role.PRACTITIONER)
        .prefetch_related("teams")
        .order_by("pk")
    )
    held = list(Allocation.objects.current(today).order_by("pk")[:2000])
    if not staff or not held:
        return Counter()
    managers = list(User.objects.filter(role=Role.TEAM_MANAGER).order_by("pk"))
    dpo = User.objects.filter(role=Role.DATA_PROTECTION_OFFICER).order_by("pk").first()
    noon = datetime.datetime.combine(today, datetime.time(12), tzinfo=datetime.UTC)
    rows: Counter[str] = Counter()
    for n in range(ASKED + OPENED):
        allocation = rng.choice(held)
        outside = [s for s in staff if allocation.team_id not in s.team_ids()]
        if not outside:
            continue
        by = rng.choice(outside)
        when = noon - datetime.timedelta(days=rng.randint(1, 20))
        request = new(
            AccessRequest,
            public_id=uuid.UUID(int=rng.getrandbits(128), version=4),
            person_id=allocation.person_id,
            requested_by=by,
            recorded_by=by,
        )
        if n < ASKED:
            _asked(request, rng, when, managers, allocation.team_id)
        else:
            _opened(request, rng, when, dpo)
        save_new(request, by)
        rows["access requests"] += 1
    return rows


def _asked(
    request: AccessRequest,
    rng: random.Random,
    when: datetime.datetime,
    managers: list[User],
    team_id: int,
) -> None:
    request.kind = AccessRequest.Kind.ASKED
    request.reason = rng.choice(REASONS)
    status = rng.choices(["pending", "granted", "refused"], [3, 4, 1])[0]
    deciders = [m for m in managers if team_id in m.team_ids()]
    if status == "pending" or not deciders:
        return
    request.status = status
    request.decided_by = rng.choice(deciders)
    request.decided_at = when + datetime.timedelta(hours=3)
    request.decision_reason = DECISIONS[status]
    if status == "granted":
        request.access_until = request.decided_at + datetime.timedelta(
            days=settings.ACCESS_GRANT_DAYS
        )


def _opened(
    request: AccessRequest,
    rng: random.Random,
    when: datetime.datetime,
    dpo: User | None,
) -> None:
    request.kind = AccessRequest.Kind.BREAK_GLASS
    request.reason = rng.choice(EMERGENCIES)
    request.status = AccessRequest.Status.GRANTED
    request.decided_at = when
    request.access_until = when + datetime.timedelta(hours=settings.BREAK_GLASS_HOURS)
    if dpo is not None and rng.random() < 0.5:
        request.reviewed_by = dpo
        request.reviewed_at = when + datetime.timedelta(days=1)
        request.review_outcome = AccessRequest.Review.JUSTIFIED
        request.review_notes = "Checked with the out-of-hours team: justified."


def delete_access_requests(person_ids: list[int]) -> None:
    """Remove demo requests for access (and their history) for these people."""
    for queryset in (
        AccessRequest.history.filter(person_id__in=person_ids),
        AccessRequest.objects.filter(person_id__in=person_ids),
    ):
        queryset._raw_delete(queryset.db)

"""Reads of people's records for views, the API and other apps."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from selfdirect.accounts.access import reach
from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Capability, Purpose, Reach

from . import rules
from .models import Allocation, FirstContact, Person, Relationship, Signposting


@dataclass(frozen=True)
class CaseloadFilters:
    query: str = ""
    team: int | None = None
    locality: int | None = None
    service_group: int | None = None
    worker: int | None = None
    status: str = Person.Status.OPEN


def search_people(people: QuerySet[Person], query: str) -> QuerySet[Person]:
    """Filter by CHI number (10 digits), postcode, or the start of names."""
    text = query.strip()
    if not text:
        return people
    digits = rules.normalise_chi(text)
    if digits.isdigit() and len(digits) == 10:
        return people.filter(chi_number=digits)
    if rules.is_postcode(text):
        return people.filter(postcode=rules.normalise_postcode(text))
    if any(ch.isdigit() for ch in text) and rules.looks_like_postcode_start(text):
        return people.filter(
            postcode__startswith=rules.normalise_postcode(text).upper()
        )
    for word in text.replace(",", " ").split():
        key = rules.name_key(word)
        if key:
            people = people.filter(
                Q(last_name_key__startswith=key)
                | Q(first_name_key__startswith=key)
                | Q(preferred_name_key__startswith=key)
            )
    return people


def caseload(user: User, filters: CaseloadFilters) -> QuerySet[Person]:
    """The people a user may see, searched and filtered, in name order."""
    people: QuerySet[Person] = Person.objects.visible_to(user, Purpose.PRACTICE)
    if filters.status:
        people = people.filter(status=filters.status)
    people = search_people(people, filters.query)
    if filters.team or filters.worker:
        allocations = Allocation.objects.current().filter(person=OuterRef("pk"))
        if filters.team:
            allocations = allocations.filter(team_id=filters.team)
        if filters.worker:
            allocations = allocations.filter(worker_id=filters.worker)
        people = people.filter(Exists(allocations))
    if filters.locality:
        people = people.filter(locality_id=filters.locality)
    if filters.service_group:
        people = people.filter(service_groups__id=filters.service_group)
    # A name search lists Mac and Mc together: the folded keys sort them as one.
    order = (
        ("last_name_key", "first_name_key", "id")
        if filters.query
        else ("last_name", "first_name", "id")
    )
    return people.select_related("locality").order_by(*order)


def current_allocations(people: list[Person]) -> dict[int, Allocation]:
    """Each listed person's current allocation, in one query."""
    rows = (
        Allocation.objects.current()
        .filter(person__in=people)
        .select_related("team", "worker")
        .order_by("person_id", "-started_on")
    )
    found: dict[int, Allocation] = {}
    for allocation in rows:
        found.setdefault(allocation.person_id, allocation)
    return found


def team_holding_chi(chi: str, *, exclude_pk: int | None = None) -> str | None:
    """Who holds the record with this CHI number (a team name), or None if nobody.

    Says only the team, never the person, so it is safe to show anyone.
    """
    holders = Person.objects.filter(chi_number=chi)
    if exclude_pk is not None:
        holders = holders.exclude(pk=exclude_pk)
    holder = holders.first()
    if holder is None:
        return None
    allocation = (
        Allocation.objects.current()
        .filter(person=holder)
        .select_related("team")
        .first()
    )
    if allocation is None:
        return f"no team at present (ask {settings.ADMIN_CONTACT})"
    contact = f" ({allocation.team.contact})" if allocation.team.contact else ""
    return f"{allocation.team}{contact}"


@dataclass(frozen=True)
class LikelyDuplicate:
    person: Person | None
    team: str


def likely_duplicates(
    user: User, *, first_name: str, last_name: str, date_of_birth: datetime.date
) -> list[LikelyDuplicate]:
    """Records with the same date of birth and a similar name.

    Records the user may see are linked; others show only the holding team.
    """
    last, first = rules.name_key(last_name), rules.name_key(first_name)
    candidates = (
        Person.objects.active()
        .filter(date_of_birth=date_of_birth)
        .filter(
            Q(last_name_key=last)
            | Q(
                last_name_key__startswith=last[:4], first_name_key__startswith=first[:1]
            )
            | Q(first_name_key=first, last_name_key__startswith=last[:1])
        )[:10]
    )
    visible = set(
        Person.objects.visible_to(user, Purpose.PRACTICE)
        .filter(pk__in=[c.pk for c in candidates])
        .values_list("pk", flat=True)
    )
    allocations = current_allocations(list(candidates))
    return [
        LikelyDuplicate(
            person=c if c.pk in visible else None,
            team=str(allocations[c.pk].team) if c.pk in allocations else "no team",
        )
        for c in candidates
    ]


def follow_ups_due(
    user: User, *, on: datetime.date | None = None
) -> QuerySet[FirstContact]:
    """Signposting follow-ups not yet done, for people the user may see, oldest first."""
    day = on or timezone.localdate()
    visible = Person.objects.visible_to(user, Purpose.PRACTICE).filter(
        pk=OuterRef("person_id")
    )
    return (
        FirstContact.objects.filter(
            follow_up_due__isnull=False, followed_up_on__isnull=True
        )
        .filter(Exists(visible))
        .filter(follow_up_due__lte=day + datetime.timedelta(days=14))
        .select_related("person", "team")
        .order_by("follow_up_due", "id")
    )


def teams_for(user: User) -> QuerySet[Team]:
    """The teams a user works in."""
    return Team.objects.filter(pk__in=user.team_ids())


def caseload_teams(user: User) -> QuerySet[Team]:
    """Teams to offer as a caseload filter: the user's own, or all for those who
    reach everyone (partnership readers)."""
    if reach(user, Purpose.PRACTICE) == Reach.EVERYONE:
        return Team.objects.all()
    return teams_for(user)


def _open_to(user: User, person_ids: set[int]) -> set[int]:
    """Which of these people's records the user may open (the rest are named
    without a link: their record is held by a team the user is not in)."""
    if not person_ids:
        return set()
    visible = Person.objects.visible_to(user, Purpose.PRACTICE)
    return set(visible.filter(pk__in=person_ids).values_list("pk", flat=True))


def person_summary(person: Person, user: User) -> dict[str, object]:
    """Everything the person page shows, in a fixed number of queries."""
    contacts = list(
        person.first_contacts.select_related("team", "recorded_by").prefetch_related(
            "signpostings"
        )
    )
    # The person's own relationships and those naming them as an unpaid carer, in
    # one query.
    both = list(
        Relationship.objects.filter(
            Q(person=person) | Q(related_person=person, kind="unpaid_carer")
        )
        .select_related("person", "related_person")
        .order_by(*Relationship._meta.ordering or ["pk"])
    )
    relationships = [r for r in both if r.person_id == person.pk]
    cared_for = [r for r in both if r.person_id != person.pk]
    return {
        "person": person,
        "service_groups": list(person.service_groups.all()),
        "allocations": list(person.allocations.select_related("team", "worker")),
        "relationships": relationships,
        "cared_for": cared_for,
        "open_to_user": _open_to(
            user,
            {r.related_person_id for r in relationships if r.related_person_id}
            | {r.person_id for r in cared_for},
        ),
        "first_contacts": contacts,
        "merged_records": list(Person.objects.filter(merged_into=person)),
        "can_change": user.can(Capability.CHANGE_PEOPLE),
        "can_allocate": user.can(Capability.ALLOCATE),
        "can_merge": user.can(Capability.MERGE_PEOPLE),
        "can_audit": user.can(Capability.SEE_AUDIT),
        "can_export": user.can(Capability.EXPORT_PERSON),
        "can_record_contact": user.can(Capability.RECORD_CONTACT),
    }


def recording_team(person: Person, user: User) -> Team | None:
    """The team a user records work for this person under: one of theirs that holds
    the person, else their first team."""
    mine = user.team_ids()
    allocation = (
        Allocation.objects.current()
        .filter(person=person, team_id__in=mine)
        .select_related("team")
        .first()
    )
    if allocation is not None:
        return allocation.team
    return Team.objects.filter(pk__in=mine).first()


def person_by_chi(user: User, chi: str) -> Person | None:
    """A person the user may see, found by CHI number."""
    return (
        Person.objects.visible_to(user, Purpose.PRACTICE).filter(chi_number=chi).first()
    )


def record_ids(person: Person) -> list[int]:
    """The person's record and any records merged into it."""
    merged = Person.objects.filter(merged_into=person).values_list("pk", flat=True)
    return [person.pk, *merged]


def merge_candidates(user: User, keep: Person, query: str) -> list[Person]:
    """Records the user may merge into `keep`: likely duplicates, or a search."""
    people = (
        Person.objects.visible_to(user, Purpose.PRACTICE).active().exclude(pk=keep.pk)
    )
    if query.strip():
        return list(
            search_people(people, query).order_by("last_name", "first_name")[:20]
        )
    return list(
        people.filter(date_of_birth=keep.date_of_birth).order_by("last_name")[:20]
    )


def signpostings_to_services(
    start: datetime.date | None, end: datetime.date | None
) -> QuerySet[Signposting]:
    """Signposting to directory services at first contacts in the period (either
    end open), for reports that count people, never show them."""
    rows = Signposting.objects.filter(service__isnull=False)
    if start:
        rows = rows.filter(first_contact__contact_date__gte=start)
    if end:
        rows = rows.filter(first_contact__contact_date__lte=end)
    return rows

"""Reads of people's records for views, the API and other apps."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, When
from django.utils import timezone

from selfdirect.accounts.access import reach
from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Capability, Purpose, Reach
from selfdirect.core.batched import attach
from selfdirect.core.hooks import contributions
from selfdirect.core.search import search_terms, search_words

from . import rules
from .access_requests import reference_for
from .hook_points import JOURNEY_STAGES, StageProgress
from .models import (
    AccessRequest,
    Allocation,
    FirstContact,
    Person,
    Relationship,
    Signposting,
)


@dataclass(frozen=True)
class CaseloadFilters:
    query: str = ""
    team: int | None = None
    locality: int | None = None
    service_group: int | None = None
    worker: int | None = None
    status: str = Person.Status.OPEN


# A word this long or longer may match inside a name when a search asks for that
# (`contains`): PostgreSQL answers from the trigram indexes (people migration
# 0007), which need three letters; SQLite reads the table.
CONTAINS_FROM = 3


def search_people(
    people: QuerySet[Person], query: str, *, contains: bool = False
) -> QuerySet[Person]:
    """Filter by CHI number (10 digits), postcode, or the start of names; with
    `contains`, words of three letters or more match anywhere in a name ("donald"
    finds MacDonald)."""
    text = search_words(query).strip()
    if not text:
        return people
    by_number = _chi_or_postcode(text)
    if by_number is not None:
        return people.filter(by_number)
    for key in _name_keys(text):
        how = "contains" if contains and len(key) >= CONTAINS_FROM else "startswith"
        people = people.filter(
            Q(**{f"last_name_key__{how}": key})
            | Q(**{f"first_name_key__{how}": key})
            | Q(**{f"preferred_name_key__{how}": key})
        )
    return people


def _chi_or_postcode(text: str) -> Q | None:
    """The filter for a search by CHI number or (the start of) a postcode."""
    digits = rules.normalise_chi(text)
    if digits.isdigit() and len(digits) == 10:
        return Q(chi_number=digits)
    if rules.is_postcode(text):
        return Q(postcode=rules.normalise_postcode(text))
    if any(ch.isdigit() for ch in text) and rules.looks_like_postcode_start(text):
        return Q(postcode__startswith=rules.normalise_postcode(text).upper())
    return None


def _name_keys(text: str) -> list[str]:
    return [key for word in search_terms(text) if (key := rules.name_key(word))]


def _name_search_keys(query: str) -> list[str]:
    """The folded words of a search by name; none for a CHI number or postcode."""
    text = search_words(query).strip()
    if not text or _chi_or_postcode(text) is not None:
        return []
    return _name_keys(text)


def caseload(user: User, filters: CaseloadFilters) -> QuerySet[Person]:
    """The people a user may see, searched and filtered, in name order."""
    return _in_order(_caseload_base(user, filters), filters.query)


def caseload_with_order(
    user: User, filters: CaseloadFilters
) -> tuple[QuerySet[Person], QuerySet[Any] | None]:
    """``caseload``, and for a search by name the same people's ids in the same
    order read from the name index alone (``name_order``); None otherwise."""
    base = _caseload_base(user, filters)
    keys = _name_search_keys(filters.query)
    return _in_order(base, filters.query), name_order(base, keys) if keys else None


def name_order(people: QuerySet[Person], keys: list[str]) -> QuerySet[Any]:
    """The ids of the people whose names start with every one of the folded
    words `keys`, as rows (id, last name key, first name key) in that order.

    Split by where the names match: a branch per word for the people whose last
    name starts with it (and not with an earlier word), and one for those whose
    last name starts with none of them. A last-name branch reads one range of
    ``person_name_order``, which holds the keys, the id and the status, so
    PostgreSQL never reads the table; the three names' ``OR`` in one query makes
    it read every matching row of the table instead (37,000 for "mac" at
    250,000 people)."""
    people = people.order_by()
    columns = ("id", "last_name_key", "first_name_key")
    branches = [
        people.filter(
            Q(last_name_key__startswith=key),
            *(~Q(last_name_key__startswith=earlier) for earlier in keys[:n]),
            *(_any_name_starts(other) for other in keys if other != key),
        ).values_list(*columns)
        for n, key in enumerate(keys)
    ]
    rest = people.filter(
        *(_given_name_starts(key) for key in keys),
        *(~Q(last_name_key__startswith=key) for key in keys),
    )
    return (
        branches[0]
        .union(*branches[1:], rest.values_list(*columns), all=True)
        .order_by("last_name_key", "first_name_key", "id")
    )


def _any_name_starts(key: str) -> Q:
    return Q(last_name_key__startswith=key) | _given_name_starts(key)


def _given_name_starts(key: str) -> Q:
    return Q(first_name_key__startswith=key) | Q(preferred_name_key__startswith=key)


def _in_order(people: QuerySet[Person], query: str) -> QuerySet[Person]:
    # A name search lists Mac and Mc together: the folded keys sort them as one.
    order = (
        ("last_name_key", "first_name_key", "id")
        if query
        else ("last_name", "first_name", "id")
    )
    searched = search_people(people, query)
    return searched.select_related("locality").order_by(*order)


def _caseload_base(user: User, filters: CaseloadFilters) -> QuerySet[Person]:
    people: QuerySet[Person] = Person.objects.visible_to(user, Purpose.PRACTICE)
    if filters.status:
        people = people.filter(status=filters.status)
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
    return people


def current_allocations_read(people: Any) -> QuerySet[Allocation]:
    """The listed people's current allocations (people or their ids), not yet read."""
    return (
        Allocation.objects.current()
        .filter(person__in=people)
        .select_related("team", "worker")
        .order_by("person_id", "-started_on")
    )


def current_allocations(
    people: list[Person], rows: QuerySet[Allocation] | None = None
) -> dict[int, Allocation]:
    """Each listed person's current allocation, in one query (none when given
    ``current_allocations_read`` already read)."""
    found: dict[int, Allocation] = {}
    for allocation in rows if rows is not None else current_allocations_read(people):
        found.setdefault(allocation.person_id, allocation)
    return found


def chi_holder(chi: str, *, exclude_pk: int | None = None) -> Person | None:
    """The record holding this CHI number, if any. For the duplicate check only:
    never show it to a user who may not see it."""
    holders = Person.objects.filter(chi_number=chi)
    if exclude_pk is not None:
        holders = holders.exclude(pk=exclude_pk)
    return holders.first()


@dataclass(frozen=True)
class LikelyDuplicate:
    """A record the duplicate check found. One the user may see is linked, with
    its team; of one they may not see, only that it exists: naming the holding
    team could tell them which services know the person."""

    person: Person | None
    team: str
    found_id: int  # for the audit event only
    reference: str = ""  # to ask for access to a record the user may not see
    same_chi: bool = False


def likely_duplicates(
    user: User,
    *,
    first_name: str,
    last_name: str,
    date_of_birth: datetime.date,
    chi_number: str | None = None,
) -> list[LikelyDuplicate]:
    """Records with the same CHI number, or the same date of birth and a similar
    name."""
    last, first = rules.name_key(last_name), rules.name_key(first_name)
    candidates = list(
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
    holder = chi_holder(chi_number) if chi_number else None
    if holder is not None and holder not in candidates:
        candidates.insert(0, holder)
    visible = _open_to(user, {c.pk for c in candidates})
    allocations = current_allocations(candidates)
    return [
        LikelyDuplicate(
            person=c,
            team=str(allocations[c.pk].team) if c.pk in allocations else "no team",
            found_id=c.pk,
            same_chi=c == holder,
        )
        if c.pk in visible
        else LikelyDuplicate(
            person=None,
            team="",
            found_id=c.pk,
            reference=reference_for(person=c, user=user),
            same_chi=c == holder,
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


def summary_reads(person: Person) -> dict[str, QuerySet[Any]]:
    """What the person page's summary reads, not yet evaluated (the page reads them
    with its sections' in one statement)."""
    return {
        "contacts": person.first_contacts.select_related("team", "recorded_by"),
        "signpostings": Signposting.objects.filter(first_contact__person=person),
        # The person's own relationships and those naming them as an unpaid carer.
        "relationships": Relationship.objects.filter(
            Q(person=person) | Q(related_person=person, kind="unpaid_carer")
        )
        .select_related("person", "related_person")
        .order_by(*Relationship._meta.ordering or ["pk"]),
        "allocations": person.allocations.select_related("team", "worker"),
        "service_groups": person.service_groups.all(),
    }


def person_summary(
    person: Person, user: User, reads: dict[str, QuerySet[Any]] | None = None
) -> dict[str, object]:
    """Everything the person page shows, in a fixed number of queries (none when
    given ``summary_reads`` already evaluated)."""
    reads = reads or summary_reads(person)
    contacts = list(reads["contacts"])
    attach(contacts, "signpostings", reads["signpostings"], "first_contact")
    both = list(reads["relationships"])
    relationships = [r for r in both if r.person_id == person.pk]
    cared_for = [r for r in both if r.person_id != person.pk]
    allocations = list(reads["allocations"])
    return {
        "person": person,
        "service_groups": list(reads["service_groups"]),
        "allocations": allocations,
        "relationships": relationships,
        "cared_for": cared_for,
        "open_to_user": _open_to(
            user,
            {r.related_person_id for r in relationships if r.related_person_id}
            | {r.person_id for r in cared_for},
        ),
        "first_contacts": contacts,
        "open_access": open_access(user, person, allocations),
        # The journey's query says whether any record was merged into this one
        # (`journey` first, as the person page does): none, no query.
        "merged_records": (
            list(Person.objects.filter(merged_into=person))
            if getattr(person, "has_merged_records", True)
            else []
        ),
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
        # A duplicate may be spelled differently: names containing the words.
        found = search_people(people, query, contains=True)
        return list(found.order_by("last_name", "first_name")[:20])
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


@dataclass(frozen=True)
class JourneyStep:
    """One line of the person page's task list."""

    order: int
    title: str
    progress: StageProgress


def _stages() -> list[Any]:
    return sorted(contributions(JOURNEY_STAGES), key=lambda stage: stage.order)


def journey_read(person: Person, stages: list[Any] | None = None) -> QuerySet[Person]:
    """The journey's one query of the person, annotated by every stage contributed
    to JOURNEY_STAGES, not yet evaluated."""
    annotations: dict[str, object] = {
        # For the person page's list of records merged into this one.
        "has_merged_records": Exists(Person.objects.filter(merged_into=OuterRef("pk")))
    }
    for stage in stages if stages is not None else _stages():
        annotations.update(stage.annotations())
    return Person.objects.filter(pk=person.pk).annotate(**annotations)


def journey(
    person: Person, user: User, row_read: QuerySet[Person] | None = None
) -> list[JourneyStep]:
    """The stages of the person's journey in order, each with its status and the
    next thing this user may do: one query of the person (``journey_read``, given
    here already evaluated by the person page)."""
    stages = _stages()
    row = next(iter(row_read if row_read is not None else journey_read(person, stages)))
    person.has_merged_records = row.has_merged_records  # type: ignore[attr-defined]
    return [
        JourneyStep(stage.order, str(stage.title), progress)
        for stage in stages
        if (progress := stage.progress(row, user)) is not None
    ]


def access_requests_to_decide(user: User) -> QuerySet[AccessRequest]:
    """Requests for access to people the user's teams hold, waiting first, then
    newest (for their team manager)."""
    return (
        AccessRequest.objects.visible_to(user, Purpose.PRACTICE)
        .filter(
            kind=AccessRequest.Kind.ASKED,
            person__in=Person.objects.allocated_to(user.team_ids()),
        )
        .select_related("person", "requested_by", "decided_by")
        .order_by(
            Case(When(status=AccessRequest.Status.PENDING, then=0), default=1),
            "-created_at",
            "-id",
        )
    )


def access_requests_made_by(user: User) -> QuerySet[AccessRequest]:
    """The user's own requests for access and emergency openings, newest first.
    Scoped to the user, not to what they may see: a record is linked only while
    it is open to them."""
    return (
        AccessRequest.objects.filter(requested_by=user)
        .select_related("person", "decided_by")
        .order_by("-created_at", "-id")
    )


def break_glass_openings(user: User) -> QuerySet[AccessRequest]:
    """Emergency openings of records, not yet reviewed first, then newest (for the
    data protection officer)."""
    return (
        AccessRequest.objects.visible_to(user, Purpose.DATA_PROTECTION)
        .filter(kind=AccessRequest.Kind.BREAK_GLASS)
        .select_related("person", "requested_by", "reviewed_by")
        .order_by(F("reviewed_at").desc(nulls_first=True), "-created_at", "-id")
    )


def open_access(
    user: User, person: Person, allocations: list[Allocation] | None = None
) -> AccessRequest | None:
    """The grant or emergency opening through which the user reaches this person,
    if they reach them only through one. `allocations`, all the person's, when the
    caller has read them already (the person page): no second query."""
    if reach(user, Purpose.PRACTICE) != Reach.TEAMS:
        return None
    teams = set(user.team_ids())
    if allocations is None:
        if person.allocations.current().filter(team_id__in=teams).exists():
            return None
    elif any(a.team_id in teams and _current(a) for a in allocations):
        return None
    return (
        AccessRequest.objects.open_to(user.pk)
        .filter(person=person)
        .order_by("-access_until")
        .first()
    )


def _current(allocation: Allocation, on: datetime.date | None = None) -> bool:
    """`AllocationQuerySet.current()` for one allocation in hand."""
    day = on or timezone.localdate()
    return allocation.started_on <= day and (
        allocation.ended_on is None or allocation.ended_on >= day
    )


def may_open(user: User, person: Person) -> bool:
    """Whether the user reaches this person's record already."""
    return (
        Person.objects.visible_to(user, Purpose.PRACTICE).filter(pk=person.pk).exists()
    )


def people_among(
    user: User, purpose: Purpose, person_ids: QuerySet[Any]
) -> QuerySet[Person]:
    """The people with these ids (a subquery, such as the people a report
    counted) whose records the user reaches for the purpose."""
    return Person.objects.visible_to(user, purpose).filter(pk__in=person_ids)

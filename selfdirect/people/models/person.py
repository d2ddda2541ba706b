from __future__ import annotations

import datetime
from typing import ClassVar, Self, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.accounts.access import reach
from selfdirect.accounts.models import Locality, Team, User
from selfdirect.accounts.roles import GRANTS_REACH, Purpose, Reach
from selfdirect.core.models import PublicIdModel, RecordedModel, VersionedModel

_R = TypeVar("_R", bound=models.Model)


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: User, purpose: Purpose) -> PersonQuerySet:
        """People whose records this user reaches for a purpose (`roles.REACH`)."""
        match reach(user, purpose):
            case Reach.EVERYONE:
                return self
            case Reach.EVERYONE_CURRENT:
                return self.active()
            case Reach.TEAMS:
                return self.filter(self.team_reach(user, purpose))
        return self.none()

    @classmethod
    def team_reach(cls, user: User, purpose: Purpose, path: str = "pk") -> Q:
        """For a team-scoped user: the person at `path` is allocated to one of the
        user's teams, or (for purposes in `GRANTS_REACH`) granted to the user.

        Records filter on this directly (`EXISTS` on their own person) rather than
        `person IN (visible people)`, which PostgreSQL plans as a scan of everyone."""
        reached = Q(cls._allocated(user.team_ids(), path))
        if purpose in GRANTS_REACH:
            reached |= Q(cls._granted(user.pk, path))
        return reached

    def allocated_to(self, team_ids: list[int]) -> PersonQuerySet:
        """People with an allocation to any of these teams that is open today."""
        return self.filter(self._allocated(team_ids))

    def granted_to(self, user_id: int) -> PersonQuerySet:
        """People whose record this user was granted, or opened in an emergency,
        and still has (`AccessRequest.open_to`)."""
        return self.filter(self._granted(user_id))

    @staticmethod
    def _allocated(team_ids: list[int], path: str = "pk") -> Exists:
        return Exists(
            Allocation.objects.current().filter(
                person=OuterRef(path), team_id__in=team_ids
            )
        )

    @staticmethod
    def _granted(user_id: int, path: str = "pk") -> Exists:
        return Exists(
            AccessRequest.objects.open_to(user_id).filter(person=OuterRef(path))
        )

    def active(self) -> PersonQuerySet:
        return self.exclude(status="merged")


class PersonRecordQuerySet(models.QuerySet[_R]):
    """Records that belong to a person, seen through that person's visibility.

    Every model that points at a person, directly or through its parent, has a
    QuerySet of this kind as its default manager (a test in core checks it)."""

    # The lookup from the record to its person.
    person_path: ClassVar[str] = "person"

    def visible_to(self, user: User, purpose: Purpose) -> Self:
        """Records of the people this user reaches for a purpose."""
        match reach(user, purpose):
            case Reach.NOBODY:
                return self.none()
            case Reach.EVERYONE:
                return self.all()
            case Reach.TEAMS:
                return self.filter(
                    PersonQuerySet.team_reach(user, purpose, self.person_path)
                )
        people = Person.objects.visible_to(user, purpose)
        return self.filter(**{f"{self.person_path}__in": people})

    def of_person(self, person: Person) -> Self:
        """One person's records."""
        return self.filter(**{self.person_path: person})


class ServiceGroup(models.Model):
    """A client group, kept as data (PHS Source client-group flags)."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(default=0)
    published_grouping = models.CharField(
        max_length=60,
        help_text=_("The group PHS publishes this under (e.g. 'Other')."),
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Person(PublicIdModel, VersionedModel):
    """A supported person (or an unpaid carer) whose record the partnership holds."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        MERGED = "merged", _("Merged into another record")

    class Consent(models.TextChoices):
        GIVEN = "given", _("Agreed to share information")
        REFUSED = "refused", _("Did not agree to share information")
        NOT_ASKED = "not_asked", _("Not yet asked")

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    preferred_name = models.CharField(_("preferred name"), max_length=100, blank=True)
    date_of_birth = models.DateField(_("date of birth"))
    chi_number = models.CharField(
        _("CHI number"), max_length=10, unique=True, null=True, blank=True
    )
    address = models.TextField(_("address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=8, blank=True)
    locality = models.ForeignKey(
        Locality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("locality"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    communication_needs = models.TextField(_("communication needs"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=60, blank=True, default="English"
    )
    service_groups = models.ManyToManyField(
        ServiceGroup,
        blank=True,
        related_name="people",
        verbose_name=_("service groups"),
    )
    consent_to_share = models.CharField(
        _("consent to share information"),
        max_length=20,
        choices=Consent.choices,
        default=Consent.NOT_ASKED,
    )
    consent_recorded_on = models.DateField(
        _("consent recorded on"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Folded names for fast prefix search on both databases.
    last_name_key = models.CharField(max_length=100, editable=False, db_index=False)
    first_name_key = models.CharField(max_length=100, editable=False)
    preferred_name_key = models.CharField(max_length=100, editable=False, blank=True)

    history = HistoricalRecords(
        excluded_fields=["last_name_key", "first_name_key", "preferred_name_key"],
        m2m_fields=[service_groups],
    )
    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "people"
        indexes = [
            # A name search's ids in order from the index alone: it holds every
            # column the search reads (selectors.name_order).
            models.Index(
                fields=["last_name_key", "first_name_key", "id"],
                name="person_name_order",
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops", "int8_ops"],
                include=["status", "preferred_name_key"],
            ),
            models.Index(
                fields=["first_name_key"],
                name="person_first_key",
                opclasses=["varchar_pattern_ops"],
            ),
            models.Index(
                fields=["preferred_name_key"],
                name="person_preferred_key",
                opclasses=["varchar_pattern_ops"],
            ),
            models.Index(
                fields=["postcode"],
                name="person_postcode",
                opclasses=["varchar_pattern_ops"],
            ),
            models.Index(fields=["last_name", "first_name"], name="person_sort"),
            models.Index(fields=["date_of_birth"], name="person_dob"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def known_as(self) -> str:
        return self.preferred_name or self.first_name


class AllocationQuerySet(PersonRecordQuerySet["Allocation"]):
    def current(self, on: datetime.date | None = None) -> AllocationQuerySet:
        """Allocations open on a date (today by default)."""
        day = on or timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day)).filter(
            started_on__lte=day
        )


class Allocation(VersionedModel):
    """Which team (and worker) is responsible for a person, and when."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="allocations"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
        verbose_name=_("allocated worker"),
    )
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("to"), null=True, blank=True)

    history = HistoricalRecords()
    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on"]
        indexes = [
            # A team's people with the dates: "is this person allocated to one of
            # my teams today" answered from the index alone (PersonQuerySet.team_reach).
            models.Index(
                fields=["team", "person", "started_on", "ended_on"],
                name="alloc_team_reach",
            ),
            models.Index(fields=["person", "team"], name="alloc_person_team"),
            models.Index(fields=["worker", "ended_on"], name="alloc_worker"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(ended_on__isnull=True),
                name="alloc_one_open_per_person",
                violation_error_message=_(
                    "This person already has an open allocation."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.team}"


class Relationship(VersionedModel):
    """Someone in a person's life; an unpaid carer may be a person in the system."""

    class Kind(models.TextChoices):
        UNPAID_CARER = "unpaid_carer", _("Unpaid carer")
        FAMILY = "family", _("Family member")
        FRIEND = "friend", _("Friend or neighbour")
        GUARDIAN = "guardian", _("Welfare guardian")
        WELFARE_ATTORNEY = "welfare_attorney", _("Welfare power of attorney")
        ADVOCATE = "advocate", _("Independent advocate")
        OTHER = "other", _("Other")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="relationships"
    )
    kind = models.CharField(_("relationship"), max_length=20, choices=Kind.choices)
    related_person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="relationships_as_other",
        verbose_name=_("person in Selfdirect"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    description = models.CharField(
        _("how they are related"), max_length=200, blank=True
    )
    contact = models.CharField(_("contact details"), max_length=200, blank=True)
    lives_with_person = models.BooleanField(_("lives with the person"), default=False)
    objects = PersonRecordQuerySet["Relationship"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.related_person.full_name if self.related_person else self.name


class AccessRequestQuerySet(PersonRecordQuerySet["AccessRequest"]):
    def open_to(
        self, user_id: int, at: datetime.datetime | None = None
    ) -> AccessRequestQuerySet:
        """Grants and break-glass openings that give this user a record now."""
        return self.filter(
            requested_by_id=user_id,
            status=AccessRequest.Status.GRANTED,
            access_until__gt=at or timezone.now(),
        )


class AccessRequest(PublicIdModel, RecordedModel):
    """A member of staff asking to work with a person whose record another team
    holds: asked of the holding team's manager, who grants or refuses it with a
    reason; or opened at once in an emergency ("break-glass"), for a few hours,
    and reviewed afterwards by the data protection officer. A grant is open while
    `access_until` is in the future; the chokepoint's reach honours it
    (`PersonQuerySet.visible_to`)."""

    class Kind(models.TextChoices):
        ASKED = "asked", _("Asked the holding team")
        BREAK_GLASS = "break_glass", _("Emergency access (break-glass)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    class Review(models.TextChoices):
        JUSTIFIED = "justified", _("Justified")
        NOT_JUSTIFIED = "not_justified", _("Not justified: followed up")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="access_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="access_requests",
        verbose_name=_("asked by"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    access_until = models.DateTimeField(_("access until"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_outcome = models.CharField(
        _("review outcome"), max_length=20, choices=Review.choices, blank=True
    )
    review_notes = models.TextField(_("review notes"), blank=True)
    objects = AccessRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["requested_by", "person", "access_until"],
                name="accessrequest_open",
                condition=Q(status="granted"),
            ),
            models.Index(fields=["person", "status"], name="accessrequest_person"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "requested_by"],
                condition=Q(status="pending"),
                name="one_waiting_access_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    def is_open(self, at: datetime.datetime | None = None) -> bool:
        """Whether this grant gives its requester the record now."""
        return (
            self.status == self.Status.GRANTED
            and self.access_until is not None
            and self.access_until > (at or timezone.now())
        )

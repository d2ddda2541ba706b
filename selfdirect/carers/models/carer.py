"""Carers: who they are, how they were identified, the offer of a plan, and what
the hospital told them when the person they care for was going home (s28)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Self, TypeVar

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.access import reach
from selfdirect.accounts.roles import Purpose, Reach
from selfdirect.core.models import PublicIdModel, RecordedModel
from selfdirect.people.models import (
    FirstContact,
    Person,
    PersonQuerySet,
    PersonRecordQuerySet,
    Relationship,
)

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

_R = TypeVar("_R", bound=models.Model)


class CarerRecordQuerySet(PersonRecordQuerySet[_R]):
    """A carer's records, seen through the carer (the person they belong to).

    For `Purpose.CARERS` they are also seen by those who reach the cared-for person
    in practice, but only where the carer's consent to share the whole plan is
    recorded (`Carer.share_whole_plan`). Everything else about a carer stays with
    the carer's team."""

    carer_path: ClassVar[str] = ""  # lookup from the record to its Carer ("" = it is)

    def visible_to(self, user: User, purpose: Purpose) -> Self:
        own = super().visible_to(user, purpose)
        if purpose != Purpose.CARERS or reach(user, purpose) != Reach.TEAMS:
            return own
        prefix = f"{self.carer_path}__" if self.carer_path else ""
        if reach(user, Purpose.PRACTICE) == Reach.TEAMS:
            cared_for = PersonQuerySet.team_reach(
                user, Purpose.PRACTICE, f"{prefix}cared_for"
            )
        else:
            people = Person.objects.visible_to(user, Purpose.PRACTICE)
            cared_for = Q(**{f"{prefix}cared_for__in": people})
        shared = self.filter(Q(**{f"{prefix}share_whole_plan": True}) & cared_for)
        return own | shared


class Carer(PublicIdModel, RecordedModel):
    """An unpaid carer: a person record (`person`), whether or not they are
    supported themselves, and the person they care for."""

    class IdentifiedHow(models.TextChoices):
        RELATIONSHIP = "relationship", _("From a relationship on a person's record")
        FIRST_CONTACT = "first_contact", _("They came in at first contact themself")
        HOSPITAL = "hospital", _("A hospital discharge notice named them")

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="carer_records",
        verbose_name=_("carer"),
    )
    cared_for = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carers_caring",
        verbose_name=_("person cared for"),
    )
    identified_on = models.DateField(_("identified on"))
    identified_how = models.CharField(
        _("how the carer was identified"),
        max_length=20,
        choices=IdentifiedHow.choices,
    )
    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    first_contact = models.ForeignKey(
        FirstContact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    still_at_school = models.BooleanField(_("still at school"), default=False)
    cared_for_terminally_ill = models.BooleanField(
        _("the person cared for is terminally ill"), default=False
    )
    # What the carer agreed the cared-for person's practitioner may know, beyond
    # that a plan exists, its state and review date.
    shared_summary = models.TextField(
        _("what the carer agreed to share with the cared-for person's worker"),
        blank=True,
    )
    share_whole_plan = models.BooleanField(
        _("the carer agreed to share the whole plan"), default=False
    )
    consent_recorded_on = models.DateField(
        _("consent to share recorded on"), null=True, blank=True
    )
    objects = CarerRecordQuerySet["Carer"].as_manager()

    class Meta:
        ordering = ["-identified_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "cared_for"], name="carer_once_per_cared_for"
            )
        ]
        indexes = [models.Index(fields=["identified_on"], name="carer_identified")]

    def __str__(self) -> str:
        return str(self.person)


class CarerPartQuerySet(CarerRecordQuerySet[_R]):
    """Records that belong to a carer record."""

    person_path = "carer__person"
    carer_path = "carer"


class Offer(PublicIdModel, RecordedModel):
    """The offer of an adult carer support plan or young carer statement (s6, s12),
    or the carer's request for one, and their answer."""

    class Kind(models.TextChoices):
        ACSP = "acsp", _("Adult carer support plan")
        YCS = "ycs", _("Young carer statement")

    class How(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        LETTER = "letter", _("By letter")
        EMAIL = "email", _("By email")

    class Answer(models.TextChoices):
        WAITING = "waiting", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        REQUESTED = "requested", _("Requested by the carer")

    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="offers")
    kind = models.CharField(_("what was offered"), max_length=4, choices=Kind.choices)
    offered_on = models.DateField(_("offered or requested on"))
    how = models.CharField(_("how"), max_length=10, choices=How.choices)
    offered_by = models.CharField(_("offered by"), max_length=200)
    answer = models.CharField(
        _("the carer's answer"),
        max_length=10,
        choices=Answer.choices,
        default=Answer.WAITING,
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    due_by = models.DateField(_("plan due by"), null=True, blank=True)
    objects = CarerPartQuerySet["Offer"].as_manager()

    class Meta:
        ordering = ["-offered_on", "-id"]
        indexes = [
            models.Index(fields=["answer", "offered_on"], name="offer_answer"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} offered {self.offered_on:%d/%m/%Y}"

    @property
    def days_waiting(self) -> int | None:
        """Whole days since the carer accepted or asked, while no plan is agreed."""
        if not self.wanted or self.answered_on is None:
            return None
        return max((timezone.localdate() - self.answered_on).days, 0)

    @property
    def wanted(self) -> bool:
        return self.answer in {self.Answer.ACCEPTED, self.Answer.REQUESTED}


class DischargeNotice(PublicIdModel, RecordedModel):
    """Hospital discharge (s28): the carer was told, their views were invited, and
    what they said."""

    carer = models.ForeignKey(
        Carer, on_delete=models.CASCADE, related_name="discharge_notices"
    )
    hospital = models.CharField(_("hospital"), max_length=200)
    notice_on = models.DateField(_("notice received on"))
    expected_discharge_on = models.DateField(
        _("expected discharge date"), null=True, blank=True
    )
    carer_told_on = models.DateField(_("carer told on"), null=True, blank=True)
    views_invited_on = models.DateField(
        _("carer's views invited on"), null=True, blank=True
    )
    carers_views = models.TextField(_("the carer's views"), blank=True)
    objects = CarerPartQuerySet["DischargeNotice"].as_manager()

    class Meta:
        ordering = ["-notice_on", "-id"]

    def __str__(self) -> str:
        return f"{self.hospital} {self.notice_on:%d/%m/%Y}"


def not_yet_offered() -> Q:
    """Carers with no offer recorded (for `Carer.objects.filter`)."""
    return ~Q(Exists(Offer.objects.filter(carer=OuterRef("pk"))))

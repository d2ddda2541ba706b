import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.core.models import PublicIdModel, RecordedModel

from .person import Person, PersonRecordQuerySet


class AccessRequestQuerySet(PersonRecordQuerySet["AccessRequest"]):
    def open_to(
        self, user_id: int, at: datetime.datetime | None = None
    ) -> "AccessRequestQuerySet":
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

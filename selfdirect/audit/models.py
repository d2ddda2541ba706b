from django.conf import settings
from django.db import models

from selfdirect.people.models import OrganisationRecordQuerySet, PersonRecordQuerySet


class AccessLog(models.Model):
    """One read (or change) of a person's record: who, when, which page."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="access_log"
    )
    page = models.CharField(max_length=200)
    action = models.CharField(max_length=20)
    at = models.DateTimeField(auto_now_add=True)
    objects = PersonRecordQuerySet["AccessLog"].as_manager()

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["person", "-at"], name="accesslog_person_at")]

    def __str__(self) -> str:
        return f"{self.user} {self.action} {self.page}"


class OrganisationAccessLog(models.Model):
    """One read (or change) of an independent organisation's own record (a client,
    a referral it received): who, when, which record and page. Kept apart from the
    council's access log: the organisation is its own data controller."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="+"
    )
    record_type = models.CharField(max_length=100)
    record_id = models.UUIDField()
    page = models.CharField(max_length=200)
    action = models.CharField(max_length=20)
    at = models.DateTimeField(auto_now_add=True)
    objects = OrganisationRecordQuerySet["OrganisationAccessLog"].as_manager()

    class Meta:
        ordering = ["-at"]
        indexes = [
            models.Index(fields=["record_id", "-at"], name="orgaccesslog_record_at")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.action} {self.record_type}"


class AccessRefusal(models.Model):
    """A signed-in user refused a page: 403 (their role has no business there) or
    404 (a record out of their reach, or not there). Who, what, when, and the answer
    given, for the data protection officer to review."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    status = models.PositiveSmallIntegerField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["at", "user"], name="accessrefusal_at_user")]

    def __str__(self) -> str:
        return f"{self.user} {self.status} {self.path}"


class AuditEvent(models.Model):
    """A named practitioner action (e.g. person.merged) beside the row history."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="Empty when the action ran from the command line.",
    )
    action = models.CharField(max_length=60)
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="audit_events",
        null=True,
        blank=True,
    )
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    objects = PersonRecordQuerySet["AuditEvent"].as_manager()

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["person", "-at"], name="auditevent_person_at")]

    def __str__(self) -> str:
        return self.action

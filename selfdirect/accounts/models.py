import datetime

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .roles import POLICY, Capability, Role


class Partnership(models.Model):
    """A health and social care partnership: the root of localities and teams."""

    name = models.CharField(max_length=200)
    code = models.CharField(max_length=20, unique=True)

    def __str__(self) -> str:
        return self.name


class Locality(models.Model):
    """A locality within a partnership, used for planning and reporting."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="localities"
    )
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "localities"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="unique_locality_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A team that people are allocated to (e.g. a locality social work team)."""

    locality = models.ForeignKey(
        Locality, on_delete=models.PROTECT, related_name="teams"
    )
    name = models.CharField(max_length=200, unique=True)
    contact = models.CharField(
        max_length=200, blank=True, help_text=_("How other staff reach the team.")
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff with one role, working in zero or more teams."""

    role = models.CharField(max_length=40, choices=Role.choices)
    teams = models.ManyToManyField(Team, blank=True, related_name="members")
    access_expires_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("Last day of access. Required for inspectors."),
    )
    job_title = models.CharField(max_length=200, blank=True)
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        help_text=_(
            "For staff of an independent support organisation: the organisation "
            "whose records they work with (and no other's)."
        ),
    )
    must_change_password = models.BooleanField(
        default=False,
        help_text=_(
            "Set when an administrator gives a temporary password: the user "
            "chooses a new one before anything else."
        ),
    )

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def access_is_current(self, on: datetime.date | None = None) -> bool:
        """Whether the account's time-boxed access (inspectors) is still open."""
        if not self.is_active:
            return False
        if self.access_expires_on is None:
            return self.role != Role.INSPECTOR
        return (on or timezone.localdate()) <= self.access_expires_on

    def can(self, capability: Capability) -> bool:
        """Whether this user's role holds a capability, while access is current."""
        if not self.is_authenticated or not self.access_is_current():
            return False
        return self.role in POLICY[capability]

    def team_ids(self) -> list[int]:
        if not hasattr(self, "_team_ids"):
            self._team_ids = list(self.teams.values_list("id", flat=True))
        return self._team_ids

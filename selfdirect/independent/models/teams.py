"""Teams within an organisation, and the case studies its manager chooses for the
funder's report."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from selfdirect.core.models import PublicIdModel, RecordedModel
from selfdirect.people.models import OrganisationRecordQuerySet

ORGANISATION = "directory.Organization"


class Team(PublicIdModel, RecordedModel):
    """A team inside an organisation. A worker sees the clients of their own teams
    (and those given to no team); the manager sees all. An organisation without
    teams is all one team."""

    organization = models.ForeignKey(
        ORGANISATION, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=100)
    objects = OrganisationRecordQuerySet["Team"].as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="one_team_name_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class TeamMemberQuerySet(OrganisationRecordQuerySet["TeamMember"]):
    organisation_path = "team__organization"


class TeamMember(RecordedModel):
    """A member of the organisation's staff in one of its teams."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    objects = TeamMemberQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


class CaseStudy(PublicIdModel, RecordedModel):
    """A story the manager chose for the funder's report: a client voice story or a
    client's outcome, each told only with the people's agreement. It appears in
    the report for any period that holds the story's date."""

    organization = models.ForeignKey(
        ORGANISATION, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    voice = models.OneToOneField(
        "independent.VoiceEntry",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="case_study",
    )
    outcome = models.OneToOneField(
        "independent.ClientOutcome",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="case_study",
    )
    objects = OrganisationRecordQuerySet["CaseStudy"].as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "case studies"
        constraints = [
            models.CheckConstraint(
                condition=Q(voice__isnull=True) ^ Q(outcome__isnull=True),
                name="case_study_tells_one_story",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def story(self) -> str:
        told = self.voice or self.outcome
        return told.story if told else ""

    @property
    def told_on(self) -> Any:
        if self.voice:
            return self.voice.held_on
        return self.outcome.achieved_on if self.outcome else None

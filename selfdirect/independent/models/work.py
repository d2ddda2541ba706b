"""The organisation's work beyond its clients: group work, strategic engagement,
influence and client voice (seed 000). None of it holds personal data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from selfdirect.core.models import PublicIdModel, RecordedModel, private_storage
from selfdirect.people.models import OrganisationRecordQuerySet

ORGANISATION = "directory.Organization"


class GroupSession(PublicIdModel, RecordedModel):
    """Group work: how many came, never who."""

    class Kind(models.TextChoices):
        AWARENESS = "awareness", _("Awareness session")
        TRAINING = "training", _("Training")
        PEER_GROUP = "peer_group", _("Peer group")
        DROP_IN = "drop_in", _("Drop-in")

    organization = models.ForeignKey(
        ORGANISATION, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    attendance = models.PositiveIntegerField(_("number of people who came"))
    minutes = models.PositiveIntegerField(_("length in minutes"))
    objects = OrganisationRecordQuerySet["GroupSession"].as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title


class EngagementEntry(PublicIdModel, RecordedModel):
    """A meeting or forum of the partnership: whether the organisation was invited,
    whether it went (and if not why), the topics and what it contributed. Meetings
    it learned of only afterwards are recorded as invitations not given."""

    class Kind(models.TextChoices):
        WORKING_GROUP = "working_group", _("Formal working group on SDS implementation")
        INFORMAL = "informal", _("Informal meeting with planners or commissioners")
        CONSULTATION = "consultation", _("Consultation")
        BOARD = "board", _("Board")
        STRATEGIC = "strategic", _("Strategic planning group")

    class Invitation(models.TextChoices):
        INVITED = "invited", _("Invited by the partnership")
        THROUGH_OTHERS = "through_others", _("Invited by other third sector members")
        NOT_INVITED = "not_invited", _("Not invited: we learned of it afterwards")

    class Reason(models.TextChoices):
        NO_CAPACITY = "no_capacity", _("No capacity or resources")
        CLASH = "clash", _("It clashed with other work")
        NOT_RELEVANT = "not_relevant", _("Not relevant to us")
        NOT_INVITED = "not_invited", _("We were not invited")

    organization = models.ForeignKey(
        ORGANISATION, on_delete=models.PROTECT, related_name="+"
    )
    meeting = models.CharField(_("meeting or forum"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("date"))
    invitation = models.CharField(
        _("invitation"), max_length=20, choices=Invitation.choices
    )
    attended = models.BooleanField(_("attended"))
    not_attended_reason = models.CharField(
        _("why not"), max_length=20, choices=Reason.choices, blank=True
    )
    topics = models.TextField(_("topics"), blank=True)
    contribution = models.TextField(_("what we contributed"), blank=True)
    objects = OrganisationRecordQuerySet["EngagementEntry"].as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name_plural = "engagement entries"

    def __str__(self) -> str:
        return self.meeting


class InfluenceEntry(PublicIdModel, RecordedModel):
    """A change the organisation sought, what it did, the evidence and the result."""

    class Result(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        PARTLY = "partly", _("Partly adopted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")
        PENDING = "pending", _("Pending")

    class Level(models.TextChoices):
        LOCAL = "local", _("Local")
        NATIONAL = "national", _("National")

    organization = models.ForeignKey(
        ORGANISATION, on_delete=models.PROTECT, related_name="+"
    )
    change_sought = models.CharField(_("change sought"), max_length=300)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    action_taken = models.TextField(_("what we did"))
    started_on = models.DateField(_("started on"))
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    result_note = models.TextField(_("about the result"), blank=True)
    objects = OrganisationRecordQuerySet["InfluenceEntry"].as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name_plural = "influence entries"

    def __str__(self) -> str:
        return self.change_sought


class EvidenceQuerySet(OrganisationRecordQuerySet["InfluenceEvidence"]):
    organisation_path = "entry__organization"


class InfluenceEvidence(PublicIdModel, RecordedModel):
    """Evidence of influence: a file kept in private storage (outside the web root,
    given only through a view that checks who asks) or a link."""

    entry = models.ForeignKey(
        InfluenceEntry, on_delete=models.CASCADE, related_name="evidence"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        storage=private_storage,
        upload_to="independent/evidence/",
        max_length=300,
        blank=True,
    )
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    link = models.URLField(_("link"), max_length=500, blank=True)
    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class VoiceEntry(PublicIdModel, RecordedModel):
    """Client voice: people supported to be heard by decision makers, counted, with
    a short story only where the people in it agreed."""

    class Kind(models.TextChoices):
        REPRESENTATION = (
            "representation",
            _("Collective representation to decision makers"),
        )
        ELECTED_MEMBERS = "elected_members", _("Meeting with elected members")
        CONSULTATION = "consultation", _("Consultation answered")
        BOARD = "board", _("People supported to join a board")
        NEW_ORGANISATION = (
            "new_organisation",
            _("People supported to set up an organisation"),
        )

    organization = models.ForeignKey(
        ORGANISATION, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("date"))
    people = models.PositiveIntegerField(_("number of people"))
    story = models.TextField(_("short story"), blank=True)
    story_consent = models.BooleanField(
        _("the people in the story agreed"), default=False
    )
    objects = OrganisationRecordQuerySet["VoiceEntry"].as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name_plural = "client voice entries"

    def __str__(self) -> str:
        return self.get_kind_display()

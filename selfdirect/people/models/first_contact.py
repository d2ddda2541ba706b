from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.accounts.models import Team
from selfdirect.core.models import PublicIdModel, RecordedModel, VersionedModel

from .person import Person, PersonRecordQuerySet


class FirstContact(PublicIdModel, RecordedModel):
    """A contact at the single point of access, and what came of it."""

    class MadeBy(models.TextChoices):
        SELF = "self", _("The person themself")
        FAMILY = "family", _("Family member or unpaid carer")
        GP = "gp", _("GP")
        HOSPITAL = "hospital", _("Hospital")
        OTHER_PROFESSIONAL = "other_professional", _("Other professional")
        THIRD_SECTOR = "third_sector", _("Community or voluntary organisation")
        OTHER = "other", _("Someone else")

    class Outcome(models.TextChoices):
        INFORMATION = "information", _("Information and advice given")
        SIGNPOSTED = "signposted", _("Signposted to community support")
        ASSESSMENT = "assessment", _("Referred for assessment")
        CARER_SUPPORT = "carer_support", _("Referred for carer support")
        NO_FURTHER_ACTION = "no_further_action", _("No further action")

    class FollowUpResult(models.TextChoices):
        NEED_MET = "need_met", _("Need met")
        STILL_NEEDS_HELP = "still_needs_help", _("Still needs help")
        REFERRED_FOR_ASSESSMENT = (
            "referred_for_assessment",
            _("Referred for assessment"),
        )

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="first_contacts"
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="first_contacts"
    )
    contact_date = models.DateField(_("date of contact"))
    made_by = models.CharField(
        _("who made contact"), max_length=30, choices=MadeBy.choices
    )
    made_by_name = models.CharField(_("their name"), max_length=200, blank=True)
    reason = models.TextField(_("reason for contact, in the person's words"))
    what_matters = models.TextField(_("what matters to them"), blank=True)
    sds_discussed = models.BooleanField(_("SDS and the four options discussed"))
    sds_not_discussed_reason = models.TextField(
        _("why SDS was not discussed"), blank=True
    )
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices)
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    follow_up_result = models.CharField(
        _("follow-up result"),
        max_length=30,
        choices=FollowUpResult.choices,
        blank=True,
    )
    follow_up_notes = models.TextField(_("follow-up notes"), blank=True)
    objects = PersonRecordQuerySet["FirstContact"].as_manager()

    class Meta:
        ordering = ["-contact_date", "-id"]
        indexes = [
            models.Index(fields=["person", "-contact_date"], name="contact_person"),
            models.Index(
                fields=["team", "follow_up_due"],
                name="contact_follow_up_due",
                condition=models.Q(followed_up_on__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"First contact on {self.contact_date:%d/%m/%Y}"

    @property
    def follow_up_outstanding(self) -> bool:
        return self.follow_up_due is not None and self.followed_up_on is None


class SignpostingQuerySet(PersonRecordQuerySet["Signposting"]):
    person_path = "first_contact__person"


class Signposting(VersionedModel):
    """A named community support a person was signposted to at first contact."""

    first_contact = models.ForeignKey(
        FirstContact, on_delete=models.CASCADE, related_name="signpostings"
    )
    # The directory entry, when the support is in the directory; support_name keeps
    # the name as given (free text for supports not in the directory).
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signpostings",
    )
    support_name = models.CharField(_("community support"), max_length=200)
    used_it = models.BooleanField(_("the person used it"), null=True, blank=True)
    need_met = models.BooleanField(_("it met their need"), null=True, blank=True)
    objects = SignpostingQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.support_name

"""Clients, their consent to share with the council, referrals received, sessions and
outcomes."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from selfdirect.core.models import PublicIdModel, RecordedModel
from selfdirect.people.models import (
    OrganisationRecordQuerySet,
    Person,
    SharedRecordQuerySet,
)

ORGANISATION = "directory.Organization"


class ClientQuerySet(OrganisationRecordQuerySet["Client"]):
    team_path = "team"


class Client(PublicIdModel, RecordedModel):
    """Someone the organisation supports: its own record, not the council's. A client
    may be anonymous (no name), known only by age band, locality and how they heard."""

    class AgeBand(models.TextChoices):
        UNDER_18 = "under_18", _("Under 18")
        FROM_18 = "18_24", _("18 to 24")
        FROM_25 = "25_44", _("25 to 44")
        FROM_45 = "45_64", _("45 to 64")
        FROM_65 = "65_74", _("65 to 74")
        FROM_75 = "75_plus", _("75 or over")
        NOT_KNOWN = "not_known", _("Not known")

    class HeardVia(models.TextChoices):
        COUNCIL = "council", _("Referred by the council or partnership")
        HEALTH = "health", _("Health services")
        ORGANISATION = "organisation", _("Another organisation")
        FAMILY = "family", _("Friends or family")
        ONLINE = "online", _("Website, social media or the press")
        EVENT = "event", _("An event or drop-in")
        OTHER = "other", _("Some other way")

    organization = models.ForeignKey(
        ORGANISATION, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    age_band = models.CharField(_("age band"), max_length=20, choices=AgeBand.choices)
    locality = models.ForeignKey(
        "accounts.Locality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("locality"),
    )
    heard_via = models.CharField(
        _("how they heard of the service"), max_length=20, choices=HeardVia.choices
    )
    first_contact_on = models.DateField(_("first contact"))
    # The organisation's team the client belongs to; none: the whole organisation.
    team = models.ForeignKey(
        "independent.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clients",
        verbose_name=_("team"),
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    objects = ClientQuerySet.as_manager()

    class Meta:
        ordering = ["name", "-first_contact_on"]

    def __str__(self) -> str:
        return self.name or str(_("Anonymous client"))

    @property
    def anonymous(self) -> bool:
        return not self.name


class ConsentQuerySet(SharedRecordQuerySet["Consent"]):
    organisation_path = "client__organization"
    team_path = "client__team"

    def active(self) -> "ConsentQuerySet":
        """Consents not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class Consent(PublicIdModel, RecordedModel):
    """A client's consent to link their record here with the council's and share
    within its scope. Withdrawn, it stops sharing from that moment; its history
    keeps when it was given and withdrawn."""

    class Scope(models.TextChoices):
        REFERRALS = (
            "referrals",
            _(
                "Receive the council's referrals, and tell the council our answer and "
                "how the support is going"
            ),
        )
        REFERRALS_AND_OUTCOMES = (
            "referrals_outcomes",
            _("As above, and tell the council the outcome when we close"),
        )

    class HowGiven(models.TextChoices):
        WRITTEN = "written", _("Signed a consent form")
        VERBAL = "verbal", _("Said so, and we wrote it down")
        EASY_READ = "easy_read", _("Easy Read consent form")
        REPRESENTATIVE = "representative", _("Their legal representative agreed")

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="consents"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="independent_consents"
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    given_on = models.DateField(_("given on"))
    how_given = models.CharField(
        _("how it was given"), max_length=20, choices=HowGiven.choices
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "person"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_client",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_scope_display()} ({self.given_on:%d/%m/%Y})"


class OutcomeType(models.Model):
    """An outcome for a client, kept as data (e.g. "Understood their options")."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class AnsweredReferralQuerySet(SharedRecordQuerySet["Referral"]):
    person_path = "support__person"
    team_path = "client__team"


class Referral(PublicIdModel, RecordedModel):
    """The organisation's side of a council referral it received with consent: its
    answer, progress and outcome, which go back to the council's referral record
    while the consent lasts."""

    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        SUPPORTING = "supporting", _("Supporting the person")
        CLOSED = "closed", _("Closed")

    organization = models.ForeignKey(
        ORGANISATION, on_delete=models.PROTECT, related_name="+"
    )
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="referrals"
    )
    support = models.OneToOneField(
        "choices.IndependentSupport",
        on_delete=models.CASCADE,
        related_name="organisation_referral",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    received_on = models.DateField(_("referred on"))
    answered_on = models.DateField(_("answered on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome = models.ForeignKey(
        OutcomeType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("outcome"),
    )
    progress = models.TextField(_("progress"), blank=True)
    objects = AnsweredReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.received_on:%d/%m/%Y})"


class ClientRecordQuerySet(OrganisationRecordQuerySet[models.Model]):
    organisation_path = "client__organization"
    team_path = "client__team"


class Session(PublicIdModel, RecordedModel):
    """Time spent with a client, by kind, with notes."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("Information")
        ADVICE = "advice", _("Advice")
        ADVOCACY = "advocacy", _("Independent advocacy")
        BROKERAGE = "brokerage", _("Brokerage: support planning, finding support")
        PEER = "peer", _("Peer support")
        PA_EMPLOYER = "pa_employer", _("PA employer support")
        ASSESSMENT = "assessment", _("Support through an assessment")
        REVIEW = "review", _("Support through a review")
        APPEAL = "appeal", _("Support through an appeal")
        COMPLAINT = "complaint", _("Support through a complaint")

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="sessions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("date"))
    minutes = models.PositiveIntegerField(_("time spent in minutes"))
    notes = models.TextField(_("notes"), blank=True)
    objects = ClientRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.held_on:%d/%m/%Y})"


class ClientOutcome(PublicIdModel, RecordedModel):
    """An outcome a client reached, from the list kept as data."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="outcomes"
    )
    outcome = models.ForeignKey(OutcomeType, on_delete=models.PROTECT, related_name="+")
    achieved_on = models.DateField(_("date"))
    story = models.TextField(_("short story"), blank=True)
    story_consent = models.BooleanField(
        _("the client agreed to the story being told"), default=False
    )
    objects = ClientRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-achieved_on", "-id"]

    def __str__(self) -> str:
        return str(self.outcome)

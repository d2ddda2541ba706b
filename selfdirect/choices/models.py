from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.core.models import PublicIdModel, RecordedModel, VersionedModel
from selfdirect.people.models import Person, PersonRecordQuerySet, SharedRecordQuerySet


class SdsOption(models.IntegerChoices):
    """The options of the Social Care (Self-directed Support) (Scotland) Act 2013, s4."""

    DIRECT_PAYMENT = 1, _("Option 1: direct payment")
    PERSON_CHOOSES = 2, _("Option 2: the person chooses, the council arranges")
    COUNCIL_ARRANGES = 3, _("Option 3: the council chooses and arranges")
    MIX = 4, _("Option 4: a mix of options")


class InformationGiven(PublicIdModel, VersionedModel):
    """Information about the four options given to a person (Act s9)."""

    class Format(models.TextChoices):
        CONVERSATION = "conversation", _("In conversation")
        LEAFLET = "leaflet", _("Leaflet")
        EASY_READ = "easy_read", _("Easy Read")
        LARGE_PRINT = "large_print", _("Large print")
        AUDIO = "audio", _("Audio")
        BSL = "bsl", _("British Sign Language")
        TRANSLATED = "translated", _("Translated")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="information_given"
    )
    given_on = models.DateField(_("date given"))
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    options_explained = models.JSONField(_("options explained"), default=list)
    formats = models.JSONField(_("formats"), default=list)
    language = models.CharField(_("language"), max_length=60, default="English")
    who_else_can_help = models.TextField(
        _("who else can help (independent support, advocacy)"), blank=True
    )
    objects = PersonRecordQuerySet["InformationGiven"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name_plural = "information given"

    def __str__(self) -> str:
        return f"Information given on {self.given_on:%d/%m/%Y}"

    @property
    def format_labels(self) -> list[str]:
        names = dict(self.Format.choices)
        return [str(names.get(code, code)) for code in self.formats]


class AmountStatedQuerySet(PersonRecordQuerySet["AmountStated"]):
    person_path = "information__person"


class AmountStated(VersionedModel):
    """The relevant amount stated for one option offered (Act s9)."""

    class Period(models.TextChoices):
        WEEK = "week", _("a week")
        YEAR = "year", _("a year")

    information = models.ForeignKey(
        InformationGiven, on_delete=models.CASCADE, related_name="amounts"
    )
    option = models.PositiveSmallIntegerField(_("option"), choices=SdsOption.choices)
    amount = models.DecimalField(_("amount (£)"), max_digits=10, decimal_places=2)
    period = models.CharField(_("period"), max_length=10, choices=Period.choices)
    objects = AmountStatedQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["option"]

    def __str__(self) -> str:
        return f"£{self.amount} {self.get_period_display()}"


class ReferralQuerySet(SharedRecordQuerySet["IndependentSupport"]):
    """Referrals for independent support: the council's, through the person; the
    organisation referred to reaches them too (`Purpose.INDEPENDENT`), and its
    inbox shows only those the person consented to share (the independent app)."""

    organisation_path = "provider"
    council_record = True


class IndependentSupport(PublicIdModel, RecordedModel):
    """Independent support, advocacy or brokerage: offered, and any referral."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("Independent information and support")
        ADVOCACY = "advocacy", _("Independent advocacy")
        BROKERAGE = "brokerage", _("Support brokerage")

    class Response(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        THINKING = "thinking", _("Thinking about it")

    class Status(models.TextChoices):
        NOT_REFERRED = "not_referred", _("Not referred")
        REFERRED = "referred", _("Referred")
        ACCEPTED = "accepted", _("Accepted by the organisation")
        SUPPORTING = "supporting", _("Supporting the person")
        DECLINED = "declined", _("Declined by the organisation")
        CLOSED = "closed", _("Closed")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="independent_support"
    )
    kind = models.CharField(_("kind of support"), max_length=20, choices=Kind.choices)
    offered_on = models.DateField(_("offered on"))
    response = models.CharField(
        _("the person's answer"), max_length=20, choices=Response.choices
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    # An organisation using Selfdirect's independent workspace: the referral
    # arrives in its inbox once the person's consent is recorded there, and its
    # answer, progress and outcome come back here (issue 17).
    provider = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_received",
        limit_choices_to={"independent_support_provider": True},
        verbose_name=_("organisation in Selfdirect"),
    )
    referred_on = models.DateField(_("referred on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_REFERRED
    )
    feedback = models.TextField(_("the organisation's feedback"), blank=True)
    outcome = models.CharField(
        _("the organisation's outcome"), max_length=200, blank=True
    )
    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-offered_on", "-id"]
        verbose_name_plural = "independent support"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} offered on {self.offered_on:%d/%m/%Y}"


class SupportChoice(PublicIdModel, RecordedModel):
    """The person's choice of option for each element of support. A later choice
    replaces an earlier one; all are kept, so the history of changes is visible."""

    class DecidedBy(models.TextChoices):
        PERSON = "person", _("The person")
        LEGAL_REPRESENTATIVE = (
            "legal_representative",
            _("Someone with legal authority for them"),
        )
        CARER = "carer", _("A carer, on their behalf")

    class Authority(models.TextChoices):
        GUARDIAN = "guardian", _("Welfare guardian")
        WELFARE_ATTORNEY = "welfare_attorney", _("Welfare power of attorney")
        OTHER = "other", _("Other legal authority")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="support_choices"
    )
    made_on = models.DateField(_("date of the choice"))
    decided_by = models.CharField(
        _("who made the choice"), max_length=30, choices=DecidedBy.choices
    )
    representative_name = models.CharField(
        _("representative's name"), max_length=200, blank=True
    )
    representative_authority = models.CharField(
        _("their legal authority"), max_length=30, choices=Authority.choices, blank=True
    )
    reasons = models.TextField(_("the person's reasons, in their words"), blank=True)
    deemed = models.BooleanField(
        _("no choice made, so Option 3 is deemed chosen"), default=False
    )
    objects = PersonRecordQuerySet["SupportChoice"].as_manager()

    class Meta:
        ordering = ["-made_on", "-id"]

    def __str__(self) -> str:
        return f"Choice made on {self.made_on:%d/%m/%Y}"


class ElementChoiceQuerySet(PersonRecordQuerySet["ElementChoice"]):
    person_path = "choice__person"


class ElementChoice(VersionedModel):
    """The option chosen for one element of support."""

    class Element(models.TextChoices):
        PERSONAL_CARE = "personal_care", _("Personal care")
        SOCIAL_LEISURE = "social_leisure", _("Social and leisure")
        RESPITE = "respite", _("Respite and short breaks")
        EQUIPMENT = "equipment", _("Equipment")
        HOUSING_SUPPORT = "housing_support", _("Housing support")
        OTHER = "other", _("Other")

    choice = models.ForeignKey(
        SupportChoice, on_delete=models.CASCADE, related_name="elements"
    )
    element = models.CharField(
        _("element of support"), max_length=30, choices=Element.choices
    )
    option = models.PositiveSmallIntegerField(
        _("option"),
        choices=[c for c in SdsOption.choices if c[0] != SdsOption.MIX],
    )
    objects = ElementChoiceQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["choice", "element"], name="one_option_per_element"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_element_display()}: option {self.option}"


class DirectPaymentCheck(PublicIdModel, RecordedModel):
    """The checks on Option 1 (a direct payment), and any refusal with its reasons."""

    class Decision(models.TextChoices):
        AGREED = "agreed", _("Direct payment can go ahead")
        REFUSED = "refused", _("Direct payment refused")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="direct_payment_checks"
    )
    checked_on = models.DateField(_("date of the checks"))
    payment_starts_on = models.DateField(_("first payment due"), null=True, blank=True)
    means_test_on = models.DateField(_("means test done on"), null=True, blank=True)
    third_party_payee = models.CharField(
        _("third-party payee"), max_length=200, blank=True
    )
    payee_at_persons_request = models.BooleanField(
        _("the person asked for the third-party payee"), default=False
    )
    family_member_employed = models.BooleanField(
        _("a family member would be employed"), default=False
    )
    family_member = models.CharField(_("the family member"), max_length=200, blank=True)
    undue_pressure = models.BooleanField(_("any sign of undue pressure"), default=False)
    family_member_has_powers = models.BooleanField(
        _("the family member is a guardian or attorney with relevant powers"),
        default=False,
    )
    family_conditions = models.JSONField(
        _("conditions met for employing family"), default=list, blank=True
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    refusal_reasons = models.TextField(
        _("reasons for refusing, in plain words"), blank=True
    )
    review_on = models.DateField(
        _("when the refusal will be reviewed"), null=True, blank=True
    )
    objects = PersonRecordQuerySet["DirectPaymentCheck"].as_manager()

    class Meta:
        ordering = ["-checked_on", "-id"]

    def __str__(self) -> str:
        return f"Direct payment checks on {self.checked_on:%d/%m/%Y}"

"""Option delivery records.

How each chosen option is delivered: a direct payment (Option 1) with its payments,
monitoring returns and personal assistants; an individual service fund with a chosen
provider (Option 2); a service the council arranges (Option 3). Providers come
from the providers register (`selfdirect.providers`).
"""

from typing import TypeVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from selfdirect.core.models import PublicIdModel, RecordedModel
from selfdirect.people.models import Person, PersonRecordQuerySet
from selfdirect.providers.models import Provider


class Frequency(models.TextChoices):
    """How often an amount is paid; the yearly equivalent is in rules.py."""

    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    FOUR_WEEKLY = "four_weekly", _("Every four weeks")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every three months")


class DirectPaymentAgreement(PublicIdModel, RecordedModel):
    """Option 1: the agreement under which the person receives a direct payment."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    class Ground(models.TextChoices):
        # SSI 2014/25 reg 6 grounds as read in the reference (wording [V/P]);
        # the other endings are ordinary ones, not terminations by the council.
        INELIGIBLE = "ineligible", _("The person is no longer eligible")
        OTHER_PURPOSES = "other_purposes", _("Money used for other purposes")
        BREACH_OF_LAW = "breach_of_law", _("A breach of the law about the support")
        FAMILY_MEMBER = (
            "family_member",
            _("Paid to a family member who may not be paid"),
        )
        PERSON_CHOSE = "person_chose", _("The person chose another option")
        PERSON_DIED = "person_died", _("The person died")
        NO_LONGER_NEEDED = "no_longer_needed", _("Support no longer needed")
        OTHER = "other", _("Other")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="direct_payment_agreements"
    )
    starts_on = models.DateField(_("start date"))
    amount = models.DecimalField(
        _("amount each time (£)"), max_digits=10, decimal_places=2
    )
    frequency = models.CharField(
        _("how often it is paid"), max_length=20, choices=Frequency.choices
    )
    yearly_amount = models.DecimalField(
        _("yearly equivalent (£)"), editable=False, max_digits=10, decimal_places=2
    )
    spend_on = models.JSONField(_("what it can be spent on"), default=list)
    spend_notes = models.TextField(_("more about what it can be spent on"), blank=True)
    responsibilities = models.JSONField(_("responsibilities accepted"), default=list)
    payee_name = models.CharField(_("third-party payee"), max_length=200, blank=True)
    payee_relationship = models.CharField(
        _("payee's relationship to the person"), max_length=100, blank=True
    )
    payee_requested_by_person = models.BooleanField(
        _("the person asked for the payment to go to someone else"), default=False
    )
    monitoring_every_months = models.PositiveSmallIntegerField(
        _("months between monitoring returns"), default=3
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    ended_on = models.DateField(_("end date"), null=True, blank=True)
    end_ground = models.CharField(
        _("why it ended"), max_length=30, choices=Ground.choices, blank=True
    )
    notice_given_on = models.DateField(_("notice given on"), null=True, blank=True)
    notice_days = models.PositiveSmallIntegerField(
        _("days of notice"), null=True, blank=True
    )
    end_notes = models.TextField(_("more about the ending"), blank=True)
    objects = PersonRecordQuerySet["DirectPaymentAgreement"].as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["person", "starts_on"], name="dpa_person_start"),
            models.Index(fields=["status", "ended_on"], name="dpa_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status="active"),
                name="dpa_one_active_per_person",
                violation_error_message=_(
                    "This person already has an active direct payment agreement."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Direct payment from {self.starts_on:%d/%m/%Y}"


_R = TypeVar("_R", bound=models.Model)


class AgreementPartQuerySet(PersonRecordQuerySet[_R]):
    """A direct payment's payments, returns and assistants, seen through the
    agreement's person."""

    person_path = "agreement__person"


class Payment(PublicIdModel, RecordedModel):
    """A direct payment made to the person (or their payee)."""

    agreement = models.ForeignKey(
        DirectPaymentAgreement, on_delete=models.CASCADE, related_name="payments"
    )
    paid_on = models.DateField(_("date paid"))
    amount = models.DecimalField(_("amount (£)"), max_digits=10, decimal_places=2)
    period_from = models.DateField(_("period covered from"))
    period_to = models.DateField(_("period covered to"))
    objects = AgreementPartQuerySet["Payment"].as_manager()

    class Meta:
        ordering = ["-paid_on", "-id"]
        indexes = [
            models.Index(fields=["agreement", "paid_on"], name="payment_agreement"),
            models.Index(fields=["paid_on"], name="payment_paid_on"),
        ]

    def __str__(self) -> str:
        return f"£{self.amount} paid on {self.paid_on:%d/%m/%Y}"


class MonitoringReturn(PublicIdModel, RecordedModel):
    """A monitoring return for a period of a direct payment: expected, then received."""

    class Evidence(models.TextChoices):
        BANK_STATEMENTS = "bank_statements", _("Bank statements")
        RECEIPTS = "receipts", _("Receipts")
        TIMESHEETS = "timesheets", _("Timesheets")
        PAYROLL = "payroll", _("Payroll records")
        INVOICES = "invoices", _("Invoices")

    class SurplusDecision(models.TextChoices):
        RECOVER = "recover", _("Recover it")
        RETAIN = "retain", _("Agreed the person keeps it")

    agreement = models.ForeignKey(
        DirectPaymentAgreement, on_delete=models.CASCADE, related_name="returns"
    )
    period_from = models.DateField(_("period from"))
    period_to = models.DateField(_("period to"))
    due_on = models.DateField(_("due date"))
    received_on = models.DateField(_("date received"), null=True, blank=True)
    evidence = models.JSONField(_("evidence received"), default=list, blank=True)
    balance_held = models.DecimalField(
        _("balance held (£)"), null=True, blank=True, max_digits=10, decimal_places=2
    )
    surplus = models.DecimalField(
        _("surplus (£)"), null=True, blank=True, max_digits=10, decimal_places=2
    )
    surplus_decision = models.CharField(
        _("what happens to the surplus"),
        max_length=10,
        choices=SurplusDecision.choices,
        blank=True,
    )
    recovered_amount = models.DecimalField(
        _("amount recovered (£)"),
        null=True,
        blank=True,
        max_digits=10,
        decimal_places=2,
    )
    recovered_on = models.DateField(_("date recovered"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    objects = AgreementPartQuerySet["MonitoringReturn"].as_manager()

    class Meta:
        ordering = ["-period_from", "-id"]
        indexes = [
            models.Index(
                fields=["due_on"],
                condition=Q(received_on__isnull=True),
                name="return_awaited",
            ),
            models.Index(
                fields=["received_on"],
                condition=Q(surplus__gt=0, recovered_on__isnull=True),
                name="return_surplus_open",
            ),
            models.Index(fields=["agreement", "period_from"], name="return_agreement"),
        ]

    def __str__(self) -> str:
        return (
            f"Monitoring return {self.period_from:%d/%m/%Y}–{self.period_to:%d/%m/%Y}"
        )


class PersonalAssistantEmployment(PublicIdModel, RecordedModel):
    """Personal assistants the person employs with their direct payment."""

    agreement = models.ForeignKey(
        DirectPaymentAgreement,
        on_delete=models.CASCADE,
        related_name="pa_employment",
    )
    starts_on = models.DateField(_("employing from"))
    number_of_pas = models.PositiveSmallIntegerField(_("number of personal assistants"))
    payroll_support = models.CharField(_("payroll service"), max_length=200, blank=True)
    insurance_provider = models.CharField(
        _("employer's liability insurance with"), max_length=200, blank=True
    )
    ends_on = models.DateField(_("until"), null=True, blank=True)
    objects = AgreementPartQuerySet["PersonalAssistantEmployment"].as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return (
            f"{self.number_of_pas} personal assistant(s) from {self.starts_on:%d/%m/%Y}"
        )


class IndividualServiceFund(PublicIdModel, RecordedModel):
    """Option 2: a fund held by the chosen provider, spent as the person directs."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="service_funds"
    )
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="service_funds"
    )
    yearly_amount = models.DecimalField(
        _("yearly amount (£)"), max_digits=10, decimal_places=2
    )
    person_directs = models.TextField(_("what the person directs"))
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    objects = PersonRecordQuerySet["IndividualServiceFund"].as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["person", "starts_on"], name="isf_person_start"),
            models.Index(fields=["ends_on"], name="isf_ends_on"),
        ]

    def __str__(self) -> str:
        return f"Individual service fund with {self.provider}"


class ArrangedService(PublicIdModel, RecordedModel):
    """Option 3: support the council selects and arranges."""

    class Arrangement(models.TextChoices):
        IN_HOUSE = "in_house", _("In-house (council's own service)")
        BLOCK = "block", _("Block contract")
        SPOT = "spot", _("Spot purchase")

    class Unit(models.TextChoices):
        HOURS = "hours", _("hours a week")
        DAYS = "days", _("days a week")
        NIGHTS = "nights", _("nights a week")
        SESSIONS = "sessions", _("sessions a week")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="arranged_services"
    )
    arrangement = models.CharField(
        _("how it is arranged"), max_length=20, choices=Arrangement.choices
    )
    provider = models.ForeignKey(
        Provider,
        on_delete=models.PROTECT,
        related_name="arranged_services",
        null=True,
        blank=True,
    )
    description = models.CharField(_("what the service is"), max_length=300)
    quantity = models.DecimalField(
        _("how much each week"), max_digits=6, decimal_places=2
    )
    unit = models.CharField(
        _("unit"), max_length=10, choices=Unit.choices, default=Unit.HOURS
    )
    yearly_cost = models.DecimalField(
        _("yearly cost (£)"), max_digits=10, decimal_places=2
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    objects = PersonRecordQuerySet["ArrangedService"].as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["person", "starts_on"], name="arranged_person_start"),
            models.Index(fields=["ends_on"], name="arranged_ends_on"),
        ]

    def __str__(self) -> str:
        return str(self.description)

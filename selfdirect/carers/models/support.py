"""(i) Support for eligible needs through the four SDS options, with an indicative
budget from a method kept for carers, and (j) signposting for other needs,
followed up as at first contact. The carers app owns these records; the budget
itself is an `IndicativeBudget` of the carer's own person record, worked out by
the budgets app with a method marked `for_carers`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from selfdirect.choices.models import SdsOption
from selfdirect.core.models import PublicIdModel, RecordedModel
from selfdirect.people.models import FirstContact

from .plan import CarerPlan, PlanPartQuerySet

# As for a person's elements of support: options 1 to 3 per element; Option 4
# (a mix) is what a plan whose elements use more than one comes to.
ELEMENT_OPTIONS = [c for c in SdsOption.choices if c[0] != SdsOption.MIX]


class CarerSupport(PublicIdModel, RecordedModel):
    """(i) One element of support for the carer's eligible needs, and the SDS
    option the carer chose for it: who chose, and when."""

    class ChosenBy(models.TextChoices):
        CARER = "carer", _("The carer")
        REPRESENTATIVE = "representative", _("Someone the carer asked to choose")

    plan = models.ForeignKey(
        CarerPlan, on_delete=models.CASCADE, related_name="supports"
    )
    what = models.CharField(_("the support"), max_length=200)
    option = models.PositiveSmallIntegerField(_("option"), choices=ELEMENT_OPTIONS)
    yearly_amount = models.DecimalField(
        _("yearly amount (£)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    chosen_by = models.CharField(
        _("who chose the option"), max_length=20, choices=ChosenBy.choices
    )
    chosen_by_name = models.CharField(
        _("their name, if not the carer"), max_length=200, blank=True
    )
    chosen_on = models.DateField(_("date of the choice"))
    objects = PlanPartQuerySet["CarerSupport"].as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.what}: option {self.option}"


class CarerSignposting(PublicIdModel, RecordedModel):
    """(j) Signposting for needs that do not meet the eligibility criteria, to a
    service in the community directory or one named, with a follow-up date and
    what came of it (the results of a first contact's follow-up)."""

    Result = FirstContact.FollowUpResult

    plan = models.ForeignKey(
        CarerPlan, on_delete=models.CASCADE, related_name="signpostings"
    )
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service in the directory"),
    )
    support_name = models.CharField(_("community support"), max_length=200)
    signposted_on = models.DateField(_("signposted on"))
    follow_up_due = models.DateField(_("follow up by"))
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    result = models.CharField(
        _("what came of it"), max_length=30, choices=Result.choices, blank=True
    )
    used_it = models.BooleanField(_("the carer used it"), null=True, blank=True)
    notes = models.TextField(_("follow-up notes"), blank=True)
    objects = PlanPartQuerySet["CarerSignposting"].as_manager()

    class Meta:
        ordering = ["signposted_on", "id"]
        indexes = [
            models.Index(
                fields=["follow_up_due"],
                name="carer_signpost_due",
                condition=models.Q(followed_up_on__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return self.support_name

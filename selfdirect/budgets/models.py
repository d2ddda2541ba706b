"""Indicative budgets and the versioned methods and limits that produce them.

A budget keeps the method version, the inputs and the workings it was made with,
so a later version of a method never changes a budget already worked out.
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Role
from selfdirect.core.models import PublicIdModel, RecordedModel
from selfdirect.people.models import Person, PersonRecordQuerySet, ServiceGroup


class BudgetMethod(models.Model):
    """One version of a way of working out indicative budgets, kept as data.

    The configuration is JSON checked against a schema (see budgets/method_schema.py):
    for a resource allocation system (RAS) the questions per domain, the points of
    each answer and the pounds per point or bands by service group; for the
    equivalence method the weeks in a year and suggested rates. A version that has
    produced a budget is never edited: load a new version instead.
    """

    class Kind(models.TextChoices):
        RAS = "ras", _("Points-based resource allocation (RAS)")
        EQUIVALENCE = "equivalence", _("Equivalence: pricing the support")

    code = models.SlugField(max_length=60)
    version = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    valid_from = models.DateField(_("in use from"))
    active = models.BooleanField(default=True)
    illustrative = models.BooleanField(
        default=True,
        help_text=_("Figures not yet verified by the partnership: shown as such."),
    )
    note = models.TextField(blank=True)
    # A method kept for unpaid carers' support plans (Carers (Scotland) Act 2016,
    # s24): never used for a supported person's own budget, and the only kind a
    # carer's plan uses.
    for_carers = models.BooleanField(
        _("for unpaid carers"),
        default=False,
        help_text=_("Used only for carers' support plans, never for a person's own."),
    )
    config = models.JSONField()
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"], name="unique_budget_method_version"
            )
        ]
        indexes = [models.Index(fields=["kind", "active"], name="method_kind_active")]

    def __str__(self) -> str:
        return f"{self.name} (version {self.version})"


class DelegatedLimit(models.Model):
    """The yearly budget a role may set on its own authority (Standard 8), kept as
    versioned data: the limit in force on a date is the latest starting by then."""

    role = models.CharField(max_length=40, choices=Role.choices)
    yearly_amount = models.DecimalField(
        _("yearly limit (£)"), max_digits=10, decimal_places=2
    )
    valid_from = models.DateField(_("in force from"))
    illustrative = models.BooleanField(default=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["role", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "valid_from"], name="one_limit_per_role_per_date"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_role_display()}: £{self.yearly_amount} from {self.valid_from}"
        )


class BudgetQuerySet(PersonRecordQuerySet["IndicativeBudget"]):
    def own_support(self) -> "BudgetQuerySet":
        """Budgets for the person's own support: not those worked out with a
        method kept for carers (which belong to a carer's plan)."""
        return self.exclude(method__for_carers=True)

    def for_caring(self) -> "BudgetQuerySet":
        """Budgets worked out for a carer's plan, with a method kept for carers."""
        return self.filter(method__for_carers=True)


class IndicativeBudget(PublicIdModel, RecordedModel):
    """An indicative budget for a person, from a named version of a method, with
    the inputs and step-by-step workings that produced it."""

    class Authority(models.TextChoices):
        WITHIN = "within", _("Within delegated authority")
        PANEL = "panel", _("Goes to panel")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="indicative_budgets"
    )
    worked_out_on = models.DateField(_("date worked out"))
    amount = models.DecimalField(
        _("yearly amount (£)"), max_digits=10, decimal_places=2, default=Decimal("0")
    )
    method = models.ForeignKey(
        BudgetMethod,
        on_delete=models.PROTECT,
        related_name="budgets",
        null=True,
        blank=True,
    )
    method_version = models.PositiveIntegerField(_("method version"), default=1)
    service_group = models.ForeignKey(
        ServiceGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    inputs = models.JSONField(_("answers or priced lines"), default=dict)
    workings = models.JSONField(_("the arithmetic, step by step"), default=list)
    explanation = models.TextField(_("explanation in plain words"), blank=True)
    delegated_limit = models.DecimalField(
        _("setter's delegated limit (£)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
    )
    authority = models.CharField(
        _("authority"), max_length=10, choices=Authority.choices, blank=True
    )
    objects = BudgetQuerySet.as_manager()

    class Meta:
        ordering = ["-worked_out_on", "-id"]
        indexes = [
            models.Index(fields=["person", "-worked_out_on"], name="budget_person"),
            models.Index(fields=["authority"], name="budget_authority"),
        ]

    def __str__(self) -> str:
        return f"Indicative budget of £{self.amount} ({self.worked_out_on:%d/%m/%Y})"

    @property
    def goes_to_panel(self) -> bool:
        return self.authority == self.Authority.PANEL

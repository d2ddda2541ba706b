"""Local eligibility criteria for carers (ss21-22), kept as versioned data.

A version is in force from its date until the next version's; each has its domains
(health and wellbeing, relationships, ...) and a threshold: an impact at or above
the threshold in any domain is an eligible need. Levels are fixed by the Act's
guidance (no impact, low, moderate, substantial, critical); what each level means
in each domain is the partnership's own wording, kept with the domain."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Impact(models.TextChoices):
    """How much caring affects the carer in a domain, lowest first."""

    NONE = "none", _("No impact")
    LOW = "low", _("Low")
    MODERATE = "moderate", _("Moderate")
    SUBSTANTIAL = "substantial", _("Substantial")
    CRITICAL = "critical", _("Critical")


IMPACT_ORDER = {level.value: n for n, level in enumerate(Impact)}


class EligibilityCriteria(models.Model):
    """One version of the local eligibility criteria."""

    version = models.CharField(_("version"), max_length=60, unique=True)
    in_force_from = models.DateField(_("in force from"), unique=True)
    threshold = models.CharField(
        _("an impact at or above this level is an eligible need"),
        max_length=12,
        choices=Impact.choices,
        default=Impact.SUBSTANTIAL,
    )
    consulted_on = models.TextField(_("how carers were consulted"), blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["-in_force_from"]
        verbose_name_plural = "eligibility criteria"

    def __str__(self) -> str:
        return self.version


class EligibilityDomain(models.Model):
    """A part of the carer's life the criteria look at, with what each level means."""

    criteria = models.ForeignKey(
        EligibilityCriteria, on_delete=models.CASCADE, related_name="domains"
    )
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(default=0)
    # Level code -> what that level means in this domain (the partnership's words).
    levels = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["criteria", "code"], name="one_domain_code_per_criteria"
            )
        ]

    def __str__(self) -> str:
        return self.name

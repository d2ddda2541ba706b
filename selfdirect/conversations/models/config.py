from django.db import models
from django.utils.translation import gettext_lazy as _


class OutcomeDomain(models.Model):
    """An outcome domain a personal outcome can be coded to (kept as data)."""

    class Group(models.TextChoices):
        QUALITY_OF_LIFE = "quality_of_life", _("Quality of life")
        PROCESS = "process", _("Process")
        CHANGE = "change", _("Change")

    code = models.SlugField(max_length=60)
    name = models.CharField(max_length=120)
    group = models.CharField(max_length=20, choices=Group.choices)
    framework_version = models.CharField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework_version", "code"], name="unique_domain_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.name


class EligibilityLevel(models.Model):
    """A level of the eligibility criteria, with its wording (kept as data)."""

    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=60)
    description = models.TextField()
    criteria_version = models.CharField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["criteria_version", "code"], name="unique_level_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.name

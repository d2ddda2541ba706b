"""What assurance keeps: the references records had in the system they came from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.people.models import Person, PersonRecordQuerySet


class ExternalReference(models.Model):
    """A record imported from a case file, and its identifier in the system it came
    from, so importing the same file again updates the record instead of adding a
    second one."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="external_references"
    )
    source = models.CharField(_("system it came from"), max_length=200)
    record = models.CharField(_("kind of record"), max_length=60)
    external_ref = models.CharField(_("its reference there"), max_length=100)
    object_id = models.PositiveBigIntegerField(_("the record here"))
    created_at = models.DateTimeField(auto_now_add=True)
    objects = PersonRecordQuerySet["ExternalReference"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "record", "external_ref"],
                name="one_record_per_external_ref",
            )
        ]

    def __str__(self) -> str:
        return f"{self.record} {self.external_ref} in {self.source}"


# The reading exercises live in their own module (assurance/exercises/).
from selfdirect.assurance.exercises.models import (  # noqa: E402
    CriterionAnswer,
    FileReading,
    ReadingExercise,
    SampledFile,
)

__all__ = [
    "CriterionAnswer",
    "ExternalReference",
    "FileReading",
    "ReadingExercise",
    "SampledFile",
]

"""The persona's person was imported from an old system: their record keeps its
reference there. Their file is in a reading exercise, given to the inspector."""

import datetime
from typing import Any

from selfdirect.assurance.models import (
    CriterionAnswer,
    ExternalReference,
    FileReading,
    ReadingExercise,
    SampledFile,
)

BUILDS_ON: tuple[str, ...] = ()


def add_records(personas: Any) -> None:
    ExternalReference.objects.create(
        person=personas.person,
        source="Old case system",
        record="people.Person",
        external_ref="OLD-1001",
        object_id=personas.person.pk,
    )
    exercise = ReadingExercise.objects.create(
        name="Spring case file reading",
        as_of=datetime.date(2026, 10, 31),
        seed=20261031,
        status=ReadingExercise.Status.READING,
        recorded_by=personas.quality_lead,
    )
    file = SampledFile.objects.create(
        exercise=exercise,
        person=personas.person,
        group=SampledFile.Group.ASSESSED,
        stratum=f"assessed/{personas.team_a.name}/no service group",
        team=personas.team_a,
        order=1,
    )
    reading = FileReading.objects.create(
        sampled_file=file, reader=personas.inspector, recorded_by=personas.quality_lead
    )
    CriterionAnswer.objects.create(
        reading=reading,
        criterion="plan_contingency",
        automatic_answer="no",
        reason="The plan records no contingency arrangements.",
        evidence=[
            {
                "record": "plans",
                "ref": "",
                "path": "/plans/0/contingency",
                "quote": "not recorded",
                "url": "",
            }
        ],
    )

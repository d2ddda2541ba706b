"""Assurance pages: the exercise list and an exercise's page name nobody but
through `FileReading.objects.visible_to`; reading a file goes through the
chokepoint for file reading."""

import uuid
from typing import Any

from selfdirect.assurance.models import FileReading
from selfdirect.testing.url_cases import UrlCase


def _reading(p: Any) -> dict[str, Any]:
    reading = FileReading.objects.select_related("sampled_file__exercise").get(
        sampled_file__person=p.person
    )
    return {
        "exercise_id": reading.sampled_file.exercise.public_id,
        "reading_id": reading.public_id,
    }


def _missing(p: Any) -> dict[str, Any]:
    return {**_reading(p), "reading_id": uuid.uuid4()}


PERSONAL: dict[str, UrlCase] = {
    "assurance:reading": UrlCase(
        _reading, "inspector", refused="finance_officer", missing=_missing
    ),
    "assurance:give_reading": UrlCase(
        _reading,
        "quality_lead",
        refused="inspector",
        outsider=None,
        why_no_outsider="only quality leads give files to readers, and they "
        "reach every sampled file",
        missing=_missing,
    ),
}

NOT_PERSONAL = {
    "assurance:population_reading": "counts of answers per criterion over everyone, "
    "no one identified (quality leads and inspectors)",
    "assurance:population_progress": "starts the reading of every case file "
    "(quality leads) and shows its progress: counts only",
    "assurance:exercises": "a list of exercises with counts; the readings given to "
    "the user come through FileReading.objects.visible_to",
    "assurance:exercise_new": "sets up an exercise: a name, a day and sample sizes",
    "assurance:exercise": "an exercise's counts, and its readings filtered through "
    "FileReading.objects.visible_to for the user",
    "assurance:second_readings": "chooses files for a second reader (POST only)",
    "assurance:complete": "marks an exercise complete (POST only)",
    "assurance:draw": "asks the background worker to draw an exercise's sample "
    "again after it failed (POST only)",
    "assurance:exercise_results": "an exercise's counts by criterion and team, "
    "and agreement figures; no one identified",
    "assurance:exercise_results_csv": "the same counts as a CSV file",
    "assurance:exercise_results_pdf": "the same counts as a PDF",
}

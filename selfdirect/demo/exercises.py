"""Demo case file reading exercises for `selfdirect seed`, made through the
assurance services: one completed in the spring (every file read and confirmed,
ten files read again by a second reader) and one in progress now.

Readers are the quality lead, the inspector and practitioners from other teams
(peer audit). They keep most automatic answers and change a few, each change with
a note, as people reading do. Public ids come from the seed's generator, so
reseeding gives the same rows.
"""

import contextlib
import datetime
import random
import uuid
from collections import Counter
from collections.abc import Iterator

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Role
from selfdirect.assurance.exercises import drawing, rules, services
from selfdirect.assurance.models import (
    CriterionAnswer,
    FileReading,
    ReadingExercise,
    SampledFile,
)
from selfdirect.core.dates import add_days
from selfdirect.people.models import Allocation

SECOND_READINGS = 10
# In the exercise in progress, the share of first readings done so far.
IN_PROGRESS_SHARE = 0.4
# How often a reader changes the automatic answer, and what they say.
OVERRIDE_CHANCE = 0.06
NOTES = {
    "yes": "The case notes show this was done, though not where the reader looked.",
    "partly": "Done for some of the person's outcomes but not all of them.",
    "no": "What is recorded does not meet the standard when read in full.",
    "not_applicable": "This does not apply to this person's situation.",
}


def seed_exercises(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """A completed exercise and one in progress."""
    lead = User.objects.filter(role=Role.QUALITY_LEAD).order_by("pk").first()
    if lead is None:
        return Counter()
    rng = random.Random(f"exercises-{seed}")
    rows: Counter[str] = Counter()
    # Times from the seed's day, not the clock, so reseeding gives the same rows.
    spring, autumn = _afternoon(add_days(today, -120)), _afternoon(add_days(today, -1))
    with _ids_from(random.Random(f"exercise-ids-{seed}")):
        done = _exercise(lead, "Spring case file reading", add_days(today, -150), rng)
        _read(done, lead, rng, spring, share=1.0)
        _second_readings(done, lead, rng, spring)
        services.complete_exercise(
            exercise=done, version=_version(done), by=lead, now=spring
        )
        current = _exercise(lead, "Autumn case file reading", today, rng)
        _read(current, lead, rng, autumn, share=IN_PROGRESS_SHARE)
    rows["reading exercises"] = 2
    rows["files sampled"] = SampledFile.objects.count()
    rows["files read"] = FileReading.objects.filter(
        status=FileReading.Status.COMPLETE
    ).count()
    return rows


def _afternoon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(15), tzinfo=datetime.UTC)


def delete_exercises(person_ids: list[int]) -> None:
    """Remove the exercises that read any of these people's files."""
    ReadingExercise.objects.filter(files__person_id__in=person_ids).delete()


def _version(exercise: ReadingExercise) -> int:
    exercise.refresh_from_db(fields=["version"])
    return exercise.version


def _exercise(
    lead: User, name: str, as_of: datetime.date, rng: random.Random
) -> ReadingExercise:
    # Drawn at once, not by the background worker: the demo is ready when seeded.
    exercise = services.set_up_exercise(
        details=services.ExerciseDetails(
            name=name, as_of=as_of, seed=rng.randrange(10**9)
        ),
        by=lead,
    )
    drawing.draw_and_read(exercise, by=lead)
    exercise.refresh_from_db()
    return exercise


def _readers() -> list[User]:
    return list(
        User.objects.filter(role__in=rules.READER_ROLES, is_active=True)
        .prefetch_related("teams")
        .order_by("pk")
    )


def _eligible(readers: list[User], reading: FileReading) -> list[User]:
    file = reading.sampled_file
    teams = set(
        Allocation.objects.current()
        .filter(person_id=file.person_id)
        .values_list("team_id", flat=True)
    ) | ({file.team_id} if file.team_id else set())
    others = set(
        file.readings.exclude(pk=reading.pk).values_list("reader_id", flat=True)
    )
    return [
        r
        for r in readers
        if r.pk not in others and rules.reader_problem(r, teams) is None
    ]


def _give_and_read(
    reading: FileReading,
    readers: list[User],
    lead: User,
    rng: random.Random,
    now: datetime.datetime,
    *,
    finish: bool,
) -> None:
    eligible = _eligible(readers, reading)
    if not eligible:
        return
    reader = rng.choice(eligible)
    services.give_reading(
        reading=reading, reader=reader, version=reading.version, by=lead
    )
    if finish:
        reading.refresh_from_db()
        services.save_reading(
            reading=reading,
            answers=[_answer(a, rng) for a in reading.answers.order_by("order")],
            finished=True,
            version=reading.version,
            by=reader,
            now=now,
        )


def _answer(answer: CriterionAnswer, rng: random.Random) -> services.AnswerDetails:
    if rng.random() >= OVERRIDE_CHANCE:
        return services.AnswerDetails(answer.criterion, answer.automatic_answer)
    other = rng.choice([a for a in NOTES if a != answer.automatic_answer])
    return services.AnswerDetails(answer.criterion, other, NOTES[other])


def _read(
    exercise: ReadingExercise,
    lead: User,
    rng: random.Random,
    now: datetime.datetime,
    *,
    share: float,
) -> None:
    readers = _readers()
    readings = list(
        FileReading.objects.filter(sampled_file__exercise=exercise)
        .select_related("sampled_file")
        .order_by("sampled_file__order")
    )
    finished = round(len(readings) * share)
    for n, reading in enumerate(readings):
        _give_and_read(reading, readers, lead, rng, now, finish=n < finished)


def _second_readings(
    exercise: ReadingExercise, lead: User, rng: random.Random, now: datetime.datetime
) -> None:
    readers = _readers()
    chosen = services.choose_second_readings(
        exercise=exercise, count=SECOND_READINGS, by=lead
    )
    for reading in chosen:
        _give_and_read(reading, readers, lead, rng, now, finish=True)


@contextlib.contextmanager
def _ids_from(rng: random.Random) -> Iterator[None]:
    """New records' public ids drawn from the seed's generator while the services
    run, so reseeding gives the same rows (the models' default is uuid4)."""
    fields = [
        model._meta.get_field("public_id") for model in (ReadingExercise, FileReading)
    ]
    saved = [(f, f.default) for f in fields]

    def drawn() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    try:
        for f in fields:
            f.default = drawn  # type: ignore[attr-defined]
            f.__dict__.pop("_get_default", None)
        yield
    finally:
        for f, default in saved:
            f.default = default  # type: ignore[attr-defined]
            f.__dict__.pop("_get_default", None)

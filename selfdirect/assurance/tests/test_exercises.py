"""Reading exercises: set up from the sample and read automatically; readers
confirm or override each answer (a note when overriding), with the version check;
peer readers never read their own team's files; every read is logged."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from selfdirect.assurance.exercises import selectors, services
from selfdirect.assurance.models import CriterionAnswer, FileReading, ReadingExercise
from selfdirect.audit.models import AccessLog, AuditEvent
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.models import Job
from selfdirect.testing.personas import Personas

AS_OF = datetime.date(2026, 11, 20)


def _reading(personas: Personas) -> FileReading:
    return FileReading.objects.get(sampled_file__person=personas.person)


def _url(reading: FileReading) -> str:
    return reverse(
        "assurance:reading",
        kwargs={
            "exercise_id": reading.sampled_file.exercise.public_id,
            "reading_id": reading.public_id,
        },
    )


@pytest.mark.journey("reviews", "panel", "delivery")
def test_an_exercise_draws_its_sample_and_reads_every_file(
    personas: Personas,
) -> None:
    exercise = services.start_exercise(
        details=services.ExerciseDetails(name="Autumn", as_of=AS_OF, seed=3),
        by=personas.quality_lead,
    )
    exercise.refresh_from_db()
    assert exercise.status == ReadingExercise.Status.READING
    assert exercise.population["as_of"] == "2026-11-20"
    file = exercise.files.get()
    assert file.person == personas.person
    assert file.team == personas.team_a
    answers = CriterionAnswer.objects.filter(reading__sampled_file=file)
    assert answers.count() == 16
    assert all(answer.reason for answer in answers)
    assert any(answer.evidence for answer in answers)
    assert all("url" in item for a in answers for item in a.evidence)
    assert AuditEvent.objects.filter(action="reading_exercise.started").exists()
    assert file.history.exists()


@pytest.mark.journey("reviews", "panel", "delivery")
def test_the_sample_is_drawn_by_the_background_worker_with_its_progress_shown(
    client, personas: Personas
) -> None:
    lead = personas.quality_lead
    exercise = services.set_up_exercise(
        details=services.ExerciseDetails(name="Winter", as_of=AS_OF, seed=3), by=lead
    )
    url = reverse("assurance:exercise", kwargs={"exercise_id": exercise.public_id})
    waiting = Job.objects.create(
        kind=selectors.DRAW_KIND,
        subject=str(exercise.public_id),
        requested_by=lead,
        expires_at=timezone.now() + datetime.timedelta(hours=1),
        status=Job.Status.RUNNING,
        percent=40,
        stage="Reading the files automatically",
    )
    client.force_login(lead)
    page = client.get(url).content.decode()
    assert "Drawing the sample and reading it: 40% done." in page
    assert 'http-equiv="refresh"' in page
    assert "Draw the sample again" not in page
    assert (
        'http-equiv="refresh"' not in client.get(url + "?refresh=off").content.decode()
    )
    # A worker that stopped part way: the lead tries again, and it is drawn.
    Job.objects.filter(pk=waiting.pk).update(status=Job.Status.FAILED)
    page = client.get(url).content.decode()
    assert "The sample could not be drawn." in page and "Draw the sample again" in page
    draw = reverse("assurance:draw", kwargs={"exercise_id": exercise.public_id})
    assert client.post(draw).status_code == 302
    exercise.refresh_from_db()
    assert exercise.status == ReadingExercise.Status.READING
    assert exercise.files.count() == 1
    job = selectors.drawing_job(exercise)
    assert job is None  # drawn: the page shows the files, not a job
    finished = Job.objects.filter(kind=selectors.DRAW_KIND).latest("id")
    assert (finished.status, finished.percent) == (Job.Status.DONE, 100)
    # Drawn already: asking again changes nothing.
    client.post(draw)
    assert exercise.files.count() == 1
    assert Job.objects.filter(kind=selectors.DRAW_KIND).count() == 2


def test_only_those_who_run_file_reading_can_draw_again(
    client, personas: Personas
) -> None:
    exercise = services.set_up_exercise(
        details=services.ExerciseDetails(name="Winter", as_of=AS_OF, seed=3),
        by=personas.quality_lead,
    )
    client.force_login(personas.practitioner_a)
    draw = reverse("assurance:draw", kwargs={"exercise_id": exercise.public_id})
    assert client.post(draw).status_code == 403
    assert not Job.objects.filter(kind=selectors.DRAW_KIND).exists()


pytestmark_views = pytest.mark.journey("assurance")


@pytestmark_views
def test_overriding_an_answer_needs_a_note_and_changes_nothing_without(
    personas: Personas,
) -> None:
    reading = _reading(personas)
    with pytest.raises(ValidationError) as refused:
        services.save_reading(
            reading=reading,
            answers=[services.AnswerDetails("plan_contingency", "yes")],
            finished=True,
            version=reading.version,
            by=personas.inspector,
        )
    assert "note_plan_contingency" in refused.value.message_dict
    reading.refresh_from_db()
    assert reading.version == 1
    assert reading.answers.get().confirmed_answer == ""
    services.save_reading(
        reading=reading,
        answers=[
            services.AnswerDetails(
                "plan_contingency", "yes", "The plan says who steps in."
            )
        ],
        finished=True,
        version=reading.version,
        by=personas.inspector,
    )
    answer = reading.answers.get()
    assert (answer.confirmed_answer, answer.overridden) == ("yes", True)
    assert answer.history.count() == 2
    assert reading.status == FileReading.Status.COMPLETE


@pytestmark_views
def test_the_second_of_two_saves_gets_a_conflict_and_nothing_is_lost(
    client, personas: Personas
) -> None:
    reading = _reading(personas)
    client.force_login(personas.inspector)
    first = {"version": "1", "answer_plan_contingency": "no", "save": ""}
    assert client.post(_url(reading), first).status_code == 302
    second = {
        "version": "1",
        "answer_plan_contingency": "yes",
        "note_plan_contingency": "Seen in the notes.",
        "save": "",
    }
    response = client.post(_url(reading), second)
    assert response.status_code == 200
    assert b"Someone else changed this record" in response.content
    assert b"Seen in the notes." in response.content  # what they typed is kept
    answer = CriterionAnswer.objects.get(reading=reading)
    assert answer.confirmed_answer == "no"
    with pytest.raises(EditConflict):
        services.save_reading(
            reading=reading,
            answers=[],
            finished=False,
            version=1,
            by=personas.inspector,
        )


@pytestmark_views
def test_a_practitioner_never_reads_their_own_teams_files(
    client, personas: Personas
) -> None:
    reading = _reading(personas)
    reading.reader = None
    reading.save()
    with pytest.raises(ValidationError, match="own team"):
        services.give_reading(
            reading=reading,
            reader=personas.practitioner_a,
            version=reading.version,
            by=personas.quality_lead,
        )
    # Even if given to them some other way, the page is not theirs to open.
    FileReading.objects.filter(pk=reading.pk).update(reader=personas.practitioner_a)
    client.force_login(personas.practitioner_a)
    assert client.get(_url(reading)).status_code == 404
    assert not AccessLog.objects.filter(user=personas.practitioner_a).exists()


@pytestmark_views
def test_a_peer_reader_from_another_team_reads_a_file_given_to_them(
    client, personas: Personas
) -> None:
    reading = _reading(personas)
    client.force_login(personas.practitioner_b)
    assert client.get(_url(reading)).status_code == 404  # not given to them yet
    services.give_reading(
        reading=reading,
        reader=personas.practitioner_b,
        version=reading.version,
        by=personas.quality_lead,
    )
    response = client.get(_url(reading))
    assert response.status_code == 200
    assert b"plan_contingency" in response.content
    assert b"records themselves stay with their team" in response.content
    assert AccessLog.objects.filter(
        user=personas.practitioner_b, person=personas.person, action="view"
    ).exists()
    assert client.get(reverse("assurance:exercises")).status_code == 200


@pytestmark_views
def test_reading_a_file_is_logged_and_shows_the_evidence(
    client, personas: Personas
) -> None:
    reading = _reading(personas)
    client.force_login(personas.inspector)
    response = client.get(_url(reading))
    assert response.status_code == 200
    assert b"The plan records no contingency arrangements." in response.content
    assert AccessLog.objects.filter(
        user=personas.inspector, person=personas.person
    ).exists()


@pytestmark_views
def test_second_readers_get_the_automatic_answers_and_are_not_the_first(
    personas: Personas,
) -> None:
    exercise = ReadingExercise.objects.get()
    (second,) = services.choose_second_readings(
        exercise=exercise, count=10, by=personas.quality_lead
    )
    assert second.position == FileReading.Position.SECOND
    assert second.answers.get().automatic_answer == "no"
    with pytest.raises(ValidationError, match="other than the first"):
        services.give_reading(
            reading=second,
            reader=personas.inspector,
            version=second.version,
            by=personas.quality_lead,
        )
    assert (
        services.choose_second_readings(
            exercise=exercise, count=10, by=personas.quality_lead
        )
        == []
    )


@pytestmark_views
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("quality_lead", 200),
        ("inspector", 200),
        ("practitioner_b", 200),
        ("finance_officer", 403),
        ("manager_a", 403),
    ],
)
def test_who_may_open_the_exercise_pages(
    client, personas: Personas, persona: str, status: int
) -> None:
    exercise = ReadingExercise.objects.get()
    client.force_login(getattr(personas, persona))
    for url in (
        reverse("assurance:exercises"),
        reverse("assurance:exercise", kwargs={"exercise_id": exercise.public_id}),
    ):
        assert client.get(url).status_code == status


@pytestmark_views
def test_only_quality_leads_set_up_exercises(client, personas: Personas) -> None:
    client.force_login(personas.inspector)
    assert client.get(reverse("assurance:exercise_new")).status_code == 403
    client.force_login(personas.quality_lead)
    assert client.get(reverse("assurance:exercise_new")).status_code == 200
    response = client.post(
        reverse("assurance:exercise_new"),
        {
            "name": "",
            "as_of": "31/10/2026",
            "assessed_size": "0",
            "signposted_size": "0",
        },
    )
    assert response.status_code == 200
    assert ReadingExercise.objects.count() == 1


@pytestmark_views
def test_the_exercise_page_counts_in_a_few_queries(
    client, personas: Personas, django_assert_max_num_queries
) -> None:
    exercise = ReadingExercise.objects.get()
    client.force_login(personas.quality_lead)
    url = reverse("assurance:exercise", kwargs={"exercise_id": exercise.public_id})
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert b"Readings to do" in response.content


@pytestmark_views
def test_a_bad_number_of_second_readings_changes_nothing(
    client, personas: Personas
) -> None:
    exercise = ReadingExercise.objects.get()
    client.force_login(personas.quality_lead)
    url = reverse(
        "assurance:second_readings", kwargs={"exercise_id": exercise.public_id}
    )
    response = client.post(url, {"count": "ten"}, follow=True)
    assert b"Enter how many files" in response.content
    assert not FileReading.objects.filter(position="second").exists()

"""Reading every case file: the same files and answers as one file at a time, a
fixed number of queries per group, kept answers counted in the database, the
background job's progress, and who may see and start it."""

from typing import Any

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selfdirect.assurance import export, population, reader
from selfdirect.assurance.models import PersonReading
from selfdirect.assurance.summaries import POPULATION, params
from selfdirect.core import summaries
from selfdirect.core.models import Job
from selfdirect.insights.indicators import practice
from selfdirect.insights.indicators.periods import Period
from selfdirect.insights.indicators.practice import MEASURES, practice_quality
from selfdirect.insights.indicators.practice import cohort as practice_cohort
from selfdirect.insights.tests import practice_example
from selfdirect.people.models import Person
from selfdirect.testing.personas import Personas

pytestmark = pytest.mark.journey("reviews", "panel", "delivery")


def _same(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "source": None}


def test_a_group_s_files_are_each_person_s_own_file(personas: Personas) -> None:
    practice_example.build()
    ids = list(Person.objects.values_list("pk", flat=True))
    together = export.build_many(ids)
    for person in Person.objects.all():
        assert _same(together[person.pk]) == _same(export.build(person))


def test_the_kept_answers_are_the_reader_s_answers_file_by_file(
    personas: Personas,
) -> None:
    practice_example.build()
    population.read_everyone(chunk=3)
    kept = {r.person_id: r.answers for r in PersonReading.objects.all()}
    assert set(kept) == set(population.population().values_list("pk", flat=True))
    for person in population.population():
        data = export.build(person)
        one = {a.id: a.answer for a in [*reader.read(data), *reader.read_extra(data)]}
        assert kept[person.pk] == one, person


def test_the_queries_do_not_grow_with_the_group(
    personas: Personas, django_assert_num_queries
) -> None:
    practice_example.build()
    ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as few:
        population.read_group(ids[:2], as_of=Period(2025).end)
    assert len(few.captured_queries) <= 34  # 32, and format 2's support reviews
    with django_assert_num_queries(len(few.captured_queries)):
        population.read_group(ids, as_of=Period(2025).end)


def test_counts_on_the_worked_example(personas: Personas) -> None:
    """docs/indicators.md, practice_quality's worked example: 2025-26 has ended, so
    it is judged on the records as they stood on 31 March 2026."""
    example = practice_example.build()
    summaries.refresh(POPULATION, params(), by=personas.quality_lead)
    found = practice_quality(Period(2025), breakdowns=("age_band",))
    # Ann, Bob and Eve; Cat before the period, Dan in draft.
    assert found["people"] == 3
    assert found["judged_on"] == "2026-03-31" == found["as_at"]
    assert found["not_read"] == 0
    assert found["stale"] == ""
    for name in (
        "own_words",
        "strengths",
        "risk_enablement",
        "smart",
        "contingency",
        "informal_supports",
    ):
        # Ann only: Eve's good conversation and plan came after the period.
        assert found["measures"][name] == {
            "numerator": 1,
            "denominator": 3,
            "rate": 33.3,
        }, name
    kept = PersonReading.objects.get(person=example.bob).answers
    assert kept["risk_enablement"] == "not_applicable"
    assert kept["plan_smart"] == "no"
    # Read today, Eve's records show every sign: the kept answers would have
    # counted her (2 of 3); as at the period's end they do not.
    now = PersonReading.objects.get(person=example.eve).answers
    assert {now[rule] for rule in MEASURES.values()} == {"yes"}
    # Counted in the database by breakdown.
    assert sum(g["people"] for g in found["breakdowns"]["age_band"]) == 3
    assert sum(g["own_words"] for g in found["breakdowns"]["age_band"]) == 1


def test_the_period_running_counts_the_kept_answers(personas: Personas) -> None:
    """2026-27 has not ended: its figures are the kept answers, as at the reading
    (Eve's conversation agreed 1 May 2026, read as it is now)."""
    example = practice_example.build()
    summaries.refresh(POPULATION, params(), by=personas.quality_lead)
    found = practice_quality(Period(2026), breakdowns=False)
    assert found["judged_on"] is None
    people = practice_cohort(Period(2026))
    assert people.filter(pk=example.eve.pk).exists()
    assert found["people"] == people.count()
    # Eve counted "yes" now (kept, read today); not as at 31 March 2026.
    answers = practice.kept()
    assert answers is not None
    now = practice.counts(answers, Period(2026))["own_words"]
    assert people.filter(now or Q(), pk=example.eve.pk).exists()
    then = practice.counts(answers, Period(2025))["own_words"]
    past = practice_cohort(Period(2025))
    assert past.filter(pk=example.eve.pk).exists()
    assert not past.filter(then or Q(), pk=example.eve.pk).exists()


def test_a_change_after_the_reading_is_never_silent(
    personas: Personas, django_capture_on_commit_callbacks: Any
) -> None:
    example = practice_example.build()
    summaries.refresh(POPULATION, params(), by=personas.quality_lead)
    # The period still running reads the kept answers (a past one counts live).
    assert practice_quality(Period(2026), breakdowns=False)["stale"] == ""
    # The setup's writes never commit in a test; their callbacks (queued once per
    # source and transaction) would stand in for this write's.
    connection.run_on_commit.clear()
    with django_capture_on_commit_callbacks(execute=True):
        example.bob.first_name = "Robert"
        example.bob.save()
    assert practice_quality(Period(2026), breakdowns=False)["stale"] == "changed"


def test_the_job_reports_progress_and_keeps_the_counts(
    personas: Personas, client: Any
) -> None:
    practice_example.build()
    client.force_login(personas.quality_lead)
    url = reverse("assurance:population_progress")
    response = client.post(url)
    assert response.status_code == 302
    job = Job.objects.get(kind=POPULATION.job_kind)
    assert job.status == Job.Status.DONE and job.percent == 100
    snapshot = summaries.current(POPULATION, params())
    assert snapshot is not None and snapshot.computed_at is not None
    data: Any = snapshot.data
    people = population.population().count()
    assert data["people"] == people
    for criterion, found in data["counts"].items():
        assert sum(found.values()) == people, criterion
    page = client.get(reverse("assurance:population_reading"))
    assert b"population-results" in page.content
    assert b"case files read" in page.content
    progress = client.get(url)
    assert progress.status_code == 200


def test_only_a_quality_lead_starts_it_and_only_readers_see_it(
    personas: Personas, client: Any
) -> None:
    page = reverse("assurance:population_reading")
    start = reverse("assurance:population_progress")
    client.force_login(personas.inspector)
    assert client.get(page).status_code == 200
    assert client.post(start).status_code == 403
    for user in (personas.practitioner_a, personas.finance_officer):
        client.force_login(user)
        assert client.get(page).status_code == 403
        assert client.post(start).status_code == 403
    assert not Job.objects.exists()


def test_the_page_answers_before_any_reading(personas: Personas, client: Any) -> None:
    client.force_login(personas.quality_lead)
    response = client.get(reverse("assurance:population_reading"))
    assert b"have not been read yet" in response.content


def test_the_page_s_query_count_is_fixed(
    personas: Personas, client: Any, django_assert_max_num_queries
) -> None:
    practice_example.build()
    summaries.refresh(POPULATION, params(), by=personas.quality_lead)
    client.force_login(personas.quality_lead)
    with django_assert_max_num_queries(12):
        client.get(reverse("assurance:population_reading"))


def test_the_dashboard_drills_through_to_the_people_counted(
    personas: Personas, client: Any
) -> None:
    example = practice_example.build()
    summaries.refresh(POPULATION, params(), by=personas.quality_lead)
    client.force_login(personas.quality_lead)
    area = client.get(
        reverse("insights:indicators_area", args=["practice"]),
        {"year": "2025", "breakdown": "age_band"},
    )
    assert area.status_code == 200
    assert b"SMART plan outcomes" in area.content
    listed = client.get(
        reverse("insights:indicator_people", args=["practice_quality", "smart"]),
        {"year": "2025"},
    ).content.decode()
    assert f"/insights/indicators/people/{example.bob.public_id}/" not in listed
    assert f"/insights/indicators/people/{example.ann.public_id}/" in listed
    why = client.get(
        reverse("insights:indicator_person", args=[example.bob.public_id]),
        {"year": "2025"},
    ).content.decode()
    assert "Plan smart: no." in why

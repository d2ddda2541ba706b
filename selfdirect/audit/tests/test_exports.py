"""Subject access exports: JSON streamed in constant memory with a fixed number of
queries, and the PDF made by the background worker in bounded memory."""

import datetime
import json
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit import subject_access
from selfdirect.audit.exports import PDF_KIND
from selfdirect.audit.models import AccessLog, AuditEvent
from selfdirect.audit.services import record_event
from selfdirect.core.models import Job
from selfdirect.testing.journey import whole_journey


def _grow(personas, count: int) -> None:
    """Give the person `count` more reads, actions and relationships."""
    person, user = personas.person, personas.practitioner_a
    AccessLog.objects.bulk_create(
        AccessLog(user=user, person=person, page="people:detail", action="view")
        for _ in range(count)
    )
    AuditEvent.objects.bulk_create(
        AuditEvent(actor=user, person=person, action="person.exported")
        for _ in range(count)
    )
    for number in range(count):
        person.relationships.create(kind="unpaid_carer", name=f"Carer {number}")


def _measure(person) -> tuple[int, int, int]:
    """Queries, peak traced memory and characters of the streamed JSON export."""
    characters = 0
    with CaptureQueriesContext(connection) as queries:
        tracemalloc.start()
        for chunk in subject_access.json_chunks(person):
            characters += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return len(queries), peak, characters


def test_the_json_export_keeps_its_queries_and_memory_flat_as_the_record_grows(
    personas, monkeypatch
) -> None:
    monkeypatch.setattr(subject_access, "CHUNK_SIZE", 20)
    _grow(personas, 40)
    queries, peak, size = _measure(personas.person)
    _grow(personas, 360)  # ten times the records
    queries_10x, peak_10x, size_10x = _measure(personas.person)
    assert size_10x > 8 * size
    assert queries_10x == queries
    # Held whole, ten times the records takes about ten times the memory.
    assert peak_10x < 2 * peak, (peak, peak_10x)


def test_the_streamed_json_is_the_whole_export(personas) -> None:
    _grow(personas, 3)
    streamed = json.loads("".join(subject_access.json_chunks(personas.person)))
    whole = json.loads(
        subject_access.as_json(subject_access.export_person(personas.person))
    )
    streamed.pop("produced_at")
    whole.pop("produced_at")
    assert streamed == whole
    titles = {s["title"]: s["records"] for s in streamed["sections"]}
    assert len(titles["Who opened the record"]) == 3
    assert titles["Relationships"][0]["history"][0]["change"] == "created"


# Who the person is and any records merged into theirs (1), every section's rows
# in one statement (1) and every section's history in another (1).
EXPORT_QUERIES = 3


@pytest.mark.journey(*whole_journey())
def test_the_whole_journey_is_exported_in_a_fixed_number_of_queries(
    personas,
) -> None:
    """Every section's rows are read in one statement and their history in
    another, whatever the number of sections holding records or their length, so
    no model's text or foreign keys are read row by row."""
    person = personas.person
    held = subject_access.holding(person, subject_access.subject_ids(person))
    assert len(held) > 20  # most sections hold records
    queries, _, _ = _measure(person)
    assert queries <= EXPORT_QUERIES <= 20
    _grow(personas, 30)
    assert _measure(person)[0] == queries


def test_a_short_record_is_exported_in_at_most_20_queries(personas) -> None:
    queries, _, _ = _measure(personas.person)
    assert queries <= EXPORT_QUERIES


def _start(client, personas):
    client.force_login(personas.dpo)
    url = reverse(
        "people:export_start", kwargs={"person_id": personas.person.public_id}
    )
    return client.post(url)


def test_the_pdf_is_made_in_the_background_and_offered_to_who_asked(
    client, personas, settings
) -> None:
    settings.SUBJECT_ACCESS_PDF_LINES = 10
    _grow(personas, 12)
    response = _start(client, personas)
    job = Job.objects.get()
    assert job.kind == PDF_KIND and job.requested_by == personas.dpo
    assert job.status == Job.Status.DONE and job.percent == 100
    progress = client.get(response["Location"])
    html = progress.content.decode()
    assert 'role="status"' in html and "Your files are ready" in html
    assert 'http-equiv="refresh"' not in html
    files = {f.kind: f for f in job.files.all()}
    assert set(files) == {"PDF", "CSV"}
    files["CSV"] = job.files.get(filename__contains="-accesslog-")
    assert f"(PDF, {files['PDF'].size_label})" in html
    AccessLog.objects.all().delete()
    kwargs = {
        "person_id": personas.person.public_id,
        "job_id": job.public_id,
        "file_id": files["CSV"].pk,
    }
    download = client.get(reverse("people:export_download", kwargs=kwargs))
    csv_text = b"".join(download.streaming_content).decode()
    assert csv_text.startswith("record,version,when,by,")
    assert csv_text.count(",people:detail,view,") == 12
    assert AccessLog.objects.filter(
        user=personas.dpo, page="people:export_download"
    ).exists()
    kwargs["file_id"] = files["PDF"].pk
    pdf = client.get(reverse("people:export_download", kwargs=kwargs))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert pdf["Content-Disposition"].startswith("attachment;")


def test_only_who_asked_may_see_the_job_and_not_once_it_expires(
    client, personas
) -> None:
    response = _start(client, personas)
    other = UserFactory.create(username="dpo2", role=Role.DATA_PROTECTION_OFFICER)
    client.force_login(other)
    assert client.get(response["Location"]).status_code == 404
    client.force_login(personas.dpo)
    assert client.get(response["Location"]).status_code == 200
    Job.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(response["Location"]).status_code == 404


def test_the_progress_page_refreshes_itself_until_the_job_is_done(
    client, personas
) -> None:
    response = _start(client, personas)
    Job.objects.update(
        status=Job.Status.RUNNING, percent=45, stage="Reading Allocations"
    )
    html = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="5">' in html
    assert "45% done." in html and "Reading Allocations." in html
    assert "<script" not in html.split("</header>")[1]
    stopped = client.get(response["Location"] + "?refresh=off").content.decode()
    assert 'http-equiv="refresh"' not in stopped and "45% done" in stopped


def _pdf_pages(client, personas) -> int:
    from io import BytesIO

    from pypdf import PdfReader

    Job.objects.all().delete()
    _start(client, personas)
    pdf = Job.objects.get().files.get(content_type="application/pdf")
    return len(PdfReader(BytesIO(pdf.file.read())).pages)


def test_the_pdf_stays_the_same_length_as_the_access_log_grows(
    client, personas, settings
) -> None:
    """A long section moves to a CSV file, so the PDF (and the memory making it
    takes) is bounded by SUBJECT_ACCESS_PDF_LINES, not by the record."""
    settings.SUBJECT_ACCESS_PDF_LINES = 20
    AccessLog.objects.bulk_create(
        AccessLog(user=personas.dpo, person=personas.person, page="p", action="view")
        for _ in range(30)
    )
    # Each export records events about itself: start that section above the
    # limit too, so only the access log's length differs between the two PDFs.
    for _ in range(25):
        record_event(
            actor=personas.dpo, action="person.added", person_id=personas.person.pk
        )
    pages = _pdf_pages(client, personas)
    AccessLog.objects.bulk_create(
        AccessLog(user=personas.dpo, person=personas.person, page="p", action="view")
        for _ in range(300)
    )
    assert _pdf_pages(client, personas) == pages

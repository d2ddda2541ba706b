"""Subject access exports made by the background worker (selfdirect.core.jobs).

A PDF of a long record is made away from the web workers, in bounded memory: a
section too long for a table (a long access log, say) goes in a CSV file beside
the PDF, written row by row, and the PDF says which file holds it.
"""

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from django.conf import settings

from selfdirect.core.csv import CONTENT_TYPE, csv_lines
from selfdirect.core.jobs import Progress, job
from selfdirect.core.pdf import render_pdf
from selfdirect.people.models import Person

from . import subject_access
from .subject_access import Registration

PDF_KIND = "subject_access.pdf"


def _csv_rows(
    entry: Registration, records: Iterable[dict[str, Any]]
) -> Iterator[list[object]]:
    names = [f.name for f in subject_access._fields(entry.model)]
    yield ["record", "version", "when", "by", *names]
    for record in records:
        values = record["values"]
        yield [record["record"], "as held now", "", "", *map(values.get, names)]
        for change in record["history"]:
            held = change["values"]
            yield [
                record["record"],
                change["change"],
                change["when"].isoformat(),
                change["by"],
                *map(held.get, names),
            ]


def _to_csv(
    progress: Progress,
    entry: Registration,
    records: Iterable[dict[str, Any]],
    reference: str,
) -> str:
    part = entry.model._meta.model_name or "records"
    name = subject_access.filename_for(reference, "csv", part)
    with progress.file(
        name, f"{entry.title}: every record and change", CONTENT_TYPE
    ) as out:
        for line in csv_lines(_csv_rows(entry, records)):
            out.write(line.encode("utf-8"))
    return name


def bounded_export(person: Person, progress: Progress) -> dict[str, Any]:
    """The export for the PDF: each section as a table, or the name of the CSV
    file holding it when it has more than SUBJECT_ACCESS_PDF_LINES lines."""
    limit = settings.SUBJECT_ACCESS_PDF_LINES
    person_ids = subject_access.subject_ids(person)
    reference = str(person.public_id)
    count = len(subject_access.registrations())
    sections = []
    for number, (entry, remaining) in enumerate(
        subject_access.iter_sections(person_ids)
    ):
        progress.update(5 + 80 * number // count, f"Reading “{entry.title}”")
        records: list[dict[str, Any]] = []
        lines = 0
        attachment = ""
        for record in remaining:
            records.append(record)
            lines += 1 + len(record["history"])
            if lines > limit:
                attachment = _to_csv(
                    progress, entry, chain(records, remaining), reference
                )
                records = []
                break
        sections.append(
            {"title": entry.title, "records": records, "attachment": attachment}
        )
    return {**subject_access._heading(person), "sections": sections}


@job
def export_pdf(progress: Progress, person_pk: int) -> None:
    """Everything held about a person as a PDF, with CSV files for long sections."""
    person = Person.objects.get(pk=person_pk)
    export = bounded_export(person, progress)
    progress.update(88, "Writing the PDF")
    name = subject_access.filename_for(str(person.public_id), "pdf")
    with progress.file(
        name, "Everything held, with the history of each record", "application/pdf"
    ) as out:
        out.write(render_pdf("audit/subject_access.html", {"export": export}))

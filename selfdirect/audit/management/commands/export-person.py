"""selfdirect export-person PERSON_ID --format json|pdf: a subject access export."""

import sys
import uuid
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from selfdirect.audit import subject_access
from selfdirect.audit.services import record_event
from selfdirect.people.models import Person
from selfdirect.people.rules import normalise_chi


class Command(BaseCommand):
    help = "Export every record held about a person, with its history (UK GDPR right of access)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "person_id",
            help="The person's record ID (from its web address) or CHI number",
        )
        parser.add_argument("--format", choices=["json", "pdf"], default="json")
        parser.add_argument(
            "--output",
            "-o",
            help="File to write (default: standard output for JSON, a file named after the person for PDF)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        person = self._find(options["person_id"])
        record_event(
            actor=None,
            action="person.exported",
            person_id=person.pk,
            format=options["format"],
            via="command line",
        )
        if options["format"] == "json" and not options["output"]:
            for chunk in subject_access.json_chunks(person):
                sys.stdout.write(chunk)
            return
        path = Path(
            options["output"]
            or subject_access.filename_for(str(person.public_id), options["format"])
        )
        if options["format"] == "pdf":
            data = subject_access.export_person(person)
            path.write_bytes(subject_access.as_pdf(data))
        else:
            with path.open("w", encoding="utf-8") as out:
                out.writelines(subject_access.json_chunks(person))
        self.stderr.write(f"Wrote {path}")

    def _find(self, ref: str) -> Person:
        chi = normalise_chi(ref)
        if chi.isdigit():
            people = Person.objects.filter(chi_number=chi)
        else:
            try:
                people = Person.objects.filter(public_id=uuid.UUID(ref))
            except ValueError as exc:
                raise CommandError(
                    f"{ref!r} is not a record ID or CHI number."
                ) from exc
        person = people.first()
        if person is None:
            raise CommandError(f"No person with the ID or CHI number {ref!r}.")
        return person

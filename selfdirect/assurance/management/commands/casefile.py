"""selfdirect casefile export PERSON_ID --out FILE.json [--as-of DATE] [--user NAME]
selfdirect casefile import FILE.json --user NAME --team TEAM [--source SYSTEM]
    [--as-recorded]

Export writes one person's case file (format version 3, docs/file-reading.md); it
is recorded in the audit trail and, when the person running it names themselves
with --user, in the access log as an export. Import reads one back through the
services, all or nothing (see assurance/importer.py); --as-recorded migrates an
old system's records as they were recorded (the practice rules for new work are
not applied; data problems still refuse the import);
every problem is printed as `path: reason` on standard error, exit code 2.
"""

import datetime
import json
import uuid
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Action
from selfdirect.assurance import casefile, export
from selfdirect.assurance.importer import ImportRefused, import_casefile
from selfdirect.audit.services import log_access, record_event
from selfdirect.people.models import Person
from selfdirect.people.rules import normalise_chi

AS_RECORDED_HINT = (
    " If these are an old system's records being migrated, --as-recorded imports "
    "them as they were recorded: the practice rules for new work (such as a "
    "contingency plan before agreeing, or reasons for a panel decision) are not "
    "applied to historical records; data problems still refuse the import."
)


class Command(BaseCommand):
    help = "Export a person's case file as JSON (the case file format, version 3)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        out = sub.add_parser("export", help="Write one person's case file.")
        out.add_argument("person_id", help="The person's record ID or CHI number")
        out.add_argument("--out", required=True, type=Path, help="File to write")
        out.add_argument(
            "--as-of",
            type=datetime.date.fromisoformat,
            help="The day the file describes (default today)",
        )
        out.add_argument(
            "--user", help="Your username, for the access log (recommended)"
        )

        into = sub.add_parser("import", help="Import one case file (all or nothing).")
        into.add_argument("file", type=Path, help="The case file (JSON)")
        into.add_argument("--user", required=True, help="Your username")
        into.add_argument(
            "--team", required=True, help="The team the person is allocated to"
        )
        into.add_argument(
            "--source", help="The system it came from (default: the file's source)"
        )
        into.add_argument(
            "--as-recorded",
            action="store_true",
            help="Migrating an old system's records: save them as they were "
            "recorded, without the practice rules for new work (data problems "
            "still refuse the import)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self._import(options)
            return
        person = find_person(options["person_id"])
        user = None
        if options["user"]:
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        data = export.build(person, as_of=options["as_of"])
        problems = casefile.problems(data)
        if problems:  # a bug, not bad input: say what, write nothing
            raise CommandError(
                "The export does not match the schema: "
                + "; ".join(str(p) for p in problems[:5])
            )
        options["out"].write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        record_event(
            actor=user,
            action="casefile.exported",
            person_id=person.pk,
            via="command line",
            format_version=casefile.FORMAT_VERSION,
        )
        if user is not None:
            log_access(
                user=user,
                person_id=person.pk,
                page="casefile export (command line)",
                action=Action.EXPORT.logged_as,
            )
        self.stderr.write(f"Wrote {options['out']}")

    def _import(self, options: dict[str, Any]) -> None:
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user {options['user']!r}.", returncode=2)
        team = Team.objects.filter(name=options["team"]).first()
        if team is None:
            raise CommandError(f"No team {options['team']!r}.", returncode=2)
        data, problems = casefile.load(options["file"])
        try:
            if data is None:
                raise ImportRefused(problems)
            result = import_casefile(
                data,
                by=user,
                team=team,
                source=options["source"],
                as_recorded=options["as_recorded"],
            )
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Nothing was imported: {len(refused.problems)} "
                f"problem{'s' if len(refused.problems) != 1 else ''}."
                + ("" if options["as_recorded"] else AS_RECORDED_HINT),
                returncode=2,
            ) from None
        self.stdout.write(
            f"Imported {result.person}: {result.created} records added, "
            f"{result.updated} matched and updated."
        )
        for note in result.left_out:
            self.stdout.write(note)


def find_person(ref: str) -> Person:
    """A person by record ID (public id) or CHI number."""
    chi = normalise_chi(ref)
    if chi.isdigit():
        people = Person.objects.filter(chi_number=chi)
    else:
        try:
            people = Person.objects.filter(public_id=uuid.UUID(ref))
        except ValueError:
            raise CommandError(f"{ref!r} is not a record ID or CHI number.") from None
    person = people.first()
    if person is None:
        raise CommandError(f"No person with the ID or CHI number {ref!r}.")
    return person

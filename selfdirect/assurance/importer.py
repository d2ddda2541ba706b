"""Import a case file: validate, then write every record through the journey apps'
services (so history and audit are written), all or nothing.

Each record is matched to one imported before by its external reference (the
record's `external_ref`, else its `ref`) in the file's source system: a match is
updated through the service that changes it; no match makes a new record. Every
problem is collected with the path of the record and the reason, and if there is
any, nothing is kept.

Built so far: the person, their relationships, first contacts with signposting and
follow-up, and conversations with outcomes, strengths and risks. A file holding
later stages is refused as a whole, saying which lists cannot be imported yet.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from selfdirect.accounts.models import Team, User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import EditConflict
from selfdirect.people import services as people
from selfdirect.people.models import (
    FirstContact,
    Person,
    Relationship,
    ServiceGroup,
    Signposting,
)

from .casefile import Problem, problems
from .import_conversations import import_conversation
from .models import ExternalReference

IMPORTABLE = {
    "format",
    "format_version",
    "as_of",
    "source",
    "person",
    "first_contacts",
    "conversations",
    "carers_plans",
}

Record = dict[str, Any]


class ImportRefused(Exception):
    def __init__(self, found: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in found[:10]))
        self.problems = found


@dataclass
class Result:
    person: Person | None = None
    created: int = 0
    updated: int = 0
    problems: list[Problem] = field(default_factory=list)


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class _Importer:
    def __init__(self, data: Record, by: User, team: Team, source: str) -> None:
        self.data, self.by, self.team = data, by, team
        self.source = source
        self.result = Result()
        self.known: dict[str, models.Model] = {}

    # Matching records by external reference.
    def _key(self, record: Record) -> str:
        return str(record.get("external_ref") or record["ref"])

    def _match(self, model: type[models.Model], record: Record) -> Any:
        found = ExternalReference.objects.filter(
            source=self.source, record=model._meta.label, external_ref=self._key(record)
        ).first()
        return (
            model._default_manager.filter(pk=found.object_id).first() if found else None
        )

    def _remember(
        self, person: Person, row: models.Model, record: Record, new: bool
    ) -> None:
        self.known[record["ref"]] = row
        if new:
            self.result.created += 1
            ExternalReference.objects.create(
                person=person,
                source=self.source,
                record=row._meta.label,
                external_ref=self._key(record),
                object_id=row.pk,
            )
        else:
            self.result.updated += 1

    def _step(self, path: str, work: Any, *args: Any) -> Any:
        """Run one record's work in a savepoint; a refusal becomes a problem."""
        try:
            with transaction.atomic():
                return work(*args)
        except ValidationError as error:
            for name, messages in (
                error.message_dict.items()
                if hasattr(error, "error_dict")
                else [("", error.messages)]
            ):
                for message in messages:
                    where = f"{path}/{name}" if name and name != "__all__" else path
                    self.result.problems.append(Problem(where, str(message)))
        except EditConflict:
            self.result.problems.append(
                Problem(path, "someone changed this record while it was imported")
            )
        return None

    def run(self) -> Result:
        person = self._step("/person", self._person, self.data["person"])
        if person is None:
            return self.result
        self.result.person = person
        for index, rel in enumerate(self.data["person"].get("relationships", [])):
            self._step(
                f"/person/relationships/{index}", self._relationship, person, rel
            )
        for index, contact in enumerate(self.data.get("first_contacts", [])):
            self._step(f"/first_contacts/{index}", self._first_contact, person, contact)
        for index, conv in enumerate(self.data.get("conversations", [])):
            self._step(
                f"/conversations/{index}",
                self._conversation,
                person,
                conv,
                f"/conversations/{index}",
            )
        return self.result

    def _person(self, record: Record) -> Person:
        codes = record.get("service_groups", [])
        groups = list(ServiceGroup.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {g.code for g in groups})
        if unknown:
            raise ValidationError(
                {"service_groups": f"unknown service group {', '.join(unknown)}"}
            )
        details = people.PersonDetails(
            first_name=record["first_name"],
            last_name=record["last_name"],
            date_of_birth=_day(record["date_of_birth"]),  # type: ignore[arg-type]
            preferred_name=record.get("preferred_name", ""),
            chi_number=record.get("chi_number") or None,
            postcode=record.get("postcode", ""),
            communication_needs=record.get("communication_needs", ""),
            preferred_language=record.get("preferred_language", ""),
        )
        person = self._match(Person, record)
        if person is None:
            person = people.add_person(
                by=self.by, team=self.team, details=details, service_groups=groups
            )
            self._remember(person, person, record, new=True)
        else:
            people.update_person(
                person=person,
                by=self.by,
                version=person.version,
                details=details,
                status=person.status,
                service_groups=groups,
            )
            self._remember(person, person, record, new=False)
        return person

    def _relationship(self, person: Person, record: Record) -> None:
        found = self._match(Relationship, record)
        if found is not None:  # no service changes one: kept as it is
            self._remember(person, found, record, new=False)
            return
        row = people.add_relationship(
            person=person,
            by=self.by,
            details=people.RelationshipDetails(
                kind=record["kind"],
                name=record.get("name", ""),
                description=record.get("description", ""),
                lives_with_person=record.get("lives_with_person", False),
            ),
        )
        self._remember(person, row, record, new=True)

    def _first_contact(self, person: Person, record: Record) -> None:
        contact = self._match(FirstContact, record)
        places = record.get("signposting", [])
        if contact is None:
            contact = people.record_first_contact(
                person=person,
                by=self.by,
                team=self.team,
                details=people.FirstContactDetails(
                    contact_date=_day(record["contact_date"]),  # type: ignore[arg-type]
                    made_by=record.get("made_by", "other"),
                    reason=record.get("reason", ""),
                    sds_discussed=record["sds_discussed"],
                    outcome=record["outcome"],
                    made_by_name=record.get("made_by_name", ""),
                    what_matters=record.get("what_matters", ""),
                    sds_not_discussed_reason=record.get("sds_not_discussed_reason", ""),
                    follow_up_due=_day(record.get("follow_up_due")),
                ),
                signposted_to=[p["support_name"] for p in places],
            )
            self._remember(person, contact, record, new=True)
            for signposting, place in zip(
                contact.signpostings.order_by("id"), places, strict=True
            ):
                self._remember(person, signposting, place, new=True)
        else:
            self._remember(person, contact, record, new=False)
            for index, place in enumerate(places):
                found = self._match(Signposting, place)
                if found is None:
                    raise ValidationError(
                        {
                            f"signposting/{index}": "signposting is recorded with its "
                            "first contact: it cannot be added to one imported before"
                        }
                    )
                self._remember(person, found, place, new=False)
        if record.get("followed_up_on"):
            rows = {
                place["ref"]: self.known[place["ref"]].pk
                for place in places
                if place["ref"] in self.known
            }
            people.record_follow_up(
                contact=contact,
                by=self.by,
                version=contact.version,
                followed_up_on=_day(record["followed_up_on"]),  # type: ignore[arg-type]
                result=record.get("follow_up_result", ""),
                notes=record.get("follow_up_notes", ""),
                used={
                    rows[p["ref"]]: p.get("used_it") for p in places if p["ref"] in rows
                },
                met={
                    rows[p["ref"]]: p.get("need_met")
                    for p in places
                    if p["ref"] in rows
                },
            )

    def _conversation(self, person: Person, record: Record, path: str) -> None:
        import_conversation(self, person, record)


def import_casefile(
    data: Any, *, by: User, team: Team, source: str | None = None
) -> Result:
    """Import one case file, all or nothing. Raises ImportRefused with every problem
    (path and reason) and changes nothing if any record cannot be imported."""
    found = problems(data)
    if not found:
        found = [
            Problem(
                f"/{key}",
                f"importing {key.replace('_', ' ')} is not built yet; remove them to import the rest",
            )
            for key, value in data.items()
            if key not in IMPORTABLE and value
        ]
    if found:
        raise ImportRefused(found)
    system = source or (data.get("source") or {}).get("system") or "unknown"
    with transaction.atomic():
        result = _Importer(data, by, team, system).run()
        if result.problems:
            raise ImportRefused(result.problems)
        assert result.person is not None  # noqa: S101 - run() returns only then
        record_event(
            actor=by,
            action="casefile.imported",
            person_id=result.person.pk,
            source=system,
            created=result.created,
            updated=result.updated,
        )
    return result

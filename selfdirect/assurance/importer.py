"""Import a case file: validate, then write every record through the journey apps'
services (so history and audit are written), all or nothing.

Each record is matched to one imported before by its external reference (the
record's `external_ref`, else its `ref`) in the file's source system: a match is
updated through the service that changes it; no match makes a new record. Every
problem is collected with the path of the record and the reason, and if there is
any, nothing is kept.

Every stage is imported, each by its own module, in the order the journey's
rules need: the person, relationships, first contacts with signposting and
follow-up, conversations (`import_conversations`); information given, independent
support, choices and indicative budgets (`import_choosing`); panel requests made
for a budget alone (`import_panel`); then each plan in turn (`import_plans`): its
draft with outcomes, supports and contingency, the panel requests for it, its
agreement, its reviews (`import_reviews`) and its next review date. The delivery
summary is export-only (payments and returns stay in the system of record): it is
left out of an import, and the result says so.
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

from .casefile import Problem, problems, schema
from .import_carers import import_carer_plan
from .import_choosing import (
    import_budget,
    import_choice,
    import_independent,
    import_information,
)
from .import_conversations import import_conversation
from .import_panel import import_request
from .import_plans import agree_plan, finish_plan, import_plan
from .import_reviews import import_review
from .models import ExternalReference

# Summaries a case file carries for reading, not imported (see the docstring).
EXPORT_ONLY = {"delivery"}
# The case file's top-level keys an import reads.
IMPORTABLE = set(schema()["properties"]) - EXPORT_ONLY

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
    left_out: list[str] = field(default_factory=list)


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class _Importer:
    def __init__(
        self, data: Record, by: User, team: Team, source: str, as_recorded: bool
    ) -> None:
        self.data, self.by, self.team = data, by, team
        self.source = source
        self.as_recorded = as_recorded
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

    def _savepoint(self, work: Any, *args: Any) -> Any:
        """Run one record's work in a savepoint: if it is refused, what it had
        remembered is forgotten with what it wrote."""
        known = dict(self.known)
        try:
            with transaction.atomic():
                return work(*args)
        except (ValidationError, EditConflict):
            self.known = known
            raise

    def _step(self, path: str, work: Any, *args: Any) -> Any:
        """Run one record's work in a savepoint; a refusal becomes a problem."""
        try:
            return self._savepoint(work, *args)
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
        self._choosing(person)
        self._later(person)
        plans = sorted(
            enumerate(self.data.get("carers_plans", [])),
            key=lambda pair: (pair[1]["started_on"], pair[0]),
        )
        for index, plan in plans:
            self._step(f"/carers_plans/{index}", import_carer_plan, self, person, plan)
        self.result.left_out = [
            f"/{key}: the delivery summary is not imported (payments and returns "
            "stay in the system of record)"
            for key in sorted(EXPORT_ONLY)
            if self.data.get(key)
        ]
        return self.result

    def _choosing(self, person: Person) -> None:
        for key, work in (
            ("information_given", import_information),
            ("independent_support", import_independent),
            ("choices", import_choice),
            ("budgets", import_budget),
        ):
            for index, record in enumerate(self.data.get(key, [])):
                self._step(f"/{key}/{index}", work, self, person, record)

    def _later(self, person: Person) -> None:
        requests = list(enumerate(self.data.get("panel_requests", [])))
        reviews = list(enumerate(self.data.get("reviews", [])))
        for index, record in requests:
            if not record.get("plan_ref"):
                self._step(
                    f"/panel_requests/{index}", import_request, self, person, record
                )
        plans = sorted(
            enumerate(self.data.get("plans", [])),
            key=lambda pair: (pair[1]["started_on"], pair[0]),
        )
        for index, plan in plans:
            path = f"/plans/{index}"
            self._step(path, import_plan, self, person, plan)
            if plan["ref"] not in self.known:
                continue
            for at, record in requests:
                if record.get("plan_ref") == plan["ref"]:
                    self._step(
                        f"/panel_requests/{at}", import_request, self, person, record
                    )
            own = [(at, r) for at, r in reviews if r["plan_ref"] == plan["ref"]]
            before = len(self.result.problems)
            self._step(path, agree_plan, self, plan, [r for _, r in own])
            if len(self.result.problems) > before:
                continue  # its reviews need it agreed: the problem says why not
            for at, record in sorted(own, key=lambda p: (p[1]["started_on"], p[0])):
                self._step(f"/reviews/{at}", import_review, self, person, record)
            self._step(path, finish_plan, self, plan)

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
    data: Any,
    *,
    by: User,
    team: Team,
    source: str | None = None,
    as_recorded: bool = False,
) -> Result:
    """Import one case file, all or nothing. Raises ImportRefused with every problem
    (path and reason) and changes nothing if any record cannot be imported.

    `as_recorded` (migrating an old system's records): the practice rules that
    refuse poor practice in new work are not applied to these historical records,
    which are saved as they were recorded; rules of data integrity still are."""
    found = problems(data)
    if found:
        raise ImportRefused(found)
    system = source or (data.get("source") or {}).get("system") or "unknown"
    with transaction.atomic():
        result = _Importer(data, by, team, system, as_recorded).run()
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
            as_recorded=as_recorded,
        )
    return result

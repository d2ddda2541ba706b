"""selfdirect casefile import: through the services, all or nothing, matched by
external reference on a second import, and back out again by export."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from selfdirect.assurance import casefile, export
from selfdirect.assurance.importer import ImportRefused, import_casefile
from selfdirect.assurance.models import ExternalReference
from selfdirect.audit.models import AuditEvent
from selfdirect.conversations.models import Conversation, PersonalOutcome
from selfdirect.people.models import FirstContact, Person
from selfdirect.testing.personas import Personas

FILES = Path(__file__).resolve().parents[3] / "tests" / "data" / "casefiles"
LATER = (
    "information_given",
    "independent_support",
    "choices",
    "budgets",
    "plans",
    "panel_requests",
    "delivery",
    "reviews",
)


def early(name: str = "good-full-journey.json") -> dict[str, Any]:
    """A hand-written case file cut to the stages import covers."""
    data = json.loads((FILES / name).read_text())
    for key in LATER:
        data.pop(key, None)
    data["person"]["chi_number"] = ""
    return data


def counts() -> tuple[int, ...]:
    return (
        Person.objects.count(),
        FirstContact.objects.count(),
        Conversation.objects.count(),
        PersonalOutcome.objects.count(),
        ExternalReference.objects.count(),
    )


def test_an_import_writes_through_the_services_with_history_and_audit(
    personas: Personas,
) -> None:
    result = import_casefile(early(), by=personas.practitioner_a, team=personas.team_a)
    person = result.person
    assert person is not None
    conversation = person.conversations.get()
    assert conversation.state == "agreed"
    assert [o.words for o in conversation.outcomes.order_by("id")] == [
        "I want to get back to my lunch club at the church hall on Thursdays",
        "I want to stay living in my own home near my friends",
    ]
    assert conversation.outcomes.first().wording_kind == "outcome"  # type: ignore[union-attr]
    assert conversation.history.first().history_user == personas.practitioner_a  # type: ignore[attr-defined]
    assert person.first_contacts.get().sds_discussed is True
    assert AuditEvent.objects.filter(action="casefile.imported", person=person).exists()
    assert AuditEvent.objects.filter(action="person.added", person=person).exists()


def test_importing_the_same_file_again_updates_rather_than_duplicates(
    personas: Personas,
) -> None:
    data = early("signposted-good.json")
    data["first_contacts"][0]["followed_up_on"] = None
    first = import_casefile(data, by=personas.practitioner_a, team=personas.team_a)
    before = counts()
    data["person"]["preferred_name"] = "Al"
    data["first_contacts"][0].update(followed_up_on="2026-06-02")
    data["first_contacts"][0]["signposting"][0]["used_it"] = False
    second = import_casefile(data, by=personas.practitioner_a, team=personas.team_a)
    assert counts() == before
    assert second.created == 0 and second.updated == first.created
    person = Person.objects.get(pk=first.person.pk)  # type: ignore[union-attr]
    assert person.preferred_name == "Al"
    contact = person.first_contacts.get()
    assert contact.followed_up_on is not None
    assert contact.signpostings.order_by("id").first().used_it is False  # type: ignore[union-attr]


def test_a_malformed_file_changes_nothing_and_says_where(personas: Personas) -> None:
    before = counts()
    data = early()
    data["conversations"][0]["risks"][0]["review_on"] = None  # a service refusal
    data["person"]["service_groups"] = ["no_such_group"]
    with pytest.raises(ImportRefused) as refused:
        import_casefile(data, by=personas.practitioner_a, team=personas.team_a)
    assert counts() == before
    paths = [p.path for p in refused.value.problems]
    assert paths == ["/person/service_groups"]  # the person is needed for the rest

    data = early()
    data["conversations"][0]["risks"][0]["review_on"] = None
    with pytest.raises(ImportRefused) as refused:
        import_casefile(data, by=personas.practitioner_a, team=personas.team_a)
    assert counts() == before
    assert [p.path for p in refused.value.problems] == [
        "/conversations/0/risks/0/review_on"
    ]


def test_a_file_failing_the_schema_is_refused(
    personas: Personas,
) -> None:
    before = counts()
    data = early()
    del data["first_contacts"][0]["sds_discussed"]
    with pytest.raises(ImportRefused) as refused:
        import_casefile(data, by=personas.practitioner_a, team=personas.team_a)
    assert str(refused.value.problems[0]) == (
        "/first_contacts/0: 'sds_discussed' is a required property"
    )
    assert counts() == before


def test_round_trip_a_file_in_and_out_again(personas: Personas) -> None:
    data = early()
    result = import_casefile(data, by=personas.practitioner_a, team=personas.team_a)
    out = export.build(result.person, as_of=None)  # type: ignore[arg-type]
    assert casefile.problems(out) == []

    def essence(file: dict[str, Any]) -> dict[str, Any]:
        conv = file["conversations"][0]
        return {
            "person": {
                k: file["person"][k]
                for k in ("first_name", "last_name", "date_of_birth")
            },
            "relationships": [r["kind"] for r in file["person"]["relationships"]],
            "contacts": [
                (c["contact_date"], c["sds_discussed"], c["outcome"])
                for c in file["first_contacts"]
            ],
            "outcomes": [o["words"] for o in conv["outcomes"]],
            "strengths": sorted(s["description"] for s in conv["strengths"]),
            "risks": [(r["risk"], r["agreed_actions"]) for r in conv["risks"]],
            "carer": (conv["carer_views"], conv["carer_offered_support_plan"]),
            "state": conv["state"],
        }

    assert essence(out) == essence(data)
    assert out["person"]["external_ref"] == "CF-1001"
    assert [o["external_ref"] for o in out["conversations"][0]["outcomes"]] == [
        "c1-o1",
        "c1-o2",
    ]
    # The file exported, imported again from the same system: matched, not doubled.
    again = copy.deepcopy(out)
    again["source"] = data["source"]
    before = counts()
    second = import_casefile(again, by=personas.practitioner_a, team=personas.team_a)
    assert counts() == before
    assert second.person == result.person
    assert second.created == 0


def test_the_command_prints_each_problem_and_imports_nothing(
    personas: Personas, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    data = early()
    data["conversations"][0]["strengths"][0]["kind"] = "magic"
    path.write_text(json.dumps(data))
    before = counts()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "casefile",
            "import",
            str(path),
            "--user",
            personas.practitioner_a.username,
            "--team",
            personas.team_a.name,
        )
    assert "/conversations/0/strengths/0/kind" in capsys.readouterr().err
    assert counts() == before
    path.write_text(json.dumps(early()))
    call_command(
        "casefile",
        "import",
        str(path),
        "--user",
        personas.practitioner_a.username,
        "--team",
        personas.team_a.name,
    )
    assert counts() != before

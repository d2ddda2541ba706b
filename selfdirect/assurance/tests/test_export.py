"""selfdirect casefile export: a valid case file, built in a bounded number of
queries, recorded as an export."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from selfdirect.assurance import casefile, export, reader
from selfdirect.audit.models import AccessLog, AuditEvent
from selfdirect.choices.services import record_information_given
from selfdirect.testing.personas import Personas

pytestmark = pytest.mark.journey("reviews", "panel", "delivery")


def test_the_export_is_a_valid_case_file_the_reader_can_read(
    personas: Personas,
) -> None:
    data = export.build(personas.person)
    assert casefile.problems(data) == []
    assert data["person"]["ref"] == str(personas.person.public_id)
    for kind in ("first_contacts", "conversations", "plans", "reviews"):
        assert data[kind], kind
    answers = reader.read(data)
    assert len(answers) == 16


def test_the_queries_do_not_grow_with_the_record(
    personas: Personas, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(40) as captured:
        export.build(personas.person)
    first = len(captured.captured_queries)
    plan = personas.person.support_plans.get()
    for n in range(5):
        plan.outcomes.create(
            words=f"I want to swim {n}", written_on=timezone.localdate()
        )
    with django_assert_max_num_queries(first):
        export.build(personas.person)


def test_the_command_writes_the_file_and_logs_the_export(
    personas: Personas, tmp_path: Path
) -> None:
    out = tmp_path / "case.json"
    call_command(
        "casefile",
        "export",
        str(personas.person.public_id),
        "--out",
        str(out),
        "--user",
        personas.dpo.username,
    )
    data = json.loads(out.read_text())
    assert casefile.problems(data) == []
    assert AuditEvent.objects.filter(
        action="casefile.exported", person=personas.person
    ).exists()
    assert AccessLog.objects.filter(
        user=personas.dpo, person=personas.person, action="export"
    ).exists()


def test_information_given_as_the_form_keeps_it_is_read(personas: Personas) -> None:
    record_information_given(
        person=personas.person,
        by=personas.practitioner_a,
        given_on=timezone.localdate(),
        options_explained=["1", "2", "3", "4"],
        formats=["leaflet"],
        language="English",
        who_else_can_help="",
        amounts={n: (Decimal("150.00"), "week") for n in (1, 2, 3)},
    )
    data = export.build(personas.person)
    assert casefile.problems(data) == []
    assert data["information_given"][0]["options_explained"] == [1, 2, 3, 4]
    answers = {a.id: a.answer for a in reader.read(data)}
    assert answers["options_explained"] == "yes"

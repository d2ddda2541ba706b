import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from simple_history.models import HistoricalChanges

from selfdirect.audit import subject_access
from selfdirect.audit.models import AuditEvent
from selfdirect.people.models import Person
from selfdirect.testing.journey import whole_journey

pytestmark = pytest.mark.journey(*whole_journey())


def _links_to_person(model: type[models.Model], depth: int = 2) -> bool:
    if model is Person:
        return True
    if depth == 0:
        return False
    return any(
        isinstance(field, models.ForeignKey)
        and _links_to_person(field.related_model, depth - 1)
        for field in model._meta.concrete_fields
    )


def test_every_model_linked_to_a_person_is_in_the_subject_access_export() -> None:
    linked = {
        model
        for model in apps.get_models()
        if not issubclass(model, HistoricalChanges)
        and model.__module__.startswith("selfdirect")
        and _links_to_person(model)
    }
    missing = linked - subject_access.registered_models()
    assert not missing, (
        f"List under SUBJECT_ACCESS in hooks.py: {sorted(m._meta.label for m in missing)}"
    )


def test_the_export_holds_every_record_with_its_history(personas) -> None:
    personas.person.relationships.create(kind="unpaid_carer", name="Jean MacLeod")
    data = subject_access.export_person(personas.person)
    titles = {s["title"]: s["records"] for s in data["sections"]}
    assert data["sections"][0]["title"] == "Personal details"
    assert titles["Personal details"][0]["values"]["last_name"] == "MacLeod"
    # (the carers persona adds an unpaid carer of her own, recorded first)
    names = [r["values"]["name"] for r in titles["Relationships"]]
    assert "Jean MacLeod" in names
    assert titles["First contacts"][0]["history"][0]["change"] == "created"
    assert titles["Allocations"][0]["values"]["team"] == "Clydebank North"


def test_the_command_writes_json_and_a_pdf_and_is_audited(
    personas, tmp_path, capsys
) -> None:
    call_command("export-person", str(personas.person.public_id), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["subject"] == "Morag MacLeod"
    pdf = tmp_path / "export.pdf"
    call_command(
        "export-person",
        str(personas.person.public_id),
        "--format",
        "pdf",
        "-o",
        str(pdf),
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="person.exported").count() == 2


def test_the_pdf_is_real_text(personas, tmp_path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "export.pdf"
    call_command(
        "export-person",
        str(personas.person.public_id),
        "--format",
        "pdf",
        "-o",
        str(pdf),
    )
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Information held about Morag MacLeod" in text


def test_the_data_protection_officer_downloads_the_export(client, personas) -> None:
    client.force_login(personas.dpo)
    response = client.get(f"/people/{personas.person.public_id}/export.json")
    assert response["Content-Disposition"].startswith(
        'attachment; filename="subject-access-'
    )
    assert json.loads(b"".join(response.streaming_content))["subject"] == (
        "Morag MacLeod"
    )


def test_the_command_explains_a_bad_or_unknown_reference(db) -> None:
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a record ID"):
        call_command("export-person", "not-a-uuid")
    with pytest.raises(CommandError, match="No person"):
        call_command("export-person", "0101010001")

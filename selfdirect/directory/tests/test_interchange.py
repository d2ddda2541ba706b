import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from selfdirect.directory import hsds
from selfdirect.directory.models import (
    Attribute,
    Organization,
    Phone,
    Schedule,
    Service,
    TaxonomyTerm,
)

# The standard's own examples, kept beside the tests (see PROVENANCE.md there).
EXAMPLES = Path(__file__).resolve().parent / "hsds_examples"


def _export(tmp_path: Path, name: str) -> list[dict]:
    out = tmp_path / name
    call_command("directory", "export", str(out))
    return json.loads(out.read_text())


def _valid(services: list[dict]) -> None:
    validator = hsds.service_validator()
    for service in services:
        assert list(validator.iter_errors(service)) == []


@pytest.mark.django_db
def test_the_standards_json_example_imports_with_everything_it_nests() -> None:
    call_command("directory", "import", str(EXAMPLES / "service_full.json"))
    service = Service.objects.get()
    assert service.name == "Community Counselling"
    assert service.organization.name
    assert service.service_at_locations.get().location.addresses.exists()
    assert Schedule.objects.filter(byday="TH,FR").exists()
    assert Attribute.objects.filter(service=service).exists()
    phone = Phone.objects.get()  # one phone, nested in several places
    assert phone.service_id == service.pk and phone.contact_id is not None


@pytest.mark.django_db
def test_the_standards_csv_package_and_list_import() -> None:
    call_command("directory", "import", str(EXAMPLES / "service_list.json"))
    call_command("directory", "import", str(EXAMPLES / "csv" / "datapackage.json"))
    assert Service.objects.count() == 1  # the same service id in both
    assert Schedule.objects.count() == 1


@pytest.mark.django_db
def test_round_trip_gives_the_same_data_and_validates(tmp_path) -> None:
    call_command("directory", "import", str(EXAMPLES / "service_full.json"))
    from selfdirect.directory.tests.factories import full_service

    full_service(name="Dalmuir lunch club")
    first = _export(tmp_path, "first.json")
    _valid(first)
    for model in (Service, Organization, TaxonomyTerm):
        model.objects.all().delete()
    assert not Service.objects.exists()
    call_command("directory", "import", str(tmp_path / "first.json"))
    second = _export(tmp_path, "second.json")
    _valid(second)
    assert second == first
    assert len(first) == 2


@pytest.mark.django_db
def test_reimporting_updates_instead_of_duplicating(tmp_path) -> None:
    call_command("directory", "import", str(EXAMPLES / "service_full.json"))
    counts = {m: m.objects.count() for m in (Service, Phone, Schedule, Attribute)}
    data = json.loads((EXAMPLES / "service_full.json").read_text())
    data["name"] = "Community Counselling (renamed)"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data))
    call_command("directory", "import", str(changed))
    assert {m: m.objects.count() for m in counts} == counts
    service = Service.objects.get()
    assert service.name == "Community Counselling (renamed)"
    assert service.version == 2


def _malformed(tmp_path: Path) -> Path:
    good = json.loads((EXAMPLES / "service_full.json").read_text())
    no_name = dict(good, id="0d2f4a53-5d11-4a6f-9a4b-6c7c0b7a8f11")
    del no_name["name"]
    bad_status = dict(good, id="1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9", status="open")
    path = tmp_path / "malformed.json"
    path.write_text(json.dumps([good, no_name, bad_status]))
    return path


@pytest.mark.django_db
def test_a_malformed_file_gets_per_record_errors_and_changes_nothing(
    tmp_path, capsys
) -> None:
    with pytest.raises(CommandError, match="2 of 3 records are invalid"):
        call_command("directory", "import", str(_malformed(tmp_path)))
    errors = capsys.readouterr().err
    assert "Record 2" in errors and "'name' is a required property" in errors
    assert "Record 3" in errors and "'open' is not one of" in errors
    assert not Service.objects.exists()
    assert not Organization.objects.exists()


@pytest.mark.django_db
def test_skip_invalid_imports_the_valid_records(tmp_path, capsys) -> None:
    call_command("directory", "import", str(_malformed(tmp_path)), "--skip-invalid")
    assert Service.objects.count() == 1
    assert "Record 3" in capsys.readouterr().err


@pytest.mark.django_db
def test_a_file_that_is_not_json_changes_nothing(tmp_path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{ not json")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("directory", "import", str(path))
    assert not Service.objects.exists()

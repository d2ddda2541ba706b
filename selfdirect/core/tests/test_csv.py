"""One CSV writer for every download, and it never lets a formula through (issue 11)."""

import csv
import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.core.csv import csv_response, neutralise
from selfdirect.directory.tests.factories import ServiceFactory
from selfdirect.people.models import Signposting
from selfdirect.people.tests.factories import FirstContactFactory

SELFDIRECT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("x")', "+1", "-1+1", "@SUM(A1)", "\tx", "\rx"]
)
def test_a_cell_that_a_spreadsheet_would_run_gets_a_quote(cell) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize(
    "cell", ["Lunch club", "", 3, -2, Decimal("-12.50"), None, "a=b"]
)
def test_other_cells_are_left_as_they_are(cell) -> None:
    assert neutralise(cell) == cell


def test_a_download_streams_its_rows_with_a_file_name() -> None:
    response = csv_response("x.csv", iter([["name"], ["=1+1"], ["Walks"]]))
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response.getvalue().decode() == "name\r\n'=1+1\r\nWalks\r\n"


def test_a_service_named_as_a_formula_is_neutralised_in_the_report(client, db) -> None:
    day = datetime.date(2026, 1, 10)
    service = ServiceFactory.create(name='=HYPERLINK("x")')
    contact = FirstContactFactory.create(
        contact_date=day, follow_up_due=day + datetime.timedelta(days=14)
    )
    Signposting.objects.create(
        first_contact=contact, service=service, support_name=service.name
    )
    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    response = client.get(
        reverse("insights:signposting_report"),
        {"download": "csv", "start": "1/1/2026", "end": "31/1/2026"},
    )
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    names = [row[1] for row in rows if row[0] == "service"]
    assert names == ['\'=HYPERLINK("x")']


def test_every_csv_download_uses_the_one_writer() -> None:
    """csv.writer and text/csv appear only in core/csv.py."""
    offenders = [
        str(path.relative_to(SELFDIRECT))
        for path in SELFDIRECT.rglob("*.py")
        if "tests" not in path.parts
        and path.name != "csv.py"
        and re.search(r"csv\.(writer|DictWriter)\(|[\"']text/csv", path.read_text())
    ]
    assert offenders == []


def test_a_large_download_is_written_as_it_is_sent_not_held_whole() -> None:
    made = 0

    def rows():
        nonlocal made
        yield ["number", "name"]
        for number in range(100_000):
            made += 1
            yield [number, "=cell"]

    response = csv_response("big.csv", rows())
    assert made == 0
    chunks = iter(response.streaming_content)  # type: ignore[arg-type]
    first = next(chunks)
    assert 0 < made < 10_000
    assert first.startswith(b"number,name\r\n0,'=cell\r\n")
    assert sum(len(chunk) for chunk in chunks) + len(first) > 1_000_000
    assert made == 100_000

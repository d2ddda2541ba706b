"""An exercise's results and agreement, counted in the database."""

import csv
import datetime
import html
import io
from fractions import Fraction

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import TeamFactory, UserFactory
from selfdirect.assurance.report.queries import exercise_report
from selfdirect.assurance.results import Tally

from .exercise_data import exercise, reading, sampled_file

_reading = reading

SECOND = "second"
C, S = "plan_contingency", "plan_smart"


@pytest.fixture
def lead(db):  # type: ignore[no-untyped-def]
    return UserFactory.create(role=Role.QUALITY_LEAD)


@pytest.fixture
def autumn(lead):  # type: ignore[no-untyped-def]
    """Five files: four read, three of them twice; one reading still going on."""
    inspector = _inspector(30)
    north = TeamFactory.create(name="North")
    south = TeamFactory.create(name="South")
    spring = exercise(lead, "Spring 2026", days_ago=100, complete=True)
    for answer in ("yes", "no"):
        reading(sampled_file(spring, north), lead, [(C, answer, answer)])
    autumn = exercise(lead, "Autumn 2026")
    files = [
        (north, [(C, "yes", "yes"), (S, "no", "no")], [(C, "yes", "yes"), (S, "no", "partly")]),
        (north, [(C, "no", "yes"), (S, "partly", "partly")], [(C, "no", "yes"), (S, "partly", "partly")]),
        (south, [(C, "no", "no"), (S, "no", "no")], [(C, "no", "no"), (S, "no", "no")]),
        (None, [(C, "yes", "yes"), (S, "not_applicable", "not_applicable")], None),
    ]  # fmt: skip
    for team, first, second in files:
        file = sampled_file(autumn, team)
        reading(file, lead, first)
        if second:
            _reading(file, inspector, second, position=SECOND)
    reading(sampled_file(autumn, south), lead, [(C, "yes", "")], complete=False)
    return autumn


def _by_id(items):  # type: ignore[no-untyped-def]
    return {item.criterion: item for item in items}


def test_results_count_first_readings_confirmed_answers_by_team(autumn) -> None:  # type: ignore[no-untyped-def]
    report = exercise_report(autumn)
    assert (report.files, report.files_read) == (5, 4)
    results = _by_id(report.results.criteria)
    assert report.results.teams == ("", "North", "South")
    contingency = results[C]
    assert contingency.tally == Tally(yes=3, no=1)
    assert contingency.tally.term == "most"  # 75% exactly
    assert [(t.team, t.tally.yes, t.tally.applies) for t in contingency.teams] == [
        ("", 1, 1),
        ("North", 2, 2),
        ("South", 0, 1),
    ]
    smart = results[S]
    assert smart.tally == Tally(partly=1, no=2, not_applicable=1)
    assert smart.tally.term == "few"
    assert results["review_on_time"].tally == Tally()


def test_results_compare_with_the_previous_completed_exercise(autumn) -> None:  # type: ignore[no-untyped-def]
    report = exercise_report(autumn)
    assert report.previous is not None
    assert report.previous.name == "Spring 2026"
    contingency = _by_id(report.results.criteria)[C]
    assert contingency.previous == Tally(yes=1, no=1)
    assert contingency.change_display == "up 25 points"
    assert contingency.term_changed
    assert _by_id(report.results.criteria)[S].previous is None


def test_agreement_between_readers(autumn) -> None:  # type: ignore[no-untyped-def]
    readers = _by_id(exercise_report(autumn).readers)
    assert (readers[C].pairs, readers[C].agreed, readers[C].kappa) == (3, 3, 1)
    # plan_smart: (no, partly), (partly, partly), (no, no): observed 2/3, chance 4/9.
    assert readers[S].observed == Fraction(2, 3)
    assert readers[S].expected == Fraction(4, 9)
    assert readers[S].kappa == Fraction(2, 5)
    assert readers["review_on_time"].pairs == 0


def test_agreement_with_the_automatic_reader_and_overrides(autumn) -> None:  # type: ignore[no-untyped-def]
    report = exercise_report(autumn)
    automatic = _by_id(report.automatic)
    # Seven confirmed answers: automatic yes 3 / no 4, people yes 5 / no 2.
    assert automatic[C].pairs == 7
    assert automatic[C].kappa == Fraction(6, 13)
    overrides = _by_id(report.overrides)
    assert (overrides[C].confirmed, overrides[C].overridden) == (7, 2)
    assert overrides[C].needs_work  # 29% > 20%
    assert (overrides[S].confirmed, overrides[S].overridden) == (7, 1)
    assert not overrides[S].needs_work
    assert [rate.criterion for rate in report.needing_work] == [C]


def test_the_report_takes_the_same_queries_however_many_files(
    autumn, lead, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(6):
        exercise_report(autumn)
    for _ in range(5):
        file = sampled_file(autumn, None)
        reading(file, lead, [(C, "no", "no"), (S, "yes", "yes")])
        _reading(file, lead, [(C, "no", "yes")], position=SECOND)
    with django_assert_num_queries(6):
        exercise_report(autumn)


def test_an_exercise_with_nothing_read_yet(lead) -> None:  # type: ignore[no-untyped-def]
    empty = exercise(lead, "Just started")
    report = exercise_report(empty)
    assert report.previous is None
    assert (report.files, report.files_read, report.second_readings) == (0, 0, 0)
    assert all(r.tally == Tally() for r in report.results.criteria)
    assert not report.needing_work


# --- The pages ---------------------------------------------------------------


def _url(name: str, ex) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"assurance:{name}", args=[ex.public_id])


def test_the_results_page(client, lead, autumn, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    client.force_login(lead)
    # sign-in (3, with the session saved: 3 more), the exercise, the report (6)
    with django_assert_max_num_queries(13):
        response = client.get(_url("exercise_results", autumn))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Results: Autumn 2026" in page
    assert "4 of 5 files read" in page
    assert "Compared with the previous completed exercise, Spring 2026." in page
    assert "3 of 4 (75%)" in page
    assert "up 25 points (was 50%, the majority)" in page
    assert 'role="img"' in page  # the chart, with its table
    assert (
        "“Does the plan have contingency arrangements?”: people changed the automatic"
        " answer on 2 of 7 files (29%, more than 20%)"
    ) in html.unescape(page)
    assert "0.40" in page  # the readers' kappa for plan_smart
    # Every table names a criterion by its question, with its id as a hint.
    tables = page[page.index('id="by-team"') :]
    assert tables.count('<th scope="row">Does the plan have contingency') >= 3
    assert '<th scope="row">plan_contingency' not in tables


def _inspector(days: int):  # type: ignore[no-untyped-def]
    until = timezone.localdate() + datetime.timedelta(days=days)
    return UserFactory.create(role=Role.INSPECTOR, access_expires_on=until)


def test_an_inspector_sees_it_while_their_access_lasts(client, autumn) -> None:  # type: ignore[no-untyped-def]
    client.force_login(_inspector(30))
    assert client.get(_url("exercise_results", autumn)).status_code == 200
    client.force_login(_inspector(-1))
    assert client.get(_url("exercise_results", autumn)).status_code == 403


@pytest.mark.parametrize(
    "role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.FINANCE_OFFICER]
)
@pytest.mark.parametrize(
    "name", ["exercise_results", "exercise_results_csv", "exercise_results_pdf"]
)
def test_other_roles_are_refused(client, autumn, role, name) -> None:  # type: ignore[no-untyped-def]
    client.force_login(UserFactory.create(role=role))
    assert client.get(_url(name, autumn)).status_code == 403


def test_anonymous_users_are_sent_to_sign_in(client, autumn) -> None:  # type: ignore[no-untyped-def]
    response = client.get(_url("exercise_results", autumn))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_unknown_exercise_is_not_found(client, lead) -> None:  # type: ignore[no-untyped-def]
    client.force_login(lead)
    url = reverse(
        "assurance:exercise_results",
        args=["00000000-0000-4000-8000-000000000000"],
    )
    assert client.get(url).status_code == 404


def test_the_csv(client, lead, autumn) -> None:  # type: ignore[no-untyped-def]
    client.force_login(lead)
    response = client.get(_url("exercise_results_csv", autumn))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    )
    contingency = [r for r in rows if r["criterion"] == C]
    assert [r["team"] for r in contingency] == [
        "all teams",
        "no team",
        "North",
        "South",
    ]
    whole = contingency[0]
    assert (whole["yes"], whole["applies_to"], whole["percent_yes"]) == ("3", "4", "75")
    assert (whole["quantity_term"], whole["change_points"]) == ("most", "25")
    assert (whole["percent_overridden"], whole["rule_needs_work"]) == ("29", "yes")
    assert whole["kappa_between_readers"] == "1.00"
    assert len(rows) == 16 * 4


def test_the_pdf_is_tagged_with_the_results_in_it(client, lead, autumn) -> None:  # type: ignore[no-untyped-def]
    client.force_login(lead)
    response = client.get(_url("exercise_results_pdf", autumn))
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    assert "/StructTreeRoot" in pdf.root_object
    assert pdf.root_object["/Lang"] == "en-GB"
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Autumn 2026" in text
    assert "needs work" in text

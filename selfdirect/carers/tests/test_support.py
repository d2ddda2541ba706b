"""(i) Support for eligible needs through the four options, with an indicative
budget from a budget method kept for carers, and (j) signposting followed up as
at first contact: the services, bad input changing nothing, version checks,
who may do what through the chokepoint, the subject access export and pages."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from selfdirect.accounts.roles import Action
from selfdirect.audit import subject_access
from selfdirect.audit.models import AuditEvent
from selfdirect.budgets import selectors as budget_selectors
from selfdirect.budgets.models import BudgetMethod, IndicativeBudget
from selfdirect.carers import services, support_rules, support_services
from selfdirect.carers.details import (
    FollowUpDetails,
    SharingDetails,
    SignpostingDetails,
    SupportDetails,
)
from selfdirect.carers.models import CarerPlan, CarerSignposting, CarerSupport
from selfdirect.carers.permissions import access_plan
from selfdirect.carers.support_selectors import (
    carers_method,
    signposting_follow_ups_due,
)
from selfdirect.core.concurrency import EditConflict
from selfdirect.directory.tests.factories import ServiceFactory

pytestmark = pytest.mark.journey("carers")

TODAY = timezone.localdate()
ANSWERS = {"hours": "50_plus", "breaks": "rarely", "health": "substantial"}


def _plan(personas) -> CarerPlan:
    return personas.person.carer_records.get().plans.get()


def _support(**changes) -> SupportDetails:
    values = {
        "what": "A day centre place for Donald on Wednesdays",
        "option": 3,
        "yearly_amount": Decimal("1200.00"),
        "chosen_by": "carer",
        "chosen_by_name": "",
        "chosen_on": datetime.date(2026, 2, 1),
    }
    return SupportDetails(**{**values, **changes})


def _work_out(personas, plan=None):
    plan = plan or _plan(personas)
    method = carers_method(TODAY)
    assert method is not None
    return support_services.work_out_budget(
        plan=plan,
        by=personas.practitioner_a,
        version=plan.version,
        method=method,
        worked_out_on=TODAY,
        answers=ANSWERS,
    )


def test_the_example_carers_method_is_kept_apart_from_a_persons_own(db) -> None:
    method = carers_method(TODAY)
    assert method is not None and method.for_carers and method.illustrative
    own = budget_selectors.current_method(BudgetMethod.Kind.RAS, TODAY)
    assert own is not None and not own.for_carers
    assert all(
        not m.for_carers for m in budget_selectors.current_methods(TODAY).values()
    )


def test_the_indicative_budget_comes_from_the_carers_method(personas) -> None:
    plan = _plan(personas)
    budget = _work_out(personas)
    plan.refresh_from_db()
    assert plan.budget == budget and plan.version == 2
    # 8 + 5 points, and 4 x 1.5: 19 points, in the band from 14.
    assert budget.amount == Decimal("1500.00")
    assert budget.person == personas.person and budget.method.for_carers
    assert budget.inputs["service_group"] == ""
    assert AuditEvent.objects.filter(action="carer.budget").exists()
    assert AuditEvent.objects.filter(action="budget.worked_out").exists()
    # It belongs to the carer's plan, never to the carer's own support journey.
    assert not IndicativeBudget.objects.own_support().filter(pk=budget.pk).exists()
    assert list(budget_selectors.budgets_of(personas.person)) == []


def test_a_budget_needs_an_eligible_need_and_a_carers_method(personas) -> None:
    plan = _plan(personas)
    plan.impacts.update(level="low")
    with pytest.raises(ValidationError):
        _work_out(personas, plan)
    own = budget_selectors.current_method(BudgetMethod.Kind.RAS, TODAY)
    assert own is not None
    with pytest.raises(ValidationError):
        support_services.work_out_budget(
            plan=_plan(personas),
            by=personas.practitioner_a,
            version=1,
            method=own,
            worked_out_on=TODAY,
            answers=ANSWERS,
        )
    assert not IndicativeBudget.objects.exists()
    assert _plan(personas).budget is None


def test_a_stale_version_changes_nothing(personas) -> None:
    plan = _plan(personas)
    _work_out(personas, plan)
    stale = CarerPlan.objects.get(pk=plan.pk)
    stale.version = 1
    with pytest.raises(EditConflict):
        _work_out(personas, stale)
    assert IndicativeBudget.objects.count() == 1


def test_an_option_per_element_and_who_chose_when(personas) -> None:
    plan = _plan(personas)
    row = support_services.add_support(
        plan=plan,
        by=personas.practitioner_a,
        details=_support(
            option=1, chosen_by="representative", chosen_by_name="Kenny MacLeod"
        ),
    )
    assert row.recorded_by == personas.practitioner_a
    assert row.chosen_on == datetime.date(2026, 2, 1)
    options = [s.option for s in plan.supports.all()]
    assert sorted(options) == [1, 2]
    assert support_rules.plan_option(options) == 4  # the choices app's rule
    assert support_rules.plan_option([2, 2]) == 2
    assert AuditEvent.objects.filter(action="carer.option_chosen").count() == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"option": 4}, "option"),
        ({"what": "  "}, "what"),
        ({"chosen_by": "representative"}, "chosen_by_name"),
        ({"chosen_on": datetime.date(2025, 1, 1)}, "chosen_on"),
        ({"chosen_on": TODAY + datetime.timedelta(days=1)}, "chosen_on"),
        ({"yearly_amount": Decimal("-1")}, "yearly_amount"),
    ],
)
def test_bad_support_changes_nothing(personas, changes, field) -> None:
    before = CarerSupport.objects.count()
    with pytest.raises(ValidationError) as error:
        support_services.add_support(
            plan=_plan(personas),
            by=personas.practitioner_a,
            details=_support(**changes),
        )
    assert field in error.value.message_dict
    assert CarerSupport.objects.count() == before


def test_support_through_the_options_needs_an_eligible_need(personas) -> None:
    plan = _plan(personas)
    plan.impacts.update(level="moderate")
    with pytest.raises(ValidationError, match="eligible"):
        support_services.add_support(
            plan=plan, by=personas.practitioner_a, details=_support()
        )


def test_changing_an_option_is_version_checked_and_kept_in_history(personas) -> None:
    row = _plan(personas).supports.get()
    support_services.change_support(
        support=row,
        by=personas.practitioner_a,
        version=row.version,
        details=_support(option=1),
    )
    row.refresh_from_db()
    assert row.option == 1
    assert [h.option for h in row.history.order_by("history_date")] == [2, 1]
    with pytest.raises(EditConflict):
        support_services.change_support(
            support=row, by=personas.practitioner_a, version=1, details=_support()
        )
    row.refresh_from_db()
    assert row.option == 1


def test_signposting_to_the_directory_and_its_follow_up(personas) -> None:
    service = ServiceFactory.create(name="Carers' Yoga")
    plan = _plan(personas)
    row = support_services.add_signposting(
        plan=plan,
        by=personas.practitioner_a,
        details=SignpostingDetails(
            service=service,
            support_name="",
            signposted_on=datetime.date(2026, 2, 1),
            follow_up_due=TODAY,
        ),
    )
    assert row.support_name == "Carers' Yoga"
    due = list(signposting_follow_ups_due(personas.practitioner_a, on=TODAY))
    assert row in due
    assert list(signposting_follow_ups_due(personas.practitioner_b, on=TODAY)) == []
    support_services.record_follow_up(
        signposting=row,
        by=personas.practitioner_a,
        version=row.version,
        details=FollowUpDetails(TODAY, CarerSignposting.Result.NEED_MET, True, ""),
    )
    row.refresh_from_db()
    assert row.result == "need_met" and row.used_it is True
    assert row not in signposting_follow_ups_due(personas.practitioner_a, on=TODAY)
    assert AuditEvent.objects.filter(action="carer.followed_up").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"support_name": ""}, "support_name"),
        ({"follow_up_due": datetime.date(2026, 1, 31)}, "follow_up_due"),
        ({"signposted_on": datetime.date(2025, 12, 1)}, "signposted_on"),
    ],
)
def test_bad_signposting_changes_nothing(personas, changes, field) -> None:
    values = {
        "service": None,
        "support_name": "Men's Shed",
        "signposted_on": datetime.date(2026, 2, 1),
        "follow_up_due": datetime.date(2026, 3, 1),
    }
    before = CarerSignposting.objects.count()
    with pytest.raises(ValidationError) as error:
        support_services.add_signposting(
            plan=_plan(personas),
            by=personas.practitioner_a,
            details=SignpostingDetails(**{**values, **changes}),
        )
    assert field in error.value.message_dict
    assert CarerSignposting.objects.count() == before


def test_a_follow_up_needs_a_result_and_a_sensible_date(personas) -> None:
    row = _plan(personas).signpostings.get()
    for details in (
        FollowUpDetails(TODAY, "", None, ""),
        FollowUpDetails(datetime.date(2026, 1, 1), "need_met", None, ""),
    ):
        with pytest.raises(ValidationError):
            support_services.record_follow_up(
                signposting=row,
                by=personas.practitioner_a,
                version=row.version,
                details=details,
            )
    row.refresh_from_db()
    assert row.followed_up_on is None and row.version == 1


def test_the_cared_for_persons_worker_sees_no_support_or_budget(
    client, personas
) -> None:
    plan = _plan(personas)
    _work_out(personas)
    client.force_login(personas.practitioner_b)
    for name in ("carers:budget", "carers:support", "carers:signposting"):
        assert client.get(reverse(name, args=[plan.public_id])).status_code == 404
    assert client.get(reverse("carers:plan", args=[plan.public_id])).status_code == 404
    budget = _plan(personas).budget
    assert budget is not None
    url = reverse("budgets:detail", args=[personas.person.public_id, budget.public_id])
    assert client.get(url).status_code == 404
    # With the carer's consent they read the plan, with its support, but change
    # nothing.
    carer = plan.carer
    services.record_sharing(
        carer=carer,
        by=personas.practitioner_a,
        version=carer.version,
        details=SharingDetails("", True, datetime.date(2026, 2, 1)),
    )
    page = client.get(reverse("carers:plan", args=[plan.public_id])).content.decode()
    assert "A sitter one evening a week" in page
    assert "£1,500.00 a year" in page
    assert "How the budget was worked out" not in page  # the carer's own record
    assert reverse("carers:support", args=[plan.public_id]) not in page
    assert (
        client.get(reverse("carers:support", args=[plan.public_id])).status_code == 404
    )
    with pytest.raises(Http404):
        access_plan(personas.practitioner_b, plan.public_id, action=Action.CHANGE)


def test_roles_with_no_business_are_refused(client, personas) -> None:
    plan = _plan(personas)
    for user in (personas.finance_officer, personas.administrator):
        with pytest.raises(PermissionDenied):
            access_plan(user, plan.public_id, action=Action.CHANGE)
    client.force_login(personas.inspector)
    assert (
        client.get(reverse("carers:budget", args=[plan.public_id])).status_code == 403
    )


def test_the_subject_access_export_holds_the_carers_support(personas) -> None:
    mine = subject_access.export_person(personas.person)
    titles = {s["title"]: s["records"] for s in mine["sections"]}
    assert titles["Support for a carer's eligible needs and the options chosen"]
    assert titles["Signposting for a carer's other needs"]
    donald = personas.person.carer_records.get().cared_for
    theirs = subject_access.export_person(donald)
    held = {s["title"] for s in theirs["sections"] if s["records"]}
    assert "Signposting for a carer's other needs" not in held


def test_the_pages_work_out_the_budget_add_support_and_signpost(
    client, personas
) -> None:
    plan = _plan(personas)
    local = ServiceFactory.create(name="Clydeview Carers' Centre", description="carers")
    plan.local_services.add(local)
    client.force_login(personas.practitioner_a)
    url = reverse("carers:budget", args=[plan.public_id])
    form = client.get(url).content.decode()
    assert "Illustrative figures" in form and "service_group" not in form
    data = {f"q_{k}": v for k, v in ANSWERS.items()}
    bad = client.post(
        url, {**data, "q_hours": "", "worked_out_on": TODAY.isoformat(), "version": 1}
    )
    assert bad.status_code == 200 and not IndicativeBudget.objects.exists()
    response = client.post(
        url, {**data, "worked_out_on": TODAY.isoformat(), "version": plan.version}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("carers:support", args=[plan.public_id]),
        {
            "what": "Gym membership",
            "option": "1",
            "yearly_amount": "400",
            "chosen_by": "carer",
            "chosen_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("carers:signposting", args=[plan.public_id]),
        {
            "service": local.pk,
            "signposted_on": TODAY.isoformat(),
            "follow_up_due": (TODAY + datetime.timedelta(days=28)).isoformat(),
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("carers:plan", args=[plan.public_id])).content.decode()
    assert "£1,500.00 a year" in page
    assert "How the budget was worked out" in page
    assert "Gym membership" in page and "Overall: option 4" in page
    assert "Clydeview Carers&#x27; Centre" in page
    # (g) and (i)-(j) on the carer's own copy, the page and the PDF.
    mine = client.get(reverse("carers:my_plan", args=[plan.public_id])).content.decode()
    assert "Clydeview Carers&#x27; Centre" in mine  # (g) from the directory
    assert "Your indicative budget is £1,500.00 a year" in mine
    assert "Option 1: direct payment" in mine
    assert "Clydeview Carers&#x27; Walking Group" in mine
    pdf = client.get(reverse("carers:my_plan_pdf", args=[plan.public_id]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    signposting = plan.signpostings.first()
    assert signposting is not None
    follow = reverse("carers:follow_up", args=[plan.public_id, signposting.public_id])
    response = client.post(
        follow,
        {
            "followed_up_on": TODAY.isoformat(),
            "result": "still_needs_help",
            "used_it": "no",
            "version": 1,
        },
    )
    assert response.status_code == 302

"""selfdirect casefile import of carers' plans (format version 3): through the
carers app's services, all or nothing, matched by external reference on a second
import, and the same out and back in again.

The file is tests/data/casefiles/carers/carer-support-plan-reviewed.json: Tom's
own file, as a carer for Isla (whose file is import/panel-on-hold-then-approved)."""

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from selfdirect.assurance import casefile, export
from selfdirect.assurance.importer import ImportRefused, import_casefile
from selfdirect.assurance.models import ExternalReference
from selfdirect.audit.models import AuditEvent
from selfdirect.carers.models import (
    BreakFromCaring,
    Carer,
    CarerOutcome,
    CarerOutcomeReview,
    CarerPlan,
    CarerReview,
    CarerSignposting,
    CarerSupport,
    DomainImpact,
    Offer,
)
from selfdirect.people.models import Person
from selfdirect.testing.personas import Personas

from .test_import_later import differences, essence

FILES = Path(__file__).resolve().parents[3] / "tests" / "data" / "casefiles"
MODELS = (
    Person,
    Carer,
    Offer,
    CarerPlan,
    CarerOutcome,
    BreakFromCaring,
    DomainImpact,
    CarerSupport,
    CarerSignposting,
    CarerReview,
    CarerOutcomeReview,
    ExternalReference,
)


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in MODELS)  # type: ignore[attr-defined]


def tom() -> dict[str, Any]:
    path = FILES / "carers" / "carer-support-plan-reviewed.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def isla(personas: Personas) -> Person:
    """The person Tom cares for, imported first from the same old system."""
    whole = json.loads(
        (FILES / "import" / "panel-on-hold-then-approved.json").read_text()
    )
    only = {
        k: whole[k] for k in ("format", "format_version", "as_of", "source", "person")
    }
    person = import_casefile(
        only, by=personas.practitioner_a, team=personas.team_a
    ).person
    assert person is not None
    return person


def bring_in(personas: Personas, data: dict[str, Any], **kw: Any) -> Any:
    return import_casefile(data, by=personas.practitioner_a, team=personas.team_a, **kw)


def test_the_carers_plan_file_is_valid_and_older_versions_keep_it_empty() -> None:
    data = tom()
    assert casefile.problems(data) == []
    data["format_version"] = 2
    assert [p.path for p in casefile.problems(data)] == ["/carers_plans"]
    data["carers_plans"] = []
    assert casefile.problems(data) == []


def test_a_carers_plan_comes_in_through_the_carers_services(personas: Personas) -> None:
    cared_for = isla(personas)
    result = bring_in(personas, tom())
    carer = Carer.objects.get(person=result.person)
    assert carer.cared_for == cared_for and carer.identified_how == "relationship"
    offer = carer.offers.get()
    assert (offer.kind, offer.answer) == ("acsp", "accepted")
    plan = carer.plans.get()
    assert plan.state == "agreed" and plan.agreed_on == datetime.date(2026, 2, 20)
    assert plan.criteria is not None and plan.criteria.version == "Illustrative 2018"
    assert [o.words for o in plan.outcomes.all()] == [
        "I want to keep working three days a week",
        "I want to get back to my Saturday football",
    ]
    assert plan.impacts.count() == 7 and plan.breaks.get().kind == "day_activity"
    assert plan.supports.get().option == 2
    assert plan.signpostings.get().result == "need_met"
    review = plan.reviews.get()
    assert review.state == "agreed" and review.due_on == datetime.date(2026, 8, 1)
    partly = review.outcome_reviews.get(level__code="partly_met")
    assert [r.code for r in partly.reasons.all()] == ["circumstances_changed"]
    # Agreeing the review moved the plan's review date on, as in the product.
    assert plan.review_on == datetime.date(2027, 7, 1)
    assert plan.history.filter(history_user=personas.practitioner_a).exists()  # type: ignore[attr-defined]
    actions = set(
        AuditEvent.objects.filter(person=result.person).values_list("action", flat=True)
    )
    assert {
        "carer.identified",
        "carer.offered",
        "carer.plan_started",
        "carer.plan_agreed",
        "carer.option_chosen",
        "carer.signposted",
        "carer.review_agreed",
        "casefile.imported",
    } <= actions


def test_out_and_back_in_again_the_same(personas: Personas) -> None:
    isla(personas)
    first = bring_in(personas, tom()).person
    out = export.build(first)
    assert casefile.problems(out) == []
    assert out["carers_plans"][0]["carer"]["cared_for"]["ref"] == "OLD-4001"
    # Imported as a new person (another system's file of the same carer).
    fresh = copy.deepcopy(out)
    fresh["source"] = {"system": "another-system"}
    fresh["person"]["chi_number"] = ""
    for plan in fresh["carers_plans"]:
        cared_for = Carer.objects.get(person=first).cared_for
        assert cared_for is not None
        plan["carer"]["cared_for"]["ref"] = str(cared_for.public_id)
    second = bring_in(personas, fresh).person
    assert second != first
    back = export.build(second)
    assert (
        differences(essence(back)["carers_plans"], essence(out)["carers_plans"]) == []
    )


def test_importing_again_updates_rather_than_duplicates(personas: Personas) -> None:
    isla(personas)
    data = tom()
    draft = copy.deepcopy(data)
    plan = draft["carers_plans"][0]
    plan.update(state="draft", shared_on=None, agreed_on=None, reviews=[])
    first = bring_in(personas, draft)
    before = counts()
    # The draft moved on in the old system: a section changed, then agreed and
    # reviewed.
    data["carers_plans"][0]["future_care"] = "A stairlift is being fitted."
    again = bring_in(personas, data)
    assert again.person == first.person and again.updated > 0
    after = counts()
    assert after[:4] == before[:4]  # no second person, carer, offer or plan
    assert CarerReview.objects.count() == 1
    plan_row = CarerPlan.objects.get()
    assert plan_row.state == "agreed" and plan_row.future_care.startswith("A stairlift")
    assert plan_row.history.count() > 3  # type: ignore[attr-defined]
    # And a third time, nothing new at all.
    assert bring_in(personas, data).created == 0
    assert counts() == after


def test_a_malformed_carers_plan_changes_nothing_and_names_its_path(
    personas: Personas,
) -> None:
    isla(personas)
    before = counts()
    data = tom()
    data["carers_plans"][0]["impacts"][0]["domain"] = "sleep"
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    assert [p.path for p in refused.value.problems] == [
        "/carers_plans/0/impacts/0/domain"
    ]
    assert counts() == before

    data = tom()
    data["carers_plans"][0]["carer"]["cared_for"]["ref"] = "OLD-9999"
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    assert [str(p) for p in refused.value.problems] == [
        "/carers_plans/0/carer/cared_for/ref: no person 'OLD-9999' from "
        "'old-recording-system' is imported: import the cared-for person's file first"
    ]
    assert counts() == before

    data = tom()
    data["carers_plans"][0]["kind"] = "ycs"
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    assert [p.path for p in refused.value.problems] == ["/carers_plans/0/kind"]
    assert counts() == before

    data = tom()
    data["carers_plans"][0]["reviews"][0]["outcomes"][1]["carer_outcome_ref"] = "x"
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    assert [p.path for p in refused.value.problems] == [
        "/carers_plans/0/reviews/0/outcomes/1/carer_outcome_ref"
    ]
    assert counts() == before


def test_carers_plans_are_exported_in_a_fixed_number_of_queries(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    """Two carers' files take the queries one does: no query per plan or part."""
    isla(personas)
    one = bring_in(personas, tom()).person
    other = tom()
    other["source"] = {"system": "another-system"}
    other["person"]["first_name"] = "Tam"
    other["carers_plans"][0]["carer"]["cared_for"] = None
    two = bring_in(personas, other).person
    with CaptureQueriesContext(connection) as single:
        export.build_many([one.pk])
    with django_assert_num_queries(len(single.captured_queries)):
        files = export.build_many([one.pk, two.pk])
    assert [len(f["carers_plans"]) for f in files.values()] == [1, 1]

"""selfdirect casefile import of the later stages (plans, panel, reviews, and the
choices and budgets they stand on): through the services, all or nothing, matched
by external reference on a second import.

The files are in tests/data/casefiles/import/, written by hand from the seed's
descriptions of practice (each file's source.note says which)."""

import copy
import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from selfdirect.assurance.importer import ImportRefused, import_casefile
from selfdirect.assurance.models import ExternalReference
from selfdirect.audit.models import AuditEvent
from selfdirect.budgets.models import DelegatedLimit, IndicativeBudget
from selfdirect.choices.models import (
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from selfdirect.panel.models import PanelDecision, PanelSubmission
from selfdirect.plans.models import PlanOutcome, Support, SupportPlan
from selfdirect.reviews.models import OutcomeAttainment, Review, SupportReview
from selfdirect.testing.personas import Personas

FILES = Path(__file__).resolve().parents[3] / "tests" / "data" / "casefiles" / "import"
LATER_MODELS = (
    InformationGiven,
    IndependentSupport,
    SupportChoice,
    IndicativeBudget,
    SupportPlan,
    PlanOutcome,
    Support,
    PanelSubmission,
    PanelDecision,
    Review,
    OutcomeAttainment,
    SupportReview,
    ExternalReference,
)


@pytest.fixture(autouse=True)
def scheme_of_delegation(db: Any) -> None:
    """The delegated limits in force when the old system's records were made (a
    partnership moving its records loads its scheme of delegation first)."""
    DelegatedLimit.objects.create(
        role="practitioner",
        yearly_amount=Decimal("12000.00"),
        valid_from=datetime.date(2020, 4, 1),
    )


def load(name: str) -> dict[str, Any]:
    return json.loads((FILES / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in LATER_MODELS)  # type: ignore[attr-defined]


def bring_in(personas: Personas, data: dict[str, Any]) -> Any:
    return import_casefile(data, by=personas.practitioner_a, team=personas.team_a)


def test_a_plan_its_panel_and_its_review_come_in_through_the_services(
    personas: Personas,
) -> None:
    result = bring_in(personas, load("panel-on-hold-then-approved.json"))
    person = result.person
    plan = person.support_plans.get()
    assert plan.state == "agreed" and plan.has_contingency
    assert [o.words for o in plan.outcomes.order_by("id")] == [
        "I want to get back to my allotment with my friends",
        "I want to wash and dress myself in the mornings so Tom can go to work",
    ]
    assert all(o.personal_outcome_id for o in plan.outcomes.all())
    assert plan.outcomes.filter(smart_measurable=True).count() == 2
    lifts = plan.supports.get(provided_by="community")
    assert (lifts.used_it, lifts.need_met) == (True, True)
    assert plan.budget.workings[0]["step"] == "brought_in"
    # Put on hold, sent back, then approved: two decisions, the person told of each.
    submission = person.panel_submissions.get()
    assert submission.state == "decided" and submission.resubmitted_on
    decisions = submission.decisions.order_by("decided_on")
    assert [(d.outcome, d.told_how) for d in decisions] == [
        ("deferred", "phone"),
        ("approved", "letter"),
    ]
    review = person.reviews.get()
    assert review.state == "agreed" and review.due_on == datetime.date(2026, 9, 20)
    partly = review.attainments.get(level__code="partly_met")
    assert [r.code for r in partly.reasons.all()] == ["provider_capacity"]
    assert review.support_reviews.get(delivered_as_planned=False).feedback == {
        "in_control": "partly"
    }
    plan.refresh_from_db()
    assert plan.review_on == datetime.date(2027, 3, 20)
    assert SupportChoice.objects.get(person=person).elements.count() == 2
    assert InformationGiven.objects.get(person=person).amounts.count() == 3
    assert IndependentSupport.objects.get(person=person).status == "supporting"
    # History and audit, as when a practitioner records them.
    assert plan.history.filter(history_user=personas.practitioner_a).exists()  # type: ignore[attr-defined]
    actions = set(
        AuditEvent.objects.filter(person=person).values_list("action", flat=True)
    )
    assert {
        "budget.worked_out",
        "plan.agreed",
        "panel.submitted",
        "panel.decided",
        "panel.person_told",
        "review.agreed",
        "casefile.imported",
    } <= actions
    assert result.left_out == [
        "/delivery: the delivery summary is not imported (payments and returns "
        "stay in the system of record)"
    ]


def test_a_new_version_after_a_review_replaces_the_plan(personas: Personas) -> None:
    person = bring_in(personas, load("new-plan-version-after-review.json")).person
    first, second = person.support_plans.order_by("started_on")
    assert (first.state, second.state) == ("replaced", "agreed")
    assert second.replaces == first
    review = person.reviews.get()
    assert review.plan == first and review.new_plan == second
    assert [s.what for s in second.supports.order_by("id")] == [
        "Job coach at the cafe",
        "His pals from the bowling club",
    ]
    assert second.outcomes.count() == 2
    assert second.review_on == datetime.date(2027, 2, 13)


def test_importing_the_same_file_again_updates_rather_than_duplicates(
    personas: Personas,
) -> None:
    data = load("panel-on-hold-then-approved.json")
    data["panel_requests"][0]["decisions"][1]["told_on"] = None
    data["panel_requests"][0]["decisions"][1]["told_how"] = ""
    draft = load("new-plan-version-after-review.json")
    draft["plans"][1]["state"] = "draft"
    first = bring_in(personas, data)
    bring_in(personas, draft)
    before = counts()
    # The person was told since; the draft plan's contingency changed.
    data["panel_requests"][0]["decisions"][1].update(
        told_on="2026-03-27", told_how="letter"
    )
    draft["plans"][1]["contingency"]["out_of_hours"] = "Out of hours team"
    again = bring_in(personas, data)
    bring_in(personas, draft)
    assert counts() == before
    assert again.created == 0 and again.person == first.person
    decision = PanelDecision.objects.get(outcome="approved")
    assert decision.told_on == datetime.date(2026, 3, 27)
    plan = SupportPlan.objects.get(state="draft")
    assert plan.out_of_hours == "Out of hours team"
    assert plan.history.count() > 1  # type: ignore[attr-defined]


def test_a_malformed_later_record_changes_nothing_and_names_its_path(
    personas: Personas,
) -> None:
    before = counts()
    data = load("panel-on-hold-then-approved.json")
    data["reviews"][0]["attainments"][0]["reasons"] = []  # partly met, no reason
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    assert [str(p) for p in refused.value.problems] == [
        "/reviews/0/attainments/0: Choose at least one reason the outcome was not "
        "fully met."
    ]
    assert counts() == before

    data = load("panel-on-hold-then-approved.json")
    data["panel_requests"][0]["decisions"][1]["present"] = ""
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    paths = [p.path for p in refused.value.problems]
    assert paths[0] == "/panel_requests/0/decisions/1/present"
    assert "/plans/0" in paths  # not approved, so it cannot be agreed: said too
    assert counts() == before

    data = load("panel-on-hold-then-approved.json")
    data["plans"][0]["supports"][0]["provided_by"] = "a neighbour"
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    assert refused.value.problems[0].path == "/plans/0/supports/0/provided_by"
    assert counts() == before


def test_a_plan_without_the_option_chosen_for_its_support_is_refused(
    personas: Personas,
) -> None:
    before = counts()
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, load("plan-option-not-chosen.json"))
    assert [str(p) for p in refused.value.problems] == [
        "/plans/0/supports/0/option: Select the SDS option for this support: it is "
        "paid for from the budget."
    ]
    assert counts() == before


def test_a_plan_whose_budget_or_conversation_is_missing_says_so(
    personas: Personas,
) -> None:
    before = counts()
    data = load("new-plan-version-after-review.json")
    data["budgets"] = []
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    assert "/plans/0/budget_ref: no record 'b-4002' in budgets" in [
        str(p) for p in refused.value.problems
    ]
    data = load("new-plan-version-after-review.json")
    data["plans"][0]["conversation_ref"] = None
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    assert refused.value.problems[0].path == "/plans/0/conversation_ref"
    assert "agreed conversation" in refused.value.problems[0].reason
    data = copy.deepcopy(load("panel-on-hold-then-approved.json"))
    data["panel_requests"][0]["budget_ref"] = None
    with pytest.raises(ImportRefused) as refused:
        bring_in(personas, data)
    assert refused.value.problems[0].path == "/panel_requests/0/budget_ref"
    assert counts() == before


def essence(file: dict[str, Any]) -> Any:
    """A case file without what names records rather than says what they are:
    refs, external refs, when it was exported, and the parts an import does not
    bring or works out again by its own rules (delivery is export-only; who gave
    the information, the team and a budget's authority are the importer's)."""
    dropped = {"ref", "external_ref", "source", "given_by", "authority", "team"}

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: strip(v)
                for k, v in value.items()
                if k not in dropped and not k.endswith(("_ref", "_refs"))
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    kept = {k: v for k, v in file.items() if k != "delivery"}
    kept["person"] = {**file["person"], "chi_number": ""}
    return strip(kept)


def differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Where two JSON values differ, as paths with both values."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [
            found
            for key in sorted(set(a) | set(b))
            for found in differences(a.get(key), b.get(key), f"{path}/{key}")
        ]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            found
            for index, (x, y) in enumerate(zip(a, b, strict=True))
            for found in differences(x, y, f"{path}/{index}")
        ]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def test_a_demo_person_with_every_stage_goes_out_and_back_in_the_same() -> None:
    """The demo seed makes its records through the same rules; a person with every
    stage is exported, imported as a new person and exported again."""
    import io

    from django.core.management import call_command

    from selfdirect.accounts.models import Team, User
    from selfdirect.assurance import export
    from selfdirect.people.models import Person

    call_command(
        "seed",
        "--people=60",
        "--today=2026-03-02",
        verbosity=0,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    person = (
        Person.objects.filter(
            information_given__isnull=False,
            support_choices__isnull=False,
            indicative_budgets__isnull=False,
            support_plans__isnull=False,
            panel_submissions__isnull=False,
            reviews__isnull=False,
        )
        .distinct()
        .order_by("public_id")
        .first()
    )
    assert person is not None
    out = export.build(person)
    out["person"]["chi_number"] = ""
    by = User.objects.filter(role="practitioner").order_by("username").first()
    team = Team.objects.order_by("name").first()
    before = counts()
    result = import_casefile(out, by=by, team=team)  # type: ignore[arg-type]
    assert result.person != person
    assert result.person is not None
    back = export.build(result.person)
    assert differences(essence(back), essence(out)) == []
    # Exported again and imported from the same system: matched, not doubled.
    again = copy.deepcopy(back)
    again["source"] = out["source"]
    during = counts()
    assert during != before
    assert import_casefile(again, by=by, team=team).created == 0  # type: ignore[arg-type]
    assert counts() == during


def test_version_1_and_2_files_are_still_read_and_version_3_is_written() -> None:
    from selfdirect.assurance import casefile

    assert casefile.schema()["properties"]["format_version"]["enum"] == list(
        casefile.READABLE_VERSIONS
    )
    assert casefile.FORMAT_VERSION == max(casefile.READABLE_VERSIONS) == 3
    old = json.loads((FILES.parent / "good-full-journey.json").read_text())
    assert old["format_version"] == 1 and casefile.problems(old) == []
    new = load("panel-on-hold-then-approved.json")
    assert casefile.problems(new) == []
    new["reviews"][0]["support_reviews"][0]["support_ref"] = "pl-4001-o1"
    assert [str(p) for p in casefile.problems(new)] == [
        "/reviews/0/support_reviews/0/support_ref: no record 'pl-4001-o1' in "
        "plans.supports"
    ]

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit.models import AuditEvent
from selfdirect.budgets.models import IndicativeBudget
from selfdirect.conversations.tests.factories import ConversationFactory, OutcomeFactory
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.hooks import override_contributions
from selfdirect.core.tests.details import details_of
from selfdirect.plans import services
from selfdirect.plans.hook_points import PLAN_AGREEMENT_CHECKS
from selfdirect.plans.models import SupportPlan
from selfdirect.plans.services import (
    ContingencyDetails,
    PlanOutcomeDetails,
    SupportDetails,
)
from selfdirect.plans.tests.factories import (
    PlanOutcomeFactory,
    SupportFactory,
    SupportPlanFactory,
)

TODAY = datetime.date(2026, 11, 20)


@pytest.fixture
def worker(db):
    return UserFactory.create()


@pytest.fixture
def no_later_stage_checks():
    with override_contributions(PLAN_AGREEMENT_CHECKS, []):
        yield


def _agree(plan, worker, **extra):
    details = {
        "agreed_on": TODAY,
        "agreed_by_role": "person",
        "agreed_by": "Morag MacLeod",
        "agreed_how": "in_person",
        **extra,
    }
    return services.agree_support_plan(
        plan=plan, by=worker, version=plan.version, **details
    )


def _ready_plan(**contingency):
    plan = SupportPlanFactory.create(**contingency)
    PlanOutcomeFactory.create(plan=plan)
    return plan


def test_a_plan_starts_from_an_agreed_conversation_with_its_outcomes(worker) -> None:
    conversation = ConversationFactory.create(state="agreed", agreed_on=TODAY)
    OutcomeFactory.create(conversation=conversation, words="I want to see my pals")
    OutcomeFactory.create(conversation=conversation, words="I want to cook again")
    budget = IndicativeBudget.objects.create(
        person=conversation.person,
        worked_out_on=TODAY,
        amount=Decimal("9000"),
        recorded_by=worker,
    )
    plan = services.start_support_plan(
        person=conversation.person, conversation=conversation, by=worker, today=TODAY
    )
    assert [o.words for o in plan.outcomes.all()] == [
        "I want to see my pals",
        "I want to cook again",
    ]
    assert all(o.personal_outcome_id for o in plan.outcomes.all())
    assert plan.budget == budget
    assert plan.state == "draft"
    assert AuditEvent.objects.filter(action="plan.started").count() == 1


def test_a_plan_cannot_start_from_a_conversation_not_yet_agreed(worker) -> None:
    conversation = ConversationFactory.create(state="shared")
    with pytest.raises(ValidationError, match="Agree the conversation record"):
        services.start_support_plan(
            person=conversation.person,
            conversation=conversation,
            by=worker,
            today=TODAY,
        )
    assert not SupportPlan.objects.exists()


def test_a_second_draft_for_the_same_person_is_refused(worker) -> None:
    plan = SupportPlanFactory.create()
    with pytest.raises(ValidationError, match="already has a draft"):
        services.start_support_plan(
            person=plan.person, conversation=plan.conversation, by=worker, today=TODAY
        )


def test_the_database_holds_one_draft_per_person(worker) -> None:
    plan = SupportPlanFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        SupportPlanFactory.create(person=plan.person)
    SupportPlanFactory.create(person=plan.person, state="agreed")
    assert plan.person.support_plans.filter(state="draft").count() == 1


def test_a_second_draft_is_refused_with_words_and_nothing_saved(worker) -> None:
    plan = SupportPlanFactory.create()
    plan.conversation.state = "agreed"
    plan.conversation.save()
    with pytest.raises(ValidationError, match="already has a draft"):
        services.start_support_plan(
            person=plan.person, conversation=plan.conversation, by=worker, today=TODAY
        )
    assert plan.person.support_plans.count() == 1
    assert not AuditEvent.objects.filter(action="plan.started").exists()


def test_a_new_version_is_refused_while_another_draft_exists(
    worker, no_later_stage_checks
) -> None:
    plan = _ready_plan(if_unwell="Ring the GP")
    _agree(plan, worker)
    SupportPlanFactory.create(person=plan.person, conversation=plan.conversation)
    with pytest.raises(ValidationError, match="already a draft"):
        services.start_new_version(plan=plan, by=worker, today=TODAY)
    assert plan.person.support_plans.count() == 2


def test_has_contingency_is_true_when_any_question_is_answered(db) -> None:
    assert not SupportPlanFactory.build(if_unwell="  ").has_contingency
    assert SupportPlanFactory.build(out_of_hours="Ring NHS 24").has_contingency


def test_agreeing_is_refused_without_contingency_but_the_draft_is_kept(worker) -> None:
    plan = _ready_plan()
    with pytest.raises(ValidationError) as error:
        _agree(plan, worker)
    assert "contingency" in " ".join(error.value.messages)
    plan.refresh_from_db()
    assert plan.state == "draft" and plan.agreed_on is None


def test_agreeing_is_refused_when_a_later_stage_says_so(worker) -> None:
    checks = [lambda plan: "Waiting for the resource panel", lambda plan: None]
    plan = _ready_plan(out_of_hours="Ring the out-of-hours team")
    with (
        override_contributions(PLAN_AGREEMENT_CHECKS, checks),
        pytest.raises(ValidationError) as error,
    ):
        _agree(plan, worker)
    assert error.value.messages == ["Waiting for the resource panel"]
    plan.refresh_from_db()
    assert plan.state == "draft"


def test_a_plan_with_contingency_is_agreed_with_a_review_three_months_on(
    worker, no_later_stage_checks
) -> None:
    plan = _ready_plan(if_unwell="My daughter rings the GP")
    agreed = _agree(plan, worker)
    agreed.refresh_from_db()
    assert agreed.state == "agreed"
    assert agreed.review_on == datetime.date(2027, 2, 20)
    assert agreed.agreed_by == "Morag MacLeod"
    assert AuditEvent.objects.filter(action="plan.agreed").exists()
    assert agreed.history.first().history_user == worker


def test_the_review_interval_is_a_setting(worker, settings) -> None:
    settings.PLAN_FIRST_REVIEW_MONTHS = 6
    plan = _ready_plan(if_unwell="My daughter rings the GP")
    assert _agree(plan, worker).review_on == datetime.date(2027, 5, 20)


def test_a_review_date_given_must_be_after_agreement(worker) -> None:
    plan = _ready_plan(if_unwell="My daughter rings the GP")
    with pytest.raises(ValidationError, match="after the date agreed"):
        _agree(plan, worker, review_on=TODAY)


def test_agreeing_from_a_stale_page_is_a_conflict(worker) -> None:
    plan = _ready_plan()
    stale = plan.version
    services.record_contingency(
        plan=plan,
        by=worker,
        version=stale,
        details=details_of(ContingencyDetails, plan, if_unwell="Ring the GP"),
    )
    with pytest.raises(EditConflict):
        services.agree_support_plan(
            plan=plan,
            by=worker,
            version=stale,
            agreed_on=TODAY,
            agreed_by_role="person",
            agreed_by="Morag",
            agreed_how="phone",
        )


def test_an_agreed_plan_is_read_only(worker) -> None:
    plan = _ready_plan(if_unwell="Ring the GP")
    _agree(plan, worker)
    outcome = plan.outcomes.get()
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.add_plan_outcome(
            plan=plan,
            by=worker,
            details=details_of(PlanOutcomeDetails, outcome, words="x"),
            today=TODAY,
        )
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.update_plan_outcome(
            outcome=outcome,
            by=worker,
            version=outcome.version,
            details=details_of(PlanOutcomeDetails, outcome, words="y"),
        )
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.record_contingency(
            plan=plan,
            by=worker,
            version=plan.version,
            details=details_of(ContingencyDetails, plan, if_unwell=""),
        )


def test_two_people_editing_one_outcome_never_silently_overwrite(worker) -> None:
    outcome = PlanOutcomeFactory.create()
    read = outcome.version
    services.update_plan_outcome(
        outcome=outcome,
        by=worker,
        version=read,
        details=details_of(PlanOutcomeDetails, outcome, steps="First edit"),
    )
    with pytest.raises(EditConflict) as error:
        services.update_plan_outcome(
            outcome=outcome,
            by=worker,
            version=read,
            details=details_of(PlanOutcomeDetails, outcome, steps="Second edit"),
        )
    assert error.value.changes[0].after == "First edit"
    outcome.refresh_from_db()
    assert outcome.steps == "First edit"


def test_removing_a_support_someone_changed_since_is_a_conflict(worker) -> None:
    support = SupportFactory.create()
    read = support.version
    services.update_support(
        support=support,
        by=worker,
        version=read,
        details=details_of(SupportDetails, support, frequency="Daily"),
        outcomes=[],
    )
    with pytest.raises(EditConflict):
        services.remove_support(support=support, by=worker, version=read)
    services.remove_support(support=support, by=worker, version=read + 1)
    assert not support.plan.supports.exists()


def _support(**details):
    """A support as the form gives it, with the answers left blank filled."""
    blank = {
        "who": "",
        "provider": None,
        "service": None,
        "frequency": "",
        "hours_per_week": None,
    }
    return SupportDetails(**{**blank, **details})


def test_a_paid_support_needs_an_option(worker) -> None:
    plan = SupportPlanFactory.create()
    with pytest.raises(ValidationError) as error:
        services.add_support(
            plan=plan,
            by=worker,
            details=_support(
                what="Personal assistant",
                provided_by="personal_assistant",
                yearly_cost=Decimal("5000"),
                option=None,
            ),
            outcomes=[],
        )
    assert "option" in error.value.message_dict


def test_unpaid_family_help_needs_no_option(worker) -> None:
    plan = SupportPlanFactory.create()
    outcome = PlanOutcomeFactory.create(plan=plan)
    support = services.add_support(
        plan=plan,
        by=worker,
        details=_support(
            what="Shopping",
            provided_by="family",
            who="Daughter",
            yearly_cost=Decimal("0"),
            option=None,
        ),
        outcomes=[outcome],
    )
    assert list(support.outcomes.all()) == [outcome]


def test_a_new_version_copies_the_plan_and_replaces_it_once_agreed(
    worker, no_later_stage_checks
) -> None:
    plan = _ready_plan(if_unwell="Ring the GP")
    outcome = plan.outcomes.get()
    SupportFactory.create(plan=plan, outcomes=[outcome])
    _agree(plan, worker)
    draft = services.start_new_version(plan=plan, by=worker, today=TODAY)
    assert draft.replaces == plan and draft.state == "draft"
    assert draft.if_unwell == "Ring the GP"
    copied = draft.supports.get()
    assert copied.outcomes.get().plan == draft
    assert copied.outcomes.get().words == outcome.words
    with pytest.raises(ValidationError, match="already a draft"):
        services.start_new_version(plan=plan, by=worker, today=TODAY)
    plan.refresh_from_db()
    assert plan.state == "agreed"  # still in force
    _agree(draft, worker)
    plan.refresh_from_db()
    assert plan.state == "replaced"
    assert plan.outcomes.count() == 1  # the old version is kept whole


def test_only_an_agreed_plan_gets_a_new_version(worker) -> None:
    with pytest.raises(ValidationError, match="Only the agreed plan"):
        services.start_new_version(
            plan=SupportPlanFactory.create(), by=worker, today=TODAY
        )


def test_a_budget_from_someone_else_is_refused(worker) -> None:
    plan = SupportPlanFactory.create()
    other = IndicativeBudget.objects.create(
        person=ConversationFactory.create().person,
        worked_out_on=TODAY,
        amount=Decimal("1"),
        recorded_by=worker,
    )
    with pytest.raises(ValidationError):
        services.change_plan_budget(
            plan=plan, by=worker, version=plan.version, budget=other
        )

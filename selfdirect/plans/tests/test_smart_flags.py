"""The SMART check is stored on each plan outcome whenever it is written (started
from a conversation, added, changed, copied into a new version), with its history,
and worked out for outcomes already there by migration 0005."""

import datetime
import importlib

import pytest
from django.apps import apps

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.conversations.tests.factories import ConversationFactory, OutcomeFactory
from selfdirect.core.tests.details import details_of
from selfdirect.plans import services
from selfdirect.plans.models import SMART_FLAGS, PlanOutcome
from selfdirect.plans.services import PlanOutcomeDetails
from selfdirect.plans.tests.factories import PlanOutcomeFactory, SupportPlanFactory
from selfdirect.plans.tests.smart_flags import checked, stored

TODAY = datetime.date(2026, 11, 20)
ALL = dict.fromkeys(SMART_FLAGS, True)


@pytest.fixture
def worker(db):  # type: ignore[no-untyped-def]
    return UserFactory.create()


def _details(**fields):  # type: ignore[no-untyped-def]
    return PlanOutcomeDetails(
        **{
            "words": "I want to get back to my Tuesday swimming group",
            "how_we_will_know": "She goes to the group at least 3 Tuesdays a month",
            "target_date": datetime.date(2027, 3, 31),
            "steps": "",
            "achievable_agreed": True,
            "achievable_agreed_by": "Morag",
            "achievable_agreed_on": TODAY,
            **fields,
        }
    )


def test_an_outcome_added_keeps_its_check(worker) -> None:  # type: ignore[no-untyped-def]
    plan = SupportPlanFactory.create()
    good = services.add_plan_outcome(
        plan=plan, by=worker, details=_details(), today=TODAY
    )
    assert stored(good) == ALL
    vague = services.add_plan_outcome(
        plan=plan,
        by=worker,
        details=_details(words="To stay safe", how_we_will_know="", target_date=None),
        today=TODAY,
    )
    assert stored(vague) == {
        "smart_specific": False,
        "smart_measurable": False,
        "smart_time_bound": False,
        "smart_achievable": True,
    }


def test_a_change_to_the_words_changes_the_stored_check_and_its_history(
    worker,
) -> None:  # type: ignore[no-untyped-def]
    outcome = PlanOutcomeFactory.create()
    assert stored(outcome) == ALL
    services.update_plan_outcome(
        outcome=outcome,
        by=worker,
        version=outcome.version,
        details=details_of(
            PlanOutcomeDetails, outcome, how_we_will_know="She feels better"
        ),
    )
    assert stored(outcome) == {**ALL, "smart_measurable": False}
    assert stored(outcome) == checked(outcome)
    latest = outcome.history.order_by("-history_id").first()
    assert latest is not None and latest.smart_measurable is False
    services.update_plan_outcome(
        outcome=outcome,
        by=worker,
        version=outcome.version,
        details=details_of(PlanOutcomeDetails, outcome, target_date=None),
    )
    assert stored(outcome) == {
        **ALL,
        "smart_measurable": False,
        "smart_time_bound": False,
    }


def test_a_plan_started_from_a_conversation_and_a_new_version_keep_the_check(
    worker,
) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory.create(state="agreed")
    OutcomeFactory.create(conversation=conversation)
    plan = services.start_support_plan(
        person=conversation.person, conversation=conversation, by=worker, today=TODAY
    )
    started = plan.outcomes.get()
    # Only the words so far: not measurable, no date, not agreed achievable.
    assert stored(started) == checked(started)
    assert not started.smart_measurable and not started.smart_time_bound
    agreed = SupportPlanFactory.create(state="agreed", agreed_on=TODAY)
    PlanOutcomeFactory.create(plan=agreed)
    draft = services.start_new_version(plan=agreed, by=worker, today=TODAY)
    assert stored(draft.outcomes.get()) == ALL


def test_the_migration_works_out_the_check_for_outcomes_already_there(db) -> None:
    made = [
        PlanOutcomeFactory.create(),
        PlanOutcomeFactory.create(words="To be monitored", how_we_will_know=""),
    ]
    PlanOutcome.objects.update(**dict.fromkeys(SMART_FLAGS, False))
    migration = importlib.import_module(
        "selfdirect.plans.migrations.0005_stored_smart_flags"
    )

    class Editor:
        class connection:  # noqa: N801 - the shape schema_editor has
            alias = "default"

    migration.store_smart_flags(apps, Editor())
    for outcome in made:
        assert stored(outcome) == checked(outcome)
    assert stored(made[0]) == ALL

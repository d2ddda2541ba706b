import datetime

import pytest
from django.core.exceptions import ValidationError

from selfdirect.conversations import rules, services
from selfdirect.conversations.selectors import (
    conversation_signals,
    conversations_with_signals,
)
from selfdirect.conversations.services import PersonalOutcomeDetails
from selfdirect.conversations.tests.factories import ConversationFactory, OutcomeFactory
from selfdirect.people.tests.factories import PersonFactory

pytestmark = pytest.mark.journey("conversations")

TODAY = datetime.date(2026, 11, 20)


def test_the_states_go_draft_shared_agreed_and_no_further() -> None:
    assert rules.can_move("draft", "shared")
    assert rules.can_move("shared", "agreed")
    assert rules.can_move("shared", "draft")
    assert not rules.can_move("draft", "agreed")
    assert not rules.can_move("agreed", "draft")


def test_the_carer_prompt_shows_until_the_offer_is_recorded() -> None:
    assert rules.needs_carer_prompt(has_unpaid_carer=True, carer_offered=None)
    assert not rules.needs_carer_prompt(has_unpaid_carer=True, carer_offered=True)
    assert not rules.needs_carer_prompt(has_unpaid_carer=False, carer_offered=None)


def test_a_conversation_is_shared_then_agreed_with_who_how_and_when(personas) -> None:
    conversation = personas.person.conversations.get()
    by = personas.practitioner_a
    services.share_conversation(conversation=conversation, by=by, shared_on=TODAY)
    services.agree_conversation(
        conversation=conversation,
        by=by,
        agreed_on=TODAY,
        agreed_by="Morag (the person)",
        agreed_how="in_person",
    )
    conversation.refresh_from_db()
    assert (conversation.state, conversation.agreed_by) == (
        "agreed",
        "Morag (the person)",
    )
    assert [h.state for h in conversation.history.order_by("history_date")] == [
        "draft",
        "shared",
        "agreed",
    ]


def test_it_refuses_to_agree_a_draft_or_a_record_without_outcomes(personas) -> None:
    empty = ConversationFactory.create(person=personas.person, team=personas.team_a)
    with pytest.raises(ValidationError, match="cannot be moved"):
        services.agree_conversation(
            conversation=personas.person.conversations.exclude(pk=empty.pk).get(),
            by=personas.practitioner_a,
            agreed_on=TODAY,
            agreed_by="x",
            agreed_how="phone",
        )
    services.share_conversation(
        conversation=empty, by=personas.practitioner_a, shared_on=TODAY
    )
    with pytest.raises(ValidationError, match="at least one personal outcome"):
        services.agree_conversation(
            conversation=empty,
            by=personas.practitioner_a,
            agreed_on=TODAY,
            agreed_by="x",
            agreed_how="phone",
        )


def test_an_agreed_record_cannot_be_changed_but_takes_the_persons_corrections(
    personas,
) -> None:
    conversation = personas.person.conversations.get()
    by = personas.practitioner_a
    with pytest.raises(ValidationError, match="Share the conversation"):
        services.add_correction(
            conversation=conversation, by=by, about="", words="x", added_on=TODAY
        )
    services.share_conversation(conversation=conversation, by=by, shared_on=TODAY)
    services.agree_conversation(
        conversation=conversation,
        by=by,
        agreed_on=TODAY,
        agreed_by="Morag",
        agreed_how="in_person",
    )
    with pytest.raises(ValidationError, match="agreed"):
        services.record_outcome(
            conversation=conversation,
            by=by,
            details=PersonalOutcomeDetails(words="x", priority=1),
            domains=[],
        )
    correction = services.add_correction(
        conversation=conversation,
        by=by,
        about="What matters to me",
        words="It's the Thursday club, not Tuesday",
        added_on=TODAY,
    )
    assert correction.history.count() == 1


def test_each_outcome_keeps_what_the_wording_check_made_of_it(personas) -> None:
    conversation = personas.person.conversations.get()
    outcome = services.record_outcome(
        conversation=conversation,
        by=personas.practitioner_a,
        details=PersonalOutcomeDetails(words="2 home care visits a day", priority=2),
        domains=[],
    )
    assert outcome.wording_kind == "service"


def test_a_strength_links_only_to_outcomes_of_its_own_conversation(personas) -> None:
    conversation = personas.person.conversations.get()
    elsewhere = OutcomeFactory.create()
    with pytest.raises(ValidationError):
        services.record_strength(
            conversation=conversation,
            by=personas.practitioner_a,
            kind="personal",
            description="Determined",
            helps_with=[elsewhere],
        )


def test_signals_show_what_the_records_hold(personas) -> None:
    person = personas.person
    signals = conversation_signals(person)
    assert signals.has_conversation and signals.outcomes_in_own_words
    assert not (signals.agreed or signals.strengths_recorded or signals.risks_enabled)
    conversation = person.conversations.get()
    services.record_strength(
        conversation=conversation,
        by=personas.practitioner_a,
        kind="relationships",
        description="Neighbour Ann pops in daily",
        helps_with=list(conversation.outcomes.all()),
    )
    services.record_risk_enablement(
        conversation=conversation,
        by=personas.practitioner_a,
        risk="Walking to the shops alone",
        gain="Independence",
        persons_view="I want to",
        agreed_actions="Carry the alarm pendant",
        agreed_by="Morag, Sam (social worker)",
        review_on=datetime.date(2027, 2, 1),
    )
    signals = conversation_signals(person)
    assert signals.strengths_recorded and signals.risks_enabled
    listed, from_the_list = conversations_with_signals(person)
    assert from_the_list == signals
    outcome_counts = [c.outcome_count for c in listed]  # type: ignore[attr-defined]
    assert outcome_counts == [conversation.outcomes.count()]


def test_signals_for_someone_with_only_a_service_led_record(personas) -> None:
    person = PersonFactory.create(team=personas.team_a)
    conversation = ConversationFactory.create(person=person, team=personas.team_a)
    OutcomeFactory.create(
        conversation=conversation,
        words="Unable to wash independently",
        wording_kind="deficit",
    )
    signals = conversation_signals(person)
    assert signals.has_conversation and not signals.outcomes_in_own_words
    assert conversations_with_signals(person)[1] == signals
    assert conversations_with_signals(PersonFactory.create())[
        1
    ] == conversation_signals(PersonFactory.create())

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from selfdirect.core.hooks import override_contributions
from selfdirect.plans.hook_points import PLAN_AGREEMENT_CHECKS, AgreementBlocker
from selfdirect.plans.models import SupportPlan
from selfdirect.plans.tests.factories import PlanOutcomeFactory, SupportFactory

pytestmark = pytest.mark.journey("plans")


@pytest.fixture(autouse=True)
def _no_later_stage_checks():
    with override_contributions(PLAN_AGREEMENT_CHECKS, []):
        yield


def _plan(personas) -> SupportPlan:
    return personas.person.support_plans.get()


def _url(name: str, plan: SupportPlan, **extra) -> str:
    return reverse(
        name,
        kwargs={"person_id": plan.person.public_id, "plan_id": plan.public_id, **extra},
    )


def _agree_data(plan: SupportPlan) -> dict:
    return {
        "version": plan.version,
        "agreed_by_role": "representative",
        "agreed_by": "Isla MacLeod (daughter, welfare attorney)",
        "agreed_how": "signed_copy",
        "agreed_on": "20/11/2026",
        "review_on": "",
        "confirmed": "yes",
    }


def _with_contingency(client, plan: SupportPlan) -> None:
    client.post(
        _url("plans:contingency", plan),
        {"version": plan.version, "if_support_cannot_come": "The agency sends relief"},
    )
    plan.refresh_from_db()


def test_agreeing_shows_the_answers_to_check_and_saves_only_once_confirmed(
    client, personas
) -> None:
    plan = _plan(personas)
    client.force_login(personas.practitioner_a)
    _with_contingency(client, plan)
    unconfirmed = {k: v for k, v in _agree_data(plan).items() if k != "confirmed"}
    checking = client.post(_url("plans:agree", plan), unconfirmed)
    html = checking.content.decode()
    assert "Check the agreement before you record it" in html
    assert "Isla MacLeod (daughter, welfare attorney)" in html
    assert "Signed a copy" in html
    assert f'name="version" value="{plan.version}"' in html
    plan.refresh_from_db()
    assert plan.state == "draft"
    changing = client.post(_url("plans:agree", plan), {**unconfirmed, "change": "yes"})
    assert 'value="Isla MacLeod (daughter, welfare attorney)"' in (
        changing.content.decode()
    )
    assert changing.context["form"].is_bound
    plan.refresh_from_db()
    assert plan.state == "draft"


def test_a_confirmation_of_a_plan_changed_meanwhile_is_refused_as_a_conflict(
    client, personas
) -> None:
    plan = _plan(personas)
    client.force_login(personas.practitioner_a)
    _with_contingency(client, plan)
    stale = {**_agree_data(plan), "version": plan.version - 1}
    response = client.post(_url("plans:agree", plan), stale)
    assert response.status_code == 200
    assert response.context["conflict"] is not None
    plan.refresh_from_db()
    assert plan.state == "draft"


def test_a_plan_that_needs_the_panel_says_so_before_the_agreement_form(
    client, personas
) -> None:
    plan = _plan(personas)
    client.force_login(personas.practitioner_a)
    _with_contingency(client, plan)
    blocker = AgreementBlocker("The panel must approve it.", "Submit it", "/panel-x")
    with override_contributions(PLAN_AGREEMENT_CHECKS, [lambda plan: blocker]):
        agree = client.get(_url("plans:agree", plan)).content.decode()
        detail = client.get(_url("plans:detail", plan)).content.decode()
    for html in (agree, detail):
        assert "ds_notification-message--warning" in html
        assert '<a href="/panel-x">Submit it</a>' in html
    assert 'name="agreed_by"' not in agree
    assert _url("plans:agree", plan) not in detail


def test_the_plan_page_shows_each_outcomes_smart_check_and_the_option(
    client, personas
) -> None:
    plan = _plan(personas)
    PlanOutcomeFactory.create(
        plan=plan,
        words="I want to feel better",
        how_we_will_know="Feels better",
        target_date=None,
    )
    SupportFactory.create(plan=plan, option=3, yearly_cost=Decimal("9000"))
    client.force_login(personas.practitioner_a)
    html = client.get(_url("plans:detail", plan)).content.decode()
    assert "Not specific" in html and "No target date" in html
    assert "Option 4: a mix of options" in html
    assert "SMART outcomes: 1 / 2" in html
    assert "No contingency arrangements yet" in html
    assert "Before this plan can be agreed" in html


def test_agreeing_without_contingency_shows_the_error_and_changes_nothing(
    client, personas
) -> None:
    plan = _plan(personas)
    client.force_login(personas.practitioner_a)
    response = client.post(_url("plans:agree", plan), _agree_data(plan))
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "Add the contingency arrangements" in response.content.decode()
    plan.refresh_from_db()
    assert plan.state == "draft"


def test_with_contingency_the_plan_is_agreed_and_becomes_read_only(
    client, personas
) -> None:
    plan = _plan(personas)
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("plans:contingency", plan),
        {"version": plan.version, "if_support_cannot_come": "The agency sends relief"},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    response = client.post(_url("plans:agree", plan), _agree_data(plan))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.state == "agreed"
    assert plan.review_on == datetime.date(2027, 2, 20)
    html = client.get(_url("plans:detail", plan)).content.decode()
    assert "Change the plan (new version)" in html
    assert _url("plans:add_outcome", plan) not in html
    outcome = plan.outcomes.get()
    response = client.post(
        _url("plans:edit_outcome", plan, outcome_id=outcome.pk),
        {"version": outcome.version, "words": "Changed"},
        follow=True,
    )
    assert "cannot be changed" in response.content.decode()
    outcome.refresh_from_db()
    assert outcome.words != "Changed"


def test_an_outcome_can_be_added_and_shows_its_check(client, personas) -> None:
    plan = _plan(personas)
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("plans:add_outcome", plan),
        {
            "words": "I want to see my grandchildren every Sunday",
            "how_we_will_know": "Morag tells us at review she sees them most Sundays",
            "target_date": "1/5/2027",
            "achievable": "yes",
            "achievable_agreed_by": "Morag",
            "achievable_agreed_on": "20/11/2026",
        },
    )
    assert response.status_code == 302
    added = plan.outcomes.get(words__startswith="I want to see")
    assert added.achievable_agreed is True
    assert added.target_date == datetime.date(2027, 5, 1)


def test_a_yes_to_achievable_without_who_said_so_is_an_error(client, personas) -> None:
    plan = _plan(personas)
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("plans:add_outcome", plan),
        {"words": "I want to go to the football", "achievable": "yes"},
    )
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Say who answered" in html
    assert plan.outcomes.count() == 1


def test_a_stale_outcome_edit_is_shown_as_a_conflict(client, personas) -> None:
    plan = _plan(personas)
    outcome = plan.outcomes.get()
    client.force_login(personas.practitioner_a)
    url = _url("plans:edit_outcome", plan, outcome_id=outcome.pk)
    first = {"version": outcome.version, "words": "First words"}
    assert client.post(url, first).status_code == 302
    response = client.post(url, {"version": outcome.version, "words": "Second words"})
    assert "Someone else changed this record" in response.content.decode()
    outcome.refresh_from_db()
    assert outcome.words == "First words"


def test_a_support_on_another_option_can_be_added(client, personas) -> None:
    plan = _plan(personas)
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("plans:add_support", plan),
        {
            "what": "Help to get washed and dressed",
            "provided_by": "council",
            "frequency": "Every morning",
            "hours_per_week": "7",
            "yearly_cost": "8517.60",
            "option": "3",
            "outcomes": [plan.outcomes.get().pk],
        },
    )
    assert response.status_code == 302
    html = client.get(_url("plans:detail", plan)).content.decode()
    assert "Option 4: a mix of options" in html


def test_a_paid_support_without_an_option_is_refused_with_a_clear_error(
    client, personas
) -> None:
    plan = _plan(personas)
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("plans:add_support", plan),
        {
            "what": "A personal assistant",
            "provided_by": "personal_assistant",
            "yearly_cost": "100",
        },
    )
    assert "Select the SDS option" in response.content.decode()
    assert plan.supports.count() == 1


def test_a_support_can_be_removed(client, personas) -> None:
    plan = _plan(personas)
    support = plan.supports.get()
    client.force_login(personas.practitioner_a)
    url = _url("plans:remove_support", plan, support_id=support.pk)
    assert client.post(url, {"version": support.version}).status_code == 302
    assert not plan.supports.exists()


def test_an_inspector_can_read_the_plan_but_not_change_it(client, personas) -> None:
    plan = _plan(personas)
    client.force_login(personas.inspector)
    html = client.get(_url("plans:detail", plan)).content.decode()
    assert "I want to get back to my Tuesday swimming group" in html
    assert _url("plans:add_outcome", plan) not in html
    assert client.get(_url("plans:add_outcome", plan)).status_code == 403
    assert client.get(_url("plans:agree", plan)).status_code == 403


def test_a_plan_is_started_from_an_agreed_conversation_only(client, personas) -> None:
    SupportPlan.objects.filter(person=personas.person).update(state="replaced")
    url = reverse("plans:start", kwargs={"person_id": personas.person.public_id})
    client.force_login(personas.practitioner_a)
    assert "There is no agreed conversation" in client.get(url).content.decode()
    conversation = personas.person.conversations.get()
    conversation.state, conversation.agreed_on = "agreed", datetime.date(2026, 11, 9)
    conversation.save()
    response = client.post(url, {"conversation": conversation.pk})
    assert response.status_code == 302
    plan = personas.person.support_plans.get(state="draft")
    assert plan.outcomes.count() == conversation.outcomes.count()


def test_my_support_plan_pdf_is_tagged_text_in_plain_english(client, personas) -> None:
    plan = _plan(personas)
    plan.if_unwell = "My daughter Isla rings the GP"
    plan.save()
    client.force_login(personas.practitioner_a)
    response = client.get(_url("plans:my_plan_pdf", plan))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "My support plan" in text
    assert "I want to get back to my Tuesday swimming group" in text
    assert "Morag goes to the swimming group at least 3 Tuesdays a month" in text
    assert "31 March 2027" in text
    assert "My daughter Isla rings the GP" in text
    assert "My plan costs £2,730.00 a year" in text
    assert "/StructTreeRoot" in reader.root_object


def test_the_printable_page_has_the_same_plan(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    html = client.get(_url("plans:my_plan", _plan(personas))).content.decode()
    assert "What matters to me" in html
    assert "Help to get ready and to the pool" in html


def test_the_person_page_shows_the_plan_summary(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    url = reverse("people:detail", kwargs={"person_id": personas.person.public_id})
    html = client.get(url).content.decode()
    assert "Support plan" in html
    assert "1 of 1" in html  # SMART outcomes
    assert "Contingency arrangements" in html


def test_the_plan_page_queries_do_not_grow_with_the_plan(
    client, personas, django_assert_max_num_queries
) -> None:
    plan = _plan(personas)
    for _ in range(15):
        outcome = PlanOutcomeFactory.create(plan=plan)
        SupportFactory.create(plan=plan, outcomes=[outcome])
    client.force_login(personas.practitioner_a)
    with django_assert_max_num_queries(25):
        assert client.get(_url("plans:detail", plan)).status_code == 200


def test_a_new_version_is_a_draft_copy(client, personas) -> None:
    plan = _plan(personas)
    plan.state, plan.if_unwell = "agreed", "Ring the GP"
    plan.save()
    client.force_login(personas.practitioner_a)
    response = client.post(_url("plans:new_version", plan), {"version": plan.version})
    assert response.status_code == 302
    draft = personas.person.support_plans.get(state="draft")
    assert draft.replaces == plan
    assert (
        "All versions of the plan"
        in client.get(_url("plans:detail", draft)).content.decode()
    )


def test_a_stale_support_edit_is_a_conflict_and_keeps_the_outcome_choices(
    client, personas
) -> None:
    plan = _plan(personas)
    support = plan.supports.get()
    outcome = plan.outcomes.get()
    client.force_login(personas.practitioner_a)
    url = _url("plans:edit_support", plan, support_id=support.pk)
    data = {
        "version": support.version,
        "what": "First change",
        "provided_by": "council",
        "yearly_cost": "100",
        "option": "3",
        "outcomes": [outcome.pk],
    }
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "what": "Second change"})
    html = response.content.decode()
    assert "Someone else changed this record" in html
    assert outcome.words in html  # the rebound form still offers the outcomes
    support.refresh_from_db()
    assert support.what == "First change"


def test_a_stale_remove_is_a_conflict_and_removes_nothing(client, personas) -> None:
    plan = _plan(personas)
    support = plan.supports.get()
    client.force_login(personas.practitioner_a)
    url = _url("plans:remove_support", plan, support_id=support.pk)
    response = client.post(url, {"version": support.version + 5})
    assert "Someone else changed this record" in response.content.decode()
    assert plan.supports.filter(pk=support.pk).exists()

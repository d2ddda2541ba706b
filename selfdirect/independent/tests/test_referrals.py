"""Consent gates the referral flow: a referral reaches the inbox only with consent,
the answer and outcome flow back to the council's record, and withdrawal stops it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from selfdirect.choices.models import IndependentSupport
from selfdirect.independent import selectors, services
from selfdirect.independent.models import Client, Consent, OutcomeType, Referral

pytestmark = pytest.mark.journey("independent")


def _waiting(personas) -> IndependentSupport:
    return personas.person.independent_support.get(status="referred")


def _morag() -> Client:
    return Client.objects.get(name="Morag MacLeod")


def test_a_referral_with_consent_waits_in_the_inbox(personas) -> None:
    inbox = selectors.incoming_referrals(personas.org_worker_a)
    assert list(inbox) == [_waiting(personas)]
    assert inbox[0].client_name == "Morag MacLeod"  # type: ignore[attr-defined]
    assert not selectors.incoming_referrals(personas.org_worker_b).exists()


def test_without_consent_nothing_arrives(personas) -> None:
    Consent.objects.all().delete()
    assert not selectors.incoming_referrals(personas.org_worker_a).exists()


def test_consent_is_linked_only_through_a_referral_to_the_organisation(
    personas,
) -> None:
    client = Client.objects.exclude(name="Morag MacLeod").get()
    wrong = services.ConsentDetails(
        referral_reference=_waiting(personas).public_id,
        date_of_birth=datetime.date(1900, 1, 2),
        scope=Consent.Scope.REFERRALS,
        given_on=datetime.date(2026, 11, 3),
        how_given=Consent.HowGiven.VERBAL,
    )
    with pytest.raises(ValidationError):
        services.record_consent(client=client, by=personas.org_worker_a, details=wrong)
    other = Client.objects.create(
        organization=personas.org_worker_b.organization,
        age_band="75_plus",
        heard_via="family",
        first_contact_on=datetime.date(2026, 11, 1),
        recorded_by=personas.org_worker_b,
    )
    right = services.ConsentDetails(
        **{**wrong.__dict__, "date_of_birth": personas.person.date_of_birth}
    )
    with pytest.raises(ValidationError):  # referred to the first organisation only
        services.record_consent(client=other, by=personas.org_worker_b, details=right)
    consent = services.record_consent(
        client=client, by=personas.org_worker_a, details=right
    )
    assert consent.person == personas.person


def test_accepting_and_closing_flows_back_to_the_council(client, personas) -> None:
    support = _waiting(personas)
    client.force_login(personas.org_worker_a)
    url = reverse("independent:answer_new", args=[support.public_id])
    page = client.get(url)
    token = page.context["request"].submission_token
    response = client.post(
        url, {"answer": "accept", "progress": "", "submission_token": token}
    )
    assert response.status_code == 302
    support.refresh_from_db()
    assert support.status == "accepted"
    referral = Referral.objects.get(support=support)
    outcome = OutcomeType.objects.get(code="plan_agreed")
    services.record_referral_progress(
        referral=referral,
        by=personas.org_worker_a,
        version=referral.version,
        details=services.ReferralProgress(
            status="closed", progress="Plan agreed with Morag.", outcome=outcome
        ),
    )
    support.refresh_from_db()
    assert (support.status, support.outcome) == ("closed", "Plan agreed")
    assert support.feedback == "Plan agreed with Morag."
    client.force_login(personas.practitioner_a)
    person_page = client.get(reverse("people:detail", args=[personas.person.public_id]))
    assert b"Plan agreed" in person_page.content


def test_closing_needs_an_outcome(personas) -> None:
    referral = Referral.objects.get()
    with pytest.raises(ValidationError):
        services.record_referral_progress(
            referral=referral,
            by=personas.org_worker_a,
            version=referral.version,
            details=services.ReferralProgress(status="closed", progress=""),
        )


def test_withdrawal_stops_sharing_from_that_moment(personas) -> None:
    consent = Consent.objects.get()
    services.withdraw_consent(
        consent=consent, by=personas.org_worker_a, version=consent.version
    )
    assert not selectors.incoming_referrals(personas.org_worker_a).exists()
    referral = Referral.objects.get()
    before = referral.support.status
    told = services.record_referral_progress(
        referral=referral,
        by=personas.org_worker_a,
        version=referral.version,
        details=services.ReferralProgress(status="supporting", progress="Still going"),
    )
    assert told is False
    referral.support.refresh_from_db()
    assert referral.support.status == before
    assert referral.support.feedback == ""
    history = list(consent.history.order_by("history_date"))
    assert history[0].withdrawn_at is None
    assert history[-1].withdrawn_at is not None


def test_the_outcome_is_shared_only_with_the_wider_scope(personas) -> None:
    Consent.objects.update(scope=Consent.Scope.REFERRALS)
    referral = Referral.objects.get()
    services.record_referral_progress(
        referral=referral,
        by=personas.org_worker_a,
        version=referral.version,
        details=services.ReferralProgress(
            status="closed",
            progress="Done",
            outcome=OutcomeType.objects.get(code="chose_option"),
        ),
    )
    referral.support.refresh_from_db()
    assert (referral.support.status, referral.support.outcome) == ("closed", "")
    outcome = _morag().referrals.get().outcome
    assert outcome is not None
    assert outcome.code == "chose_option"


def test_a_declined_or_closed_referral_does_not_move(personas) -> None:
    from selfdirect.independent.rules import referral_step_allowed

    assert referral_step_allowed(None, "accepted")
    assert referral_step_allowed("accepted", "closed")
    assert not referral_step_allowed("declined", "supporting")
    assert not referral_step_allowed("closed", "supporting")
    assert not referral_step_allowed(None, "closed")

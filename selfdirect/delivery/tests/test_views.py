import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from selfdirect.audit.models import AccessLog
from selfdirect.delivery.models import DirectPaymentAgreement, MonitoringReturn
from selfdirect.providers.tests.factories import ProviderFactory

from .factories import AgreementFactory, PaymentFactory, ReturnFactory

pytestmark = pytest.mark.journey("delivery")

FINANCE_LISTS = [
    "delivery:finance",
    "delivery:finance_csv",
    "delivery:monitoring_due",
    "delivery:surplus",
]


def _conversation_urls(personas):
    conversation = personas.person.conversations.get()
    kwargs = {
        "person_id": personas.person.public_id,
        "conversation_id": conversation.public_id,
    }
    return [
        reverse("conversations:detail", kwargs=kwargs),
        reverse("conversations:my_record", kwargs=kwargs),
    ]


@pytest.mark.journey("conversations")
def test_a_finance_officer_sees_delivery_but_not_the_person_page_or_conversation(
    client, personas
):
    client.force_login(personas.finance_officer)
    person_id = personas.person.public_id
    assert client.get(reverse("people:detail", args=[person_id])).status_code == 403
    for url in _conversation_urls(personas):
        assert client.get(url).status_code == 403
    page = client.get(reverse("delivery:person", args=[person_id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Morag MacLeod" in html
    conversation = personas.person.conversations.get()
    outcome = conversation.outcomes.get()
    for text in (outcome.words, conversation.persons_account):
        assert text
        assert text not in html
    assert AccessLog.objects.filter(
        user=personas.finance_officer, person=personas.person
    ).exists()


def test_the_person_page_shows_the_delivery_section_to_practitioners(client, personas):
    client.force_login(personas.practitioner_a)
    html = client.get(
        reverse("people:detail", args=[personas.person.public_id])
    ).content
    assert b"Support and payments" in html
    assert b"See support and payments" in html


@pytest.mark.parametrize("name", FINANCE_LISTS)
def test_roles_with_no_finance_business_get_403(client, personas, name):
    for persona in (
        personas.panel_member,
        personas.practitioner_a,
        personas.administrator,
    ):
        client.force_login(persona)
        assert client.get(reverse(name)).status_code == 403


def test_finance_dashboard_has_chart_and_table_and_csv(client, personas):
    client.force_login(personas.finance_officer)
    html = client.get(reverse("delivery:finance")).content.decode()
    assert "<svg" in html
    assert 'id="spend-option"' in html
    assert "Options 1 and 2 as a share of spend" in html
    csv = client.get(reverse("delivery:finance_csv")).getvalue().decode()
    assert csv.splitlines()[0].startswith("view,group,option_1")


def test_monitoring_list_is_paged_in_a_fixed_number_of_queries(
    client, personas, django_assert_max_num_queries
):
    for _ in range(30):
        ReturnFactory.create(due_on=datetime.date(2026, 1, 1))
    client.force_login(personas.finance_officer)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("delivery:monitoring_due"))
    assert response.status_code == 200
    assert b"days overdue" in response.content
    assert response.content.count(b"record the return for") == 25


def test_surplus_list_in_a_fixed_number_of_queries(
    client, personas, django_assert_max_num_queries
):
    for _ in range(30):
        ReturnFactory.create(
            received_on=datetime.date(2026, 5, 1), surplus=Decimal("10")
        )
    client.force_login(personas.finance_officer)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("delivery:surplus"))
    assert b"record recovery for" in response.content


def test_a_team_manager_does_not_see_other_teams_returns(client, personas):
    ReturnFactory.create(due_on=datetime.date(2026, 1, 1))
    client.force_login(personas.manager_a)
    response = client.get(reverse("delivery:monitoring_due"))
    assert response.content.count(b"days overdue") <= 1  # only personas.person's


def test_a_finance_officer_records_a_return_with_a_surplus(client, personas):
    record = MonitoringReturn.objects.get(agreement__person=personas.person)
    client.force_login(personas.finance_officer)
    url = reverse(
        "delivery:record_return",
        args=[personas.person.public_id, record.public_id],
    )
    bad = client.post(
        url, {"version": "1", "received_on": "30/04/2026", "balance_held": ""}
    )
    assert b"There is a problem" in bad.content
    record.refresh_from_db()
    assert record.received_on is None
    response = client.post(
        url,
        {
            "version": "1",
            "received_on": "30/04/2026",
            "evidence": ["bank_statements", "timesheets"],
            "balance_held": "3000.00",
            "surplus": "",
        },
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.surplus == Decimal("1400.00")  # £3000 less 8 weeks of £200


def test_a_stale_edit_shows_the_conflict_and_changes_nothing(client, personas):
    agreement = DirectPaymentAgreement.objects.get(person=personas.person)
    client.force_login(personas.practitioner_a)
    url = reverse(
        "delivery:end_agreement", args=[personas.person.public_id, agreement.public_id]
    )
    response = client.post(
        url, {"version": "7", "ended_on": "01/06/2026", "end_ground": "person_chose"}
    )
    assert b"Someone else changed this record" in response.content
    agreement.refresh_from_db()
    assert agreement.status == "active"


DIRECT_PAYMENT = {
    "starts_on": "01/06/2026",
    "amount": "300.00",
    "frequency": "weekly",
    "spend_on": ["agency"],
    "responsibilities": [
        "separate_account",
        "spend_on_outcomes",
        "keep_records",
        "send_returns",
    ],
    "monitoring_every_months": "3",
}


def test_a_second_active_direct_payment_is_refused_on_the_page(client, personas):
    client.force_login(personas.practitioner_a)
    url = reverse("delivery:add_agreement", args=[personas.person.public_id])
    response = client.post(url, DIRECT_PAYMENT)
    assert response.status_code == 200
    assert "already has an active direct payment agreement" in (
        response.content.decode()
    )
    assert personas.person.direct_payment_agreements.count() == 1


def test_a_practitioner_sets_up_a_direct_payment(client, personas):
    personas.person.direct_payment_agreements.update(
        status="ended", ended_on=datetime.date(2026, 5, 31)
    )
    client.force_login(personas.practitioner_a)
    url = reverse("delivery:add_agreement", args=[personas.person.public_id])
    response = client.post(url, DIRECT_PAYMENT)
    assert response.status_code == 302
    assert personas.person.direct_payment_agreements.filter(
        yearly_amount="15600.00"
    ).exists()


def test_payments_need_record_finance(client, personas):
    agreement = DirectPaymentAgreement.objects.get(person=personas.person)
    PaymentFactory.create(agreement=agreement)
    client.force_login(personas.manager_a)
    url = reverse(
        "delivery:add_payment", args=[personas.person.public_id, agreement.public_id]
    )
    assert client.get(url).status_code == 403


def test_unregistered_agreements_are_not_reachable_from_another_person(
    client, personas
):
    stranger = AgreementFactory.create()
    client.force_login(personas.finance_officer)
    url = reverse(
        "delivery:agreement", args=[personas.person.public_id, stranger.public_id]
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("reader", ["inspector", "dpo", "quality_lead"])
def test_partnership_readers_can_read_delivery_records_but_not_set_them_up(
    client, personas, reader: str
) -> None:
    client.force_login(getattr(personas, reader))
    person_id = personas.person.public_id
    page = client.get(reverse("delivery:person", kwargs={"person_id": person_id}))
    assert page.status_code == 200
    assert AccessLog.objects.filter(person=personas.person).exists()
    new = reverse("delivery:add_agreement", kwargs={"person_id": person_id})
    assert client.get(new).status_code == 403


def test_a_finance_officer_corrects_a_payment_and_the_first_entry_is_kept(
    client, personas
) -> None:
    agreement = personas.person.direct_payment_agreements.get()
    payment = agreement.payments.first()
    url = reverse(
        "delivery:edit_payment",
        args=[personas.person.public_id, agreement.public_id, payment.public_id],
    )
    client.force_login(personas.finance_officer)
    page = client.get(
        reverse(
            "delivery:agreement", args=[personas.person.public_id, agreement.public_id]
        )
    )
    assert url in page.content.decode()
    form = {
        "version": payment.version,
        "paid_on": payment.paid_on.strftime("%d/%m/%Y"),
        "period_from": payment.period_from.strftime("%d/%m/%Y"),
        "period_to": payment.period_to.strftime("%d/%m/%Y"),
    }
    refused = client.post(url, {**form, "amount": "0"})
    assert refused.status_code == 200
    assert "more than £0" in refused.content.decode()
    first_amount = payment.amount
    assert client.post(url, {**form, "amount": "999.99"}).status_code == 302
    payment.refresh_from_db()
    assert payment.amount == Decimal("999.99")
    assert payment.history.earliest().amount == first_amount
    stale = client.post(url, {**form, "amount": "5.00"})
    assert stale.status_code == 200  # the conflict page, nothing saved
    payment.refresh_from_db()
    assert payment.amount == Decimal("999.99")


@pytest.mark.parametrize(
    "name", ["edit_agreement", "end_agreement", "add_pa_employment"]
)
def test_an_ended_agreement_cannot_be_changed_by_url(client, personas, name):
    agreement = personas.person.direct_payment_agreements.get()
    agreement.status = DirectPaymentAgreement.Status.ENDED
    agreement.ended_on = datetime.date(2026, 6, 1)
    agreement.end_ground = "person_chose"
    agreement.save()
    version = agreement.version
    client.force_login(personas.practitioner_a)
    args = [personas.person.public_id, agreement.public_id]
    url = reverse(f"delivery:{name}", args=args)
    detail = reverse("delivery:agreement", args=args)
    got = client.get(url)
    assert got.status_code == 302
    assert got.url == detail
    posted = client.post(
        url,
        {
            "version": agreement.version,
            "ended_on": "01/07/2026",
            "end_ground": "person_died",
            "starts_on": "01/07/2026",
            "number_of_pas": "3",
        },
        follow=True,
    )
    assert b"This direct payment has ended" in posted.content
    agreement.refresh_from_db()
    assert (agreement.version, agreement.end_ground) == (version, "person_chose")
    assert agreement.pa_employment.count() == 1


def test_editing_keeps_a_provider_that_has_left_the_register(client, personas):
    service = personas.person.arranged_services.get()
    provider = service.provider
    provider.active = False
    provider.save()
    ProviderFactory.create(name="Still Registered Care")
    client.force_login(personas.practitioner_a)
    url = reverse(
        "delivery:edit_arranged", args=[personas.person.public_id, service.public_id]
    )
    page = client.get(url).content.decode()
    assert f'value="{provider.pk}" selected' in page
    assert "Still Registered Care" in page
    response = client.post(
        url,
        {
            "version": service.version,
            "arrangement": "in_house",
            "provider": provider.pk,
            "description": service.description,
            "quantity": "8",
            "unit": "hours",
            "yearly_cost": "9609.60",
            "starts_on": "02/02/2026",
        },
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert (service.provider, service.quantity) == (provider, Decimal("8"))
    add = client.get(reverse("delivery:add_arranged", args=[personas.person.public_id]))
    assert provider.name not in add.content.decode()


def test_an_edit_without_its_version_is_refused(client, personas):
    service = personas.person.arranged_services.get()
    client.force_login(personas.practitioner_a)
    url = reverse(
        "delivery:edit_arranged", args=[personas.person.public_id, service.public_id]
    )
    response = client.post(
        url,
        {
            "arrangement": "in_house",
            "description": "Changed",
            "quantity": "8",
            "unit": "hours",
            "yearly_cost": "9609.60",
            "starts_on": "02/02/2026",
        },
    )
    assert response.status_code == 200
    service.refresh_from_db()
    assert service.description != "Changed"


def test_finance_dashboard_runs_one_aggregate_per_option_and_view(
    client, personas, django_assert_max_num_queries
):
    """Issue 18 measured 17 queries: the partnership's totals are the sums of the
    locality rows, not aggregated again (14 with the request's own, including the
    two-factor device; 15 with the look-up of a kept summary, core.summaries)."""
    ReturnFactory.create(due_on=datetime.date(2026, 1, 1))
    client.force_login(personas.finance_officer)
    client.get(reverse("delivery:finance"))
    with django_assert_max_num_queries(15):
        response = client.get(reverse("delivery:finance"))
    assert response.status_code == 200

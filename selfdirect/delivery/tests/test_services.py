import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit.models import AuditEvent
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.tests.details import details_of
from selfdirect.delivery import rules, selectors, services
from selfdirect.delivery.models import DirectPaymentAgreement, MonitoringReturn
from selfdirect.delivery.services import (
    ArrangedServiceDetails,
    DirectPaymentDetails,
    DirectPaymentEnding,
    MonitoringReturnDetails,
    SurplusDetails,
)
from selfdirect.people.services import merge_people
from selfdirect.people.tests.factories import PersonFactory

from .factories import (
    AgreementFactory,
    ArrangedFactory,
    FundFactory,
    PaymentFactory,
    ReturnFactory,
)

D = datetime.date
NEEDED = list(rules.REQUIRED_RESPONSIBILITIES)


def _details(**extra):
    return DirectPaymentDetails(
        **{
            "starts_on": D(2026, 1, 5),
            "amount": Decimal("250.00"),
            "frequency": "weekly",
            "spend_on": ["agency"],
            "responsibilities": NEEDED,
            "monitoring_every_months": 3,
            **extra,
        }
    )


def _changed(agreement, **changes):
    return details_of(DirectPaymentDetails, agreement, **changes)


@pytest.fixture
def worker(db):
    return UserFactory.create()


def test_setting_up_a_dp_derives_the_yearly_amount_and_schedules_a_return(worker):
    person = PersonFactory.create()
    agreement = services.set_up_direct_payment(
        person=person, by=worker, details=_details()
    )
    assert agreement.yearly_amount == Decimal("13000.00")
    awaited = agreement.returns.get()
    assert (awaited.period_from, awaited.period_to, awaited.due_on) == (
        D(2026, 1, 5),
        D(2026, 4, 4),
        D(2026, 5, 2),
    )
    assert AuditEvent.objects.filter(
        action="direct_payment.set_up", person=person
    ).exists()
    assert agreement.history.count() == 1


def test_a_second_active_direct_payment_is_refused_with_a_clear_message(worker):
    person = PersonFactory.create()
    services.set_up_direct_payment(person=person, by=worker, details=_details())
    with pytest.raises(ValidationError, match="already has an active direct payment"):
        services.set_up_direct_payment(person=person, by=worker, details=_details())
    assert person.direct_payment_agreements.count() == 1
    assert MonitoringReturn.objects.count() == 1


def test_the_database_holds_one_active_agreement_per_person(db) -> None:
    first = AgreementFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementFactory.create(person=first.person)
    AgreementFactory.create(person=first.person, status="ended")
    assert first.person.direct_payment_agreements.count() == 2


def test_two_records_with_active_direct_payments_cannot_be_merged(worker):
    keep, duplicate = AgreementFactory.create().person, AgreementFactory.create().person
    with pytest.raises(ValidationError, match="cannot be merged"):
        merge_people(keep=keep, duplicate=duplicate, by=worker)
    assert duplicate.direct_payment_agreements.count() == 1


def test_a_payee_without_the_persons_request_is_refused_and_nothing_saved(worker):
    person = PersonFactory.create()
    with pytest.raises(ValidationError):
        services.set_up_direct_payment(
            person=person, by=worker, details=_details(payee_name="Someone")
        )
    assert not DirectPaymentAgreement.objects.exists()


def test_changing_an_agreement_is_version_checked_and_recomputes_yearly(worker):
    agreement = AgreementFactory.create()
    services.change_direct_payment(
        agreement=agreement,
        by=worker,
        version=1,
        details=_changed(agreement, amount=Decimal("900.00")),
    )
    agreement.refresh_from_db()
    assert agreement.yearly_amount == Decimal("11700.00")
    with pytest.raises(EditConflict):
        services.change_direct_payment(
            agreement=agreement,
            by=worker,
            version=1,
            details=_changed(agreement, amount=Decimal("1.00")),
        )


def test_ending_on_a_council_ground_needs_notice(worker):
    agreement = AgreementFactory.create()
    with pytest.raises(ValidationError):
        services.end_direct_payment(
            agreement=agreement,
            by=worker,
            version=1,
            details=DirectPaymentEnding(
                ended_on=D(2026, 6, 1), end_ground="other_purposes"
            ),
        )
    services.end_direct_payment(
        agreement=agreement,
        by=worker,
        version=1,
        details=DirectPaymentEnding(
            ended_on=D(2026, 6, 1),
            end_ground="other_purposes",
            notice_given_on=D(2026, 5, 1),
            notice_days=28,
        ),
    )
    agreement.refresh_from_db()
    assert agreement.status == "ended"


def _end(agreement, ended_on):
    services.end_direct_payment(
        agreement=agreement,
        by=agreement.recorded_by,
        version=agreement.version,
        details=DirectPaymentEnding(ended_on=ended_on, end_ground="person_chose"),
    )


def test_ending_removes_returns_after_the_end_and_cuts_the_one_spanning_it(worker):
    agreement = AgreementFactory.create()
    received = ReturnFactory.create(
        agreement=agreement,
        received_on=D(2026, 4, 20),
        evidence=["bank_statements"],
        balance_held=Decimal("0.00"),
    )
    spanning = ReturnFactory.create(
        agreement=agreement,
        period_from=D(2026, 4, 5),
        period_to=D(2026, 7, 4),
        due_on=D(2026, 8, 1),
    )
    later = ReturnFactory.create(
        agreement=agreement,
        period_from=D(2026, 7, 5),
        period_to=D(2026, 10, 4),
        due_on=D(2026, 11, 1),
    )
    _end(agreement, D(2026, 5, 31))
    assert set(agreement.returns.all()) == {received, spanning}
    spanning.refresh_from_db()
    assert (spanning.period_to, spanning.due_on) == (D(2026, 5, 31), D(2026, 6, 28))
    received.refresh_from_db()
    assert received.period_to == D(2026, 4, 4)
    finance = UserFactory.create(role=Role.FINANCE_OFFICER)
    due = selectors.returns_due(finance, today=D(2026, 12, 1), within_days=14)
    assert list(due) == [spanning]
    assert not MonitoringReturn.objects.filter(pk=later.pk).exists()


def test_ending_before_the_awaited_return_starts_leaves_none_awaited(worker):
    agreement = services.set_up_direct_payment(
        person=PersonFactory.create(), by=worker, details=_details()
    )
    awaited = agreement.returns.get()
    services.record_monitoring_return(
        monitoring_return=awaited,
        by=worker,
        version=awaited.version,
        details=MonitoringReturnDetails(
            received_on=D(2026, 4, 30),
            evidence=["bank_statements"],
            balance_held=Decimal("0.00"),
            surplus=None,
            notes="",
        ),
    )
    assert agreement.returns.filter(received_on__isnull=True).count() == 1
    agreement.refresh_from_db()
    _end(agreement, D(2026, 4, 4))
    assert list(agreement.returns.all()) == [awaited]


def test_a_new_start_or_monitoring_interval_reschedules_the_awaited_return(worker):
    agreement = services.set_up_direct_payment(
        person=PersonFactory.create(), by=worker, details=_details()
    )
    services.change_direct_payment(
        agreement=agreement,
        by=worker,
        version=agreement.version,
        details=_changed(agreement, starts_on=D(2026, 2, 1), monitoring_every_months=6),
    )
    awaited = agreement.returns.get()
    assert (awaited.period_from, awaited.period_to, awaited.due_on) == (
        D(2026, 2, 1),
        D(2026, 7, 31),
        D(2026, 8, 28),
    )
    services.change_direct_payment(
        agreement=agreement,
        by=worker,
        version=agreement.version,
        details=_changed(agreement, amount=Decimal("300.00")),
    )
    awaited.refresh_from_db()
    assert awaited.version == 2  # unchanged schedule: the return is left alone


def test_a_new_interval_reschedules_only_the_return_still_awaited(worker):
    agreement = AgreementFactory.create()
    received = ReturnFactory.create(
        agreement=agreement,
        received_on=D(2026, 4, 20),
        evidence=["bank_statements"],
        balance_held=Decimal("0.00"),
    )
    awaited = ReturnFactory.create(
        agreement=agreement,
        period_from=D(2026, 4, 5),
        period_to=D(2026, 7, 4),
        due_on=D(2026, 8, 1),
    )
    services.change_direct_payment(
        agreement=agreement,
        by=worker,
        version=agreement.version,
        details=_changed(agreement, monitoring_every_months=1),
    )
    awaited.refresh_from_db()
    assert (awaited.period_from, awaited.period_to, awaited.due_on) == (
        D(2026, 4, 5),
        D(2026, 5, 4),
        D(2026, 6, 1),
    )
    received.refresh_from_db()
    assert received.period_to == D(2026, 4, 4)


def test_receiving_a_return_works_out_surplus_and_schedules_the_next(worker):
    agreement = AgreementFactory.create()  # £800 four-weekly: £200 a week
    awaited = ReturnFactory.create(agreement=agreement)
    services.record_monitoring_return(
        monitoring_return=awaited,
        by=worker,
        version=1,
        details=MonitoringReturnDetails(
            received_on=D(2026, 4, 30),
            evidence=["bank_statements"],
            balance_held=Decimal("2000.00"),
            surplus=None,
            notes="",
        ),
    )
    awaited.refresh_from_db()
    assert awaited.surplus == Decimal("400.00")  # beyond 8 weeks of £200
    following = agreement.returns.exclude(pk=awaited.pk).get()
    assert following.period_from == D(2026, 4, 5)


def test_a_surplus_recovered_leaves_the_recovery_list(worker):
    finance = UserFactory.create(role=Role.FINANCE_OFFICER)
    record = ReturnFactory.create(
        received_on=D(2026, 4, 30), balance_held=Decimal("2000"), surplus=Decimal("400")
    )
    assert list(selectors.surplus_to_recover(finance)) == [record]
    with pytest.raises(ValidationError):
        services.decide_surplus(
            monitoring_return=record,
            by=finance,
            version=1,
            details=SurplusDetails(
                surplus_decision="recover",
                recovered_amount=Decimal("500"),
                recovered_on=D(2026, 5, 20),
            ),
        )
    services.decide_surplus(
        monitoring_return=record,
        by=finance,
        version=1,
        details=SurplusDetails(
            surplus_decision="recover",
            recovered_amount=Decimal("400"),
            recovered_on=D(2026, 5, 20),
        ),
    )
    assert not selectors.surplus_to_recover(finance).exists()


def test_arranged_block_or_spot_needs_a_provider(worker):
    with pytest.raises(ValidationError):
        services.arrange_service(
            person=PersonFactory.create(),
            by=worker,
            details=ArrangedServiceDetails(
                arrangement="spot",
                provider=None,
                description="Home care",
                quantity=Decimal("5"),
                unit="hours",
                yearly_cost=Decimal("6000"),
                starts_on=D(2026, 1, 1),
                ends_on=None,
            ),
        )


def test_changing_to_a_spot_purchase_needs_a_provider_and_changes_nothing(worker):
    service = ArrangedFactory.create(arrangement="in_house", provider=None)
    with pytest.raises(ValidationError):
        services.change_arranged_service(
            service=service,
            by=worker,
            version=service.version,
            details=details_of(ArrangedServiceDetails, service, arrangement="spot"),
        )
    service.refresh_from_db()
    assert service.arrangement == "in_house"


def test_spend_aggregates_in_a_fixed_number_of_queries(
    db, django_assert_max_num_queries
):
    finance = UserFactory.create(role=Role.FINANCE_OFFICER)
    today = D(2026, 6, 1)
    for _ in range(3):
        agreement = AgreementFactory.create()
        PaymentFactory.create(agreement=agreement)
        FundFactory.create()
        ArrangedFactory.create()
    ArrangedFactory.create(ends_on=D(2026, 5, 1))  # ended: not committed
    with django_assert_max_num_queries(8):
        spend = selectors.spend(finance, today, "Not recorded")
    assert spend.by_option == {
        1: Decimal("31200.00"),
        2: Decimal("36000.00"),
        3: Decimal("27000.00"),
    }
    assert spend.paid == Decimal("2400.00")
    assert spend.self_directed_share == Decimal("71.3")
    assert sum(r.total for r in spend.rows["locality"]) == spend.total


def test_team_managers_see_spend_only_for_their_people(db):
    manager = UserFactory.create(role=Role.TEAM_MANAGER)
    FundFactory.create()
    spend = selectors.spend(manager, D(2026, 6, 1), "Not recorded")
    assert spend.total == Decimal("0.00")


def test_returns_due_lists_overdue_and_due_soon_not_received(db):
    finance = UserFactory.create(role=Role.FINANCE_OFFICER)
    overdue = ReturnFactory.create(due_on=D(2026, 5, 1))
    soon = ReturnFactory.create(due_on=D(2026, 5, 20))
    ReturnFactory.create(due_on=D(2026, 7, 1))
    ReturnFactory.create(due_on=D(2026, 4, 1), received_on=D(2026, 4, 1))
    due = selectors.returns_due(finance, today=D(2026, 5, 10), within_days=14)
    assert list(due) == [overdue, soon]
    assert MonitoringReturn.objects.count() == 4

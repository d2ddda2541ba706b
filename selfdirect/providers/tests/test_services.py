import dataclasses

import pytest

from selfdirect.accounts.tests.factories import LocalityFactory, UserFactory
from selfdirect.audit.models import AuditEvent
from selfdirect.core.concurrency import EditConflict
from selfdirect.providers import services

DETAILS = services.ProviderDetails(
    name="Riverside Care", kind="private", contract_type="spot", active=True
)


@pytest.fixture
def keeper(db):
    return UserFactory.create(role="finance_officer")


def test_adding_a_provider_records_its_localities_and_an_audit_event(keeper):
    locality = LocalityFactory.create()
    provider = services.add_provider(by=keeper, details=DETAILS, localities=[locality])
    assert list(provider.localities.all()) == [locality]
    assert provider.history.first().localities.count() == 1
    assert AuditEvent.objects.filter(action="provider.added", actor=keeper).exists()


def test_a_stale_change_is_refused_and_changes_nothing(keeper):
    provider = services.add_provider(by=keeper, details=DETAILS, localities=[])
    services.change_provider(
        provider=provider,
        by=keeper,
        version=1,
        details=dataclasses.replace(DETAILS, name="Riverside Care Ltd"),
        localities=[],
    )
    with pytest.raises(EditConflict):
        services.change_provider(
            provider=provider,
            by=keeper,
            version=1,
            details=dataclasses.replace(DETAILS, name="Someone Else"),
            localities=[],
        )
    provider.refresh_from_db()
    assert provider.name == "Riverside Care Ltd"
    assert AuditEvent.objects.filter(action="provider.changed").count() == 1

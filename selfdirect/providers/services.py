"""Keeping the providers register; each change is audited."""

from dataclasses import dataclass

from django.db import transaction

from selfdirect.accounts.models import Locality, User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import save_new, update_versioned
from selfdirect.core.details import field_values

from .models import Provider


@dataclass(frozen=True)
class ProviderDetails:
    """A provider on the register: its kind, contract, whether it is active and how
    to contact it."""

    name: str
    kind: str
    contract_type: str
    active: bool
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    care_inspectorate_number: str = ""


@transaction.atomic
def add_provider(
    *, by: User, details: ProviderDetails, localities: list[Locality]
) -> Provider:
    """Add a provider to the register (MANAGE_PROVIDERS)."""
    provider: Provider = save_new(Provider(**field_values(details)), by)
    provider.localities.set(localities)
    record_event(
        actor=by, action="provider.added", person_id=None, provider=provider.name
    )
    return provider


@transaction.atomic
def change_provider(
    *,
    provider: Provider,
    by: User,
    version: int,
    details: ProviderDetails,
    localities: list[Locality],
) -> Provider:
    """Change a provider's details (version checked)."""
    update_versioned(provider, by=by, version=version, details=field_values(details))
    provider.localities.set(localities)
    record_event(
        actor=by, action="provider.changed", person_id=None, provider=provider.name
    )
    return provider

"""Keeping the providers register; each change is audited."""

from typing import Any

from django.db import transaction

from selfdirect.accounts.models import Locality, User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import save_new, update_versioned

from .models import Provider


@transaction.atomic
def add_provider(
    *, by: User, details: dict[str, Any], localities: list[Locality]
) -> Provider:
    """Add a provider to the register (MANAGE_PROVIDERS)."""
    provider: Provider = save_new(Provider(**details), by)
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
    details: dict[str, Any],
    localities: list[Locality],
) -> Provider:
    """Change a provider's details (version checked)."""
    update_versioned(provider, by=by, version=version, details=details)
    provider.localities.set(localities)
    record_event(
        actor=by, action="provider.changed", person_id=None, provider=provider.name
    )
    return provider

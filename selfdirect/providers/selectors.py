"""Reads of the providers register, for its own pages and for the apps that name
providers (support plans, delivery, commissioning). The register is not personal."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from .models import Provider


@dataclass(frozen=True)
class ProviderFilters:
    kind: str = ""
    contract_type: str = ""
    locality: int | None = None
    include_inactive: bool = False


def providers(filters: ProviderFilters) -> QuerySet[Provider]:
    """The providers register, filtered, with the localities each serves."""
    queryset = Provider.objects.prefetch_related("localities")
    if not filters.include_inactive:
        queryset = queryset.filter(active=True)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.contract_type:
        queryset = queryset.filter(contract_type=filters.contract_type)
    if filters.locality:
        queryset = queryset.filter(localities=filters.locality)
    return queryset.order_by("name", "id")


def provider_history(provider: Provider) -> list[Any]:
    """A provider's versions, newest first, each with what changed from the one before."""
    versions = list(
        provider.history.select_related("history_user").order_by(  # type: ignore[attr-defined]
            "-history_date", "-history_id"
        )
    )
    entries = []
    for newer, older in zip(versions, [*versions[1:], None], strict=True):
        changes = (
            newer.diff_against(older, excluded_fields=["version", "updated_at"]).changes
            if older is not None
            else []
        )
        entries.append((newer, changes))
    return entries


def provider(public_id: str) -> Provider | None:
    """A provider on the register by its public id (the register is not personal)."""
    return Provider.objects.filter(public_id=public_id).first()


def providers_by_name() -> QuerySet[Provider]:
    """Every provider, on the register or not, by name (for naming who provides a
    support in a plan)."""
    return Provider.objects.order_by("name")


def active_providers(*, keeping: int | None = None) -> QuerySet[Provider]:
    """Providers on the register (active), by name, to choose from; `keeping` also
    offers that one after it has left the register, so editing a record keeps it."""
    wanted = Q(active=True)
    if keeping is not None:
        wanted |= Q(pk=keeping)
    return Provider.objects.filter(wanted).order_by("name")

import pytest
from django.urls import reverse

from .factories import ProviderFactory


@pytest.mark.parametrize("name", ["providers:list", "providers:add"])
def test_panel_members_have_no_business_with_the_register(client, personas, name):
    client.force_login(personas.panel_member)
    assert client.get(reverse(name)).status_code == 403


def test_practitioners_read_but_cannot_change_the_register(client, personas):
    client.force_login(personas.practitioner_a)
    assert client.get(reverse("providers:list")).status_code == 200
    assert client.get(reverse("providers:add")).status_code == 403


def test_providers_list_in_a_fixed_number_of_queries(
    client, personas, django_assert_max_num_queries
):
    for _ in range(30):
        ProviderFactory.create()
    client.force_login(personas.finance_officer)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("providers:list"), {"contract_type": "spot"})
    assert response.status_code == 200


def test_the_register_keeps_the_addresses_it_had_under_delivery() -> None:
    provider_id = "00000000-0000-4000-8000-000000000000"
    assert reverse("providers:list") == "/providers/"
    assert reverse("providers:add") == "/providers/new/"
    assert reverse("providers:detail", args=[provider_id]) == (
        f"/providers/{provider_id}/"
    )
    assert reverse("providers:edit", args=[provider_id]) == (
        f"/providers/{provider_id}/change/"
    )


def test_a_register_keeper_adds_then_changes_a_provider(client, personas):
    client.force_login(personas.finance_officer)
    added = client.post(
        reverse("providers:add"),
        {"name": "Lochside Care", "kind": "voluntary", "contract_type": "spot"},
    )
    assert added.status_code == 302
    assert added["Location"] == reverse("providers:list")
    provider = ProviderFactory._meta.model.objects.get(name="Lochside Care")
    changed = client.post(
        reverse("providers:edit", args=[provider.public_id]),
        {
            "version": provider.version,
            "name": "Lochside Care Ltd",
            "kind": "private",
            "contract_type": "block",
            "active": "on",
        },
    )
    assert changed["Location"] == reverse("providers:detail", args=[provider.public_id])
    page = client.get(changed["Location"]).content.decode()
    assert "Lochside Care Ltd" in page
    assert "Block contract" in page
    assert "“Lochside Care” → “Lochside Care Ltd”" in page

from django.apps import apps

from selfdirect.providers.models import Provider


def test_the_register_keeps_the_tables_it_had_in_the_delivery_app() -> None:
    history = apps.get_model("providers", "HistoricalProvider")
    localities_history = apps.get_model("providers", "HistoricalProvider_localities")
    assert Provider._meta.db_table == "delivery_provider"
    assert Provider.localities.through._meta.db_table == "delivery_provider_localities"
    assert history._meta.db_table == "delivery_historicalprovider"
    assert localities_history._meta.db_table == "delivery_historicalprovider_localities"

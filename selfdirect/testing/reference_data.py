"""The reference data that data migrations load (service groups, configuration,
budget methods), loaded again when a transactional test's flush has removed it, so
that a test's result never depends on which tests ran before it on its worker."""

import importlib

from django.apps import apps as django_apps
from django.db import migrations

DATA_MIGRATIONS = [
    "selfdirect.people.migrations.0002_service_groups",
    "selfdirect.conversations.migrations.0002_configuration",
    "selfdirect.budgets.migrations.0003_illustrative_methods",
    "selfdirect.reviews.migrations.0002_scales",
    "selfdirect.independent.migrations.0002_client_outcomes",
    "selfdirect.carers.migrations.0002_criteria",
]


def ensure_reference_data() -> None:
    """Run the data migrations' loaders again if their rows are gone (one query
    when they are there)."""
    from selfdirect.people.models import ServiceGroup

    if ServiceGroup.objects.exists():
        return
    for name in DATA_MIGRATIONS:
        for operation in importlib.import_module(name).Migration.operations:
            if isinstance(operation, migrations.RunPython):
                operation.code(django_apps, None)  # type: ignore[arg-type]

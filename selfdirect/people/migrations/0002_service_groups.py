import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "service_groups.json"


def load_service_groups(apps, schema_editor):
    ServiceGroup = apps.get_model("people", "ServiceGroup")
    for order, row in enumerate(json.loads(DATA.read_text(encoding="utf-8")), start=1):
        ServiceGroup.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "published_grouping": row["published_grouping"],
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(load_service_groups, migrations.RunPython.noop)]

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    data = json.loads((DATA / "client_outcomes.json").read_text(encoding="utf-8"))
    OutcomeType = apps.get_model("independent", "OutcomeType")
    for order, row in enumerate(data["outcomes"], start=1):
        OutcomeType.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("independent", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

import datetime
import json
from pathlib import Path

from django.db import migrations, models

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    """Seed one example method kept for carers, marked illustrative."""
    BudgetMethod = apps.get_model("budgets", "BudgetMethod")
    data = json.loads((DATA / "ras_carers_illustrative.json").read_text("utf-8"))
    BudgetMethod.objects.get_or_create(
        code=data["code"],
        version=data["version"],
        defaults={
            "name": data["name"],
            "kind": data["kind"],
            "valid_from": datetime.date.fromisoformat(data["valid_from"]),
            "illustrative": data.get("illustrative", True),
            "for_carers": True,
            "note": data.get("note", ""),
            "config": data,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("budgets", "0004_independent_manager_role")]
    operations = [
        migrations.AddField(
            model_name="budgetmethod",
            name="for_carers",
            field=models.BooleanField(
                default=False,
                help_text="Used only for carers' support plans, never for a person's own.",
                verbose_name="for unpaid carers",
            ),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]

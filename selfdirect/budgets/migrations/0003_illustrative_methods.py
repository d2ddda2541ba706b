import datetime
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"
METHODS = ["ras_adults_illustrative.json", "equivalence_illustrative.json"]


def load(apps, schema_editor):
    BudgetMethod = apps.get_model("budgets", "BudgetMethod")
    DelegatedLimit = apps.get_model("budgets", "DelegatedLimit")
    for name in METHODS:
        data = json.loads((DATA / name).read_text(encoding="utf-8"))
        BudgetMethod.objects.get_or_create(
            code=data["code"],
            version=data["version"],
            defaults={
                "name": data["name"],
                "kind": data["kind"],
                "valid_from": datetime.date.fromisoformat(data["valid_from"]),
                "illustrative": data.get("illustrative", True),
                "note": data.get("note", ""),
                "config": data,
            },
        )
    limits = json.loads((DATA / "limits_illustrative.json").read_text(encoding="utf-8"))
    for role, amount in limits["limits"].items():
        DelegatedLimit.objects.get_or_create(
            role=role,
            valid_from=datetime.date.fromisoformat(limits["valid_from"]),
            defaults={"yearly_amount": amount, "note": limits["note"]},
        )


class Migration(migrations.Migration):
    dependencies = [("budgets", "0002_methods_and_limits")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

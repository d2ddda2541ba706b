import datetime
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    data = json.loads((DATA / "eligibility_criteria.json").read_text(encoding="utf-8"))
    Criteria = apps.get_model("carers", "EligibilityCriteria")
    Domain = apps.get_model("carers", "EligibilityDomain")
    criteria, _ = Criteria.objects.update_or_create(
        version=data["version"],
        defaults={
            "in_force_from": datetime.date.fromisoformat(data["in_force_from"]),
            "threshold": data["threshold"],
            "summary": data["summary"],
        },
    )
    for order, row in enumerate(data["domains"], start=1):
        Domain.objects.update_or_create(
            criteria=criteria,
            code=row["code"],
            defaults={"name": row["name"], "order": order, "levels": data["levels"]},
        )


class Migration(migrations.Migration):
    dependencies = [("carers", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

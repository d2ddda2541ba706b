import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    OutcomeDomain = apps.get_model("conversations", "OutcomeDomain")
    EligibilityLevel = apps.get_model("conversations", "EligibilityLevel")
    domains = json.loads((DATA / "outcome_domains.json").read_text(encoding="utf-8"))
    for order, row in enumerate(domains["domains"], start=1):
        OutcomeDomain.objects.update_or_create(
            framework_version=domains["version"],
            code=row["code"],
            defaults={"name": row["name"], "group": row["group"], "order": order},
        )
    levels = json.loads((DATA / "eligibility_levels.json").read_text(encoding="utf-8"))
    for order, row in enumerate(levels["levels"], start=1):
        EligibilityLevel.objects.update_or_create(
            criteria_version=levels["version"],
            code=row["code"],
            defaults={"name": row["name"], "description": row["description"], "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("conversations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

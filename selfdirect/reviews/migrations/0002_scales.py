import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    scales = json.loads((DATA / "review_scales.json").read_text(encoding="utf-8"))
    version = scales["version"]
    AttainmentLevel = apps.get_model("reviews", "AttainmentLevel")
    for order, row in enumerate(scales["attainment"], start=1):
        AttainmentLevel.objects.update_or_create(
            scale_version=version,
            code=row["code"],
            defaults={"name": row["name"], "poor": row["poor"], "order": order},
        )
    PoorOutcomeReason = apps.get_model("reviews", "PoorOutcomeReason")
    for order, row in enumerate(scales["reasons"], start=1):
        PoorOutcomeReason.objects.update_or_create(
            scale_version=version,
            code=row["code"],
            defaults={"name": row["name"], "order": order},
        )
    FeedbackQuestion = apps.get_model("reviews", "FeedbackQuestion")
    for order, row in enumerate(scales["questions"], start=1):
        FeedbackQuestion.objects.update_or_create(
            scale_version=version,
            code=row["code"],
            defaults={"wording": row["name"], "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

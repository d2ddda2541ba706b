"""A name search's ids in order from one index (selectors.name_order).

`person_name_order` holds the folded last and first names, the id, and (as
included columns, PostgreSQL only) the status and the folded preferred name:
every column a last-name branch of the caseload's search reads, so PostgreSQL
answers it with an index-only scan instead of reading every matching person. It
replaces `person_name_key` (the same two leading columns), added first so the
names are never without an index. Reversible: going back adds `person_name_key`
again and drops this one.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_staff_of_an_organisation"),
        ("people", "0008_allocation_team_reach"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                fields=["last_name_key", "first_name_key", "id"],
                include=("status", "preferred_name_key"),
                name="person_name_order",
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops", "int8_ops"],
            ),
        ),
        migrations.RemoveIndex(
            model_name="person",
            name="person_name_key",
        ),
    ]

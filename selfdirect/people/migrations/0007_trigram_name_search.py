"""Trigram indexes for "contains" search on the folded names, on PostgreSQL only.

`pg_trgm` (a trusted extension since PostgreSQL 13: the database's owner may
create it) lets `LIKE '%word%'` use a GIN index instead of reading every person.
On SQLite this migration does nothing and the same search reads the table.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

KEYS = {
    "person_last_key_trgm": "last_name_key",
    "person_first_key_trgm": "first_name_key",
    "person_preferred_key_trgm": "preferred_name_key",
}


def add_indexes(apps, schema_editor):
    # schema_editor is None when the browser tests reload data migrations after a
    # flush (tests/browser/conftest.py): the indexes are still there then.
    if schema_editor is None or schema_editor.connection.vendor != "postgresql":
        return
    TrigramExtension().database_forwards("people", schema_editor, None, None)
    for name, column in KEYS.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON people_person "
            f"USING gin ({column} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor is None or schema_editor.connection.vendor != "postgresql":
        return
    for name in KEYS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("people", "0006_access_requests_and_break_glass")]

    operations = [migrations.RunPython(add_indexes, drop_indexes)]

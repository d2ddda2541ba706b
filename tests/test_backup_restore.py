"""The backup in docs/deploy.md restores: a pg_dump of a seeded demo, restored with
pg_restore into a new empty database, has the same rows in every table and gives
the same subject access export (PostgreSQL only)."""

import importlib
import io
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection, migrations

from selfdirect.people.models import Person, ServiceGroup

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not shutil.which("pg_dump") or not shutil.which("pg_restore"),
    reason="needs pg_dump and pg_restore",
)


def _libpq_env() -> dict[str, str]:
    """The test database's connection, as libpq's environment variables."""
    db = connection.settings_dict
    env = {**os.environ, "PGHOST": db["HOST"] or "", "PGUSER": db["USER"] or ""}
    env["PGPORT"] = str(db["PORT"] or 5432)
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _run(*command: str) -> None:
    subprocess.run(command, env=_libpq_env(), check=True, capture_output=True)  # noqa: S603


def _row_counts(dbname: str) -> dict[str, int]:
    """Rows in every table of the public schema."""
    db = connection.settings_dict
    conninfo = psycopg.conninfo.make_conninfo(
        dbname=dbname,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
    )
    with psycopg.connect(conninfo) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(
                psycopg.sql.SQL("SELECT count(*) FROM {}").format(
                    psycopg.sql.Identifier(table)
                )
            )
            counts[table] = cursor.fetchone()[0]  # type: ignore[index]
    return counts


def _export(dbname: str, person: Person) -> dict[str, Any]:
    """The person's subject access export, made by the command line on `dbname`."""
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:"
        f"{db['PORT'] or 5432}/{dbname}"
    )
    env = {**os.environ, "DATABASE_URL": url}
    env.setdefault("SECRET_KEY_FILE", str(ROOT / "var" / "secret_key"))
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "selfdirect", "export-person", str(person.public_id)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    export = json.loads(out)
    export.pop("produced_at")
    return export


# The rows data migrations load, which an earlier transactional test's flush removes.
DATA_MIGRATIONS = [
    "selfdirect.people.migrations.0002_service_groups",
    "selfdirect.conversations.migrations.0002_configuration",
    "selfdirect.budgets.migrations.0003_illustrative_methods",
    "selfdirect.reviews.migrations.0002_scales",
]


def _reference_data() -> None:
    """Load the service groups, budget methods and settings again if flushed."""
    if ServiceGroup.objects.exists():
        return
    for name in DATA_MIGRATIONS:
        for operation in importlib.import_module(name).Migration.operations:
            if isinstance(operation, migrations.RunPython):
                operation.code(django_apps, None)


@pytest.mark.django_db(transaction=True)
def test_a_dump_restores_into_an_empty_database_with_nothing_lost(tmp_path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore back up PostgreSQL")
    _reference_data()
    call_command("seed", people=20, seed=11, verbosity=0, stdout=io.StringIO())
    person = Person.objects.filter(conversations__isnull=False).order_by("pk")[0]
    original = connection.settings_dict["NAME"]
    dump = tmp_path / "selfdirect.dump"
    _run("pg_dump", "--format=custom", f"--file={dump}", f"--dbname={original}")
    restored = f"sd_restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{restored}"')
    try:
        _run(
            "pg_restore",
            "--exit-on-error",
            "--no-owner",
            f"--dbname={restored}",
            str(dump),
        )
        counts = _row_counts(original)
        assert sum(counts.values()) > 500
        assert _row_counts(restored) == counts
        assert _export(restored, person) == _export(original, person)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')

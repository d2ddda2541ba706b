import pytest
from django.db import connection


@pytest.mark.django_db
def test_postgresql_connections_run_without_jit_and_with_report_work_mem() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's settings")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "32MB"

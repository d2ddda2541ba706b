"""The seed's bulk writes sent on a second thread while the next rows are made.

The seed's process makes rows in Python and PostgreSQL stores them; one after the
other, each waits for the other, though the machine has a core for each. Inside
`writing_behind()` the bulk writes (`demo.bulk.insert`'s COPY and the history
copied in SQL) are queued for a writer thread on the same connection and the same
transaction, in order, and the seed goes on making rows. Any other query waits
until everything queued is written first (an execute wrapper), so every read still
sees every write made before it, and the transaction ends only after the queue is
empty. New rows' ids come from their sequences at once, on a second connection
(sequences are outside transactions), so the rows made next can refer to them.

A failed write is raised in the seed at its next query or at the end, and the
whole seed's transaction is rolled back as before.
"""

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
from django.db import connection

Job = Callable[[Any], None]  # given the psycopg connection


class Writer:
    """A thread that runs queued writes, in order, on the seed's connection."""

    def __init__(self) -> None:
        connection.ensure_connection()
        self.raw = connection.connection
        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        self.ids = psycopg.connect(**params, autocommit=True)
        self.jobs: queue.Queue[Job | None] = queue.Queue(maxsize=16)
        self.failed: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="seed writer")
        self.thread.start()

    def _run(self) -> None:
        while True:
            job = self.jobs.get()
            try:
                if job is None:
                    return
                if self.failed is None:
                    job(self.raw)
            except BaseException as error:  # noqa: BLE001 - raised in the seed
                self.failed = error
            finally:
                self.jobs.task_done()

    def submit(self, job: Job) -> None:
        self.check()
        self.jobs.put(job)

    def drain(self) -> None:
        """Wait until everything queued is written."""
        self.jobs.join()
        self.check()

    def check(self) -> None:
        if self.failed is not None:
            raise RuntimeError("A bulk write of the seed failed.") from self.failed

    def next_ids(self, table: str, column: str, count: int) -> list[int]:
        """`count` new ids from the table's sequence, in order."""
        rows = self.ids.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
            "FROM generate_series(1, %s)",
            [table, column, count],
        ).fetchall()
        return [pk for (pk,) in rows]

    def stop(self) -> None:
        self.jobs.put(None)
        self.thread.join()
        self.ids.close()


_current: list[Writer] = []


def current() -> Writer | None:
    """The writer of the seed running in this process, if it writes behind."""
    return _current[0] if _current else None


@contextlib.contextmanager
def writing_behind() -> Iterator[None]:
    """Queue the bulk writes made inside for a writer thread (PostgreSQL only;
    elsewhere, or when already writing behind, nothing changes)."""
    if connection.vendor != "postgresql" or _current:
        yield
        return
    writer = Writer()

    def written_first(execute: Any, sql: Any, params: Any, many: Any, context: Any):  # type: ignore[no-untyped-def]
        writer.drain()
        return execute(sql, params, many, context)

    _current.append(writer)
    try:
        with connection.execute_wrapper(written_first):
            # Each row's foreign keys are checked as its COPY ends, on the writer
            # thread beside the next rows being made, rather than all at once at
            # the commit (Django's keys are deferred). The seed writes a row only
            # after the rows it refers to.
            _constraints("IMMEDIATE")
            yield
            writer.drain()
            _constraints("DEFERRED")
    finally:
        _current.clear()
        writer.stop()


def _constraints(when: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SET CONSTRAINTS ALL {when}")

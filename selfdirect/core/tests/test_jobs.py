"""Background jobs (core.jobs): progress, files, failure, expiry, and the real
database backend's worker running a queued job."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.core import jobs
from selfdirect.core.models import Job, JobFile


@jobs.job
def write_greeting(progress: jobs.Progress, name: str) -> None:
    progress.update(50, "Writing the greeting")
    with progress.file("greeting.txt", "A greeting", "text/plain") as out:
        out.write(f"Hello {name}".encode())


@jobs.job
def fail(progress: jobs.Progress) -> None:
    progress.update(10, "About to fail")
    raise ValueError("no")


@pytest.fixture
def user(db):
    return UserFactory.create(role=Role.DATA_PROTECTION_OFFICER)


def test_a_job_runs_records_its_progress_and_keeps_its_file(user) -> None:
    job = jobs.start(write_greeting, kind="greeting", by=user, name="Morag")
    job.refresh_from_db()
    assert (job.status, job.percent, job.stage) == (
        Job.Status.DONE,
        100,
        "Writing the greeting",
    )
    assert job.task_id
    made = job.files.get()
    assert made.file.read() == b"Hello Morag"
    assert (made.size, made.kind, made.size_label) == (11, "TXT", "1 KB")


def test_a_failed_job_says_so(user) -> None:
    job = jobs.start(fail, kind="failing", by=user)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.error == "ValueError"


def test_only_who_asked_finds_a_job_until_it_expires(user) -> None:
    job = jobs.start(write_greeting, kind="greeting", by=user, subject="s", name="A")
    other = UserFactory.create(role=Role.DATA_PROTECTION_OFFICER)
    assert jobs.find(job.public_id, by=user, kind="greeting", subject="s") == job
    assert jobs.find(job.public_id, by=other, kind="greeting", subject="s") is None
    assert jobs.find(job.public_id, by=user, kind="other", subject="s") is None
    path = job.files.get().file.path
    later = timezone.now() + datetime.timedelta(hours=25)
    assert jobs.delete_expired(later) == 1
    assert not Job.objects.exists() and not JobFile.objects.exists()
    with pytest.raises(FileNotFoundError):
        open(path, "rb")  # noqa: PTH123, SIM115


def test_the_command_deletes_expired_jobs(user, capsys) -> None:
    jobs.start(write_greeting, kind="greeting", by=user, name="A")
    Job.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("delete-expired-jobs")
    assert "Deleted 1 expired job" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_the_database_backend_queues_the_job_and_the_worker_runs_it() -> None:
    from django_tasks_db.models import DBTaskResult

    user = UserFactory.create(role=Role.DATA_PROTECTION_OFFICER)
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=database):
        job = jobs.start(write_greeting, kind="greeting", by=user, name="Jean")
        job.refresh_from_db()
        assert job.status == Job.Status.QUEUED and not job.files.exists()
        assert DBTaskResult.objects.get().task_path.endswith("write_greeting")
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
        )
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.files.get().file.read() == b"Hello Jean"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"

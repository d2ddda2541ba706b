"""The access review lists staff and the pages they were refused, not people.
Subject access exports (people/views/audit.py) show everything held about one."""

import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from selfdirect.core.models import Job, JobFile, private_storage
from selfdirect.testing.url_cases import UrlCase


def _person(p: Any) -> dict[str, Any]:
    return {"person_id": p.person.public_id}


def _job(p: Any) -> Job:
    """A finished PDF export the data protection officer asked for."""
    from selfdirect.audit.exports import PDF_KIND

    job = Job.objects.create(
        kind=PDF_KIND,
        subject=str(p.person.public_id),
        requested_by=p.dpo,
        status=Job.Status.DONE,
        percent=100,
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    name = private_storage().save(
        f"jobs/{job.public_id}/export.pdf", ContentFile(b"%PDF-")
    )
    JobFile.objects.create(
        job=job,
        label="Everything held",
        filename="export.pdf",
        content_type="application/pdf",
        file=name,
        size=5,
    )
    return job


def _progress(p: Any) -> dict[str, Any]:
    return {**_person(p), "job_id": _job(p).public_id}


def _download(p: Any) -> dict[str, Any]:
    job = _job(p)
    return {**_person(p), "job_id": job.public_id, "file_id": job.files.get().pk}


_DPO_SEES_EVERYONE = "data protection officers see every record"

PERSONAL = {
    "people:export_start": UrlCase(
        _person, "dpo", outsider=None, why_no_outsider=_DPO_SEES_EVERYONE
    ),
    "people:export_progress": UrlCase(
        _progress, "dpo", outsider=None, why_no_outsider=_DPO_SEES_EVERYONE
    ),
    "people:export_download": UrlCase(
        _download, "dpo", outsider=None, why_no_outsider=_DPO_SEES_EVERYONE
    ),
}

NOT_PERSONAL = {
    "audit:access_review": "staff's refusals and read counts, for the data protection officer",
}

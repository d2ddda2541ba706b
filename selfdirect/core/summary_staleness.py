"""When a kept summary goes out of date through a write (`core.summaries`): a
save or delete of one of a summary's sources, through the ORM, marks its snapshots
stale after the write commits, and queues their refresh
(`summaries.refresh_automatically`). `connect()` is called at start-up."""

from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from . import summaries
from .models import SummarySnapshot


def _mark_stale(labels: set[str]) -> None:
    """Mark the summaries counting these sources out of date, and queue their
    refresh (`refresh_automatically`): each goes out of date once until it is
    refreshed, so this costs one query when nothing newly goes out of date."""
    keys = set().union(*(summaries._SOURCES.get(label, set()) for label in labels))
    if not keys:
        return
    now = timezone.now()
    newly = list(
        SummarySnapshot.objects.filter(
            key__in=keys, stale_since__isnull=True
        ).values_list("pk", flat=True)
    )
    if not newly:
        return
    SummarySnapshot.objects.filter(pk__in=newly, stale_since__isnull=True).update(
        stale_since=now
    )
    if settings.SUMMARY_REFRESH_AUTOMATICALLY:
        for pk in newly:
            summaries.refresh_automatically(pk, now=now)


def _source_written(sender: type[models.Model], **kwargs: Any) -> None:
    label = sender._meta.label
    if label not in summaries._SOURCES or sender.__module__ == "__fake__":
        return  # not counted by a summary, or a migration's historical model
    connection = transaction.get_connection(kwargs.get("using"))
    # Once per transaction, with every source it wrote: Django drops these
    # callbacks itself when the transaction (or the savepoint they were queued in)
    # rolls back. One marking for all of them, so a refresh the marking starts is
    # not marked out of date again by the same transaction's other sources.
    for entry in connection.run_on_commit:
        labels = getattr(entry[1], "summary_sources", None)
        if labels is not None:
            labels.add(label)
            return
    written = {label}

    def mark() -> None:
        _mark_stale(written)

    mark.summary_sources = written  # type: ignore[attr-defined]
    # After the write commits: a rolled-back write changes nothing, and the
    # write's own transaction is not lengthened.
    transaction.on_commit(mark, using=kwargs.get("using"), robust=True)


def connect() -> None:
    """Called at start-up (core's AppConfig.ready)."""
    summaries.autodiscover()
    post_save.connect(_source_written, dispatch_uid="summaries.saved")
    post_delete.connect(_source_written, dispatch_uid="summaries.deleted")

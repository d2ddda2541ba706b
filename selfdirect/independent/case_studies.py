"""The case studies the organisation's manager chooses for the funder's report: client
voice stories and clients' outcomes, only those the people in them agreed to tell."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q, QuerySet

from selfdirect.accounts.roles import Purpose
from selfdirect.core.concurrency import save_new

from .models import CaseStudy, ClientOutcome, VoiceEntry
from .services import _audit

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

INDEPENDENT = Purpose.INDEPENDENT


def _agreed(rows: QuerySet[Any]) -> QuerySet[Any]:
    return rows.filter(story_consent=True).exclude(story="")


def voice_stories(
    user: User, start: datetime.date, end: datetime.date
) -> QuerySet[VoiceEntry]:
    """Client voice stories told with the people's agreement, in the period."""
    rows = VoiceEntry.objects.visible_to(user, INDEPENDENT)
    return _agreed(rows.filter(held_on__range=(start, end))).order_by("held_on", "pk")


def outcome_stories(
    user: User, start: datetime.date, end: datetime.date
) -> QuerySet[ClientOutcome]:
    """Clients' outcomes with a story the client agreed to, in the period."""
    rows = ClientOutcome.objects.visible_to(user, INDEPENDENT)
    agreed = _agreed(rows.filter(achieved_on__range=(start, end)))
    return agreed.select_related("outcome").order_by("achieved_on", "pk")


def chosen(user: User, start: datetime.date, end: datetime.date) -> QuerySet[CaseStudy]:
    """The case studies chosen whose story falls in the period (still agreed to)."""
    in_period = Q(voice__held_on__range=(start, end)) | Q(
        outcome__achieved_on__range=(start, end)
    )
    agreed = Q(voice__story_consent=True) | Q(outcome__story_consent=True)
    return (
        CaseStudy.objects.visible_to(user, INDEPENDENT)
        .filter(in_period & agreed)
        .select_related("voice", "outcome")
        .order_by("pk")
    )


def _remove(case_study: CaseStudy, by: User) -> None:
    case_study._history_user = by  # type: ignore[attr-defined]
    _audit(by, "independent_case_study.removed", case_study)
    case_study.delete()


@transaction.atomic
def choose(
    *,
    by: User,
    offered: Iterable[VoiceEntry | ClientOutcome],
    picked: Iterable[VoiceEntry | ClientOutcome],
) -> None:
    """Make the stories offered (those of a period) case studies exactly when
    picked: new ones are added, ones no longer picked removed. Only stories told
    with agreement can be picked (the form offers no others; this checks again)."""
    picked_keys = {(type(s), s.pk) for s in picked if s.story and s.story_consent}
    for story in offered:
        field = "voice" if isinstance(story, VoiceEntry) else "outcome"
        existing = CaseStudy.objects.filter(**{field: story}).first()
        wanted = (type(story), story.pk) in picked_keys
        if wanted and existing is None:
            row = CaseStudy(title=_title(story)[:200], recorded_by=by, **{field: story})
            row.organization_id = by.organization_id  # type: ignore[assignment]
            save_new(row, by)
            _audit(by, "independent_case_study.chosen", row)
        elif not wanted and existing is not None:
            _remove(existing, by)


def _title(story: VoiceEntry | ClientOutcome) -> str:
    if isinstance(story, VoiceEntry):
        return story.get_kind_display()
    return str(story.outcome)


def unchoose_if_not_agreed(story: VoiceEntry | ClientOutcome, by: User) -> None:
    """A story no longer agreed to (or no longer told) stops being a case study."""
    if story.story and story.story_consent:
        return
    field = "voice" if isinstance(story, VoiceEntry) else "outcome"
    for case_study in CaseStudy.objects.filter(**{field: story}):
        _remove(case_study, by)

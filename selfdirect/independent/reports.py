"""The funder's report (one organisation's work for a period) and the partnership's
report of the uptake of independent support (no client detail). Counted in the
database; counts from 1 to 4 are suppressed in downloads (`suppressed`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Avg, Count, F, Q, Sum
from django.utils.translation import gettext as _

from selfdirect.accounts.roles import Purpose
from selfdirect.choices.models import IndependentSupport

from .models import (
    Client,
    ClientOutcome,
    EngagementEntry,
    GroupSession,
    InfluenceEntry,
    Referral,
    Session,
    VoiceEntry,
)

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

INDEPENDENT = Purpose.INDEPENDENT
SMALLEST_SHOWN = 5


def suppressed(count: int | float | None) -> str:
    """A count for a download: 1 to 4 shown as "1 to 4" so no one is identified."""
    if count is None:
        return "0"
    if 0 < count < SMALLEST_SHOWN and float(count).is_integer():
        return _("1 to 4")
    return str(round(count, 1)) if isinstance(count, float) else str(count)


@dataclass
class Section:
    title: str
    rows: list[tuple[str, Any]] = field(default_factory=list)


def _by_choice(rows: Any, key: str, choices: Any, count: str = "n") -> list[Any]:
    labels = dict(choices)
    return [(str(labels.get(r[key], r[key])), r[count]) for r in rows]


def funder_report(
    user: User, start: datetime.date, end: datetime.date
) -> list[Section]:
    """The organisation's work between two dates, in the funder's sections."""
    period = {"held_on__range": (start, end)}
    sessions = Session.objects.visible_to(user, INDEPENDENT).filter(**period)
    totals = sessions.aggregate(
        n=Count("pk"), clients=Count("client", distinct=True), minutes=Sum("minutes")
    )
    groups = GroupSession.objects.visible_to(user, INDEPENDENT).filter(**period)
    group = groups.aggregate(n=Count("pk"), people=Sum("attendance"))
    new_clients = Client.objects.visible_to(user, INDEPENDENT).filter(
        first_contact_on__range=(start, end)
    )
    activity = Section(
        _("Activity"),
        [
            (_("Clients supported"), totals["clients"]),
            (_("New clients"), new_clients.count()),
            (_("Anonymous new clients"), new_clients.filter(name="").count()),
            (_("Sessions"), totals["n"]),
            (_("Hours with clients"), round((totals["minutes"] or 0) / 60, 1)),
            (_("Group sessions"), group["n"]),
            (_("Group attendance"), group["people"] or 0),
        ],
    )
    kinds = sessions.values("kind").annotate(n=Count("pk")).order_by("kind")
    return [
        activity,
        Section(_("Sessions by kind"), _by_choice(kinds, "kind", Session.Kind.choices)),
        _outcomes(user, start, end),
        _sources(user, start, end, new_clients),
        _engagement(user, start, end),
        _influence(user, start, end),
        _voice(user, start, end),
    ]


def _outcomes(user: User, start: datetime.date, end: datetime.date) -> Section:
    rows = (
        ClientOutcome.objects.visible_to(user, INDEPENDENT)
        .filter(achieved_on__range=(start, end))
        .values(name=F("outcome__name"))
        .annotate(n=Count("pk"))
        .order_by("outcome__order")
    )
    return Section(_("Client outcomes"), [(r["name"], r["n"]) for r in rows])


def _sources(
    user: User, start: datetime.date, end: datetime.date, new_clients: Any
) -> Section:
    heard = (
        new_clients.values("heard_via").annotate(n=Count("pk")).order_by("heard_via")
    )
    referrals = Referral.objects.visible_to(user, INDEPENDENT).filter(
        received_on__range=(start, end)
    )
    waits = referrals.aggregate(
        n=Count("pk"),
        accepted=Count("pk", filter=~Q(status=Referral.Status.DECLINED)),
        wait=Avg(F("answered_on") - F("received_on")),
    )
    wait = waits["wait"]
    days = wait.days if isinstance(wait, datetime.timedelta) else wait
    return Section(
        _("Referral sources and waiting times"),
        [
            *_by_choice(heard, "heard_via", Client.HeardVia.choices),
            (_("Council referrals answered"), waits["n"]),
            (_("Council referrals accepted"), waits["accepted"]),
            (_("Average days from referral to answer"), days or 0),
        ],
    )


def _engagement(user: User, start: datetime.date, end: datetime.date) -> Section:
    entries = EngagementEntry.objects.visible_to(user, INDEPENDENT).filter(
        held_on__range=(start, end)
    )
    inv = EngagementEntry.Invitation
    counts = entries.aggregate(
        n=Count("pk"),
        invited=Count("pk", filter=Q(invitation=inv.INVITED)),
        others=Count("pk", filter=Q(invitation=inv.THROUGH_OTHERS)),
        not_invited=Count("pk", filter=Q(invitation=inv.NOT_INVITED)),
        attended=Count("pk", filter=Q(attended=True)),
        no_capacity=Count(
            "pk", filter=Q(not_attended_reason=EngagementEntry.Reason.NO_CAPACITY)
        ),
    )
    return Section(
        _("Strategic engagement"),
        [
            (_("Meetings and forums"), counts["n"]),
            (_("Invited by the partnership"), counts["invited"]),
            (_("Invited by other third sector members"), counts["others"]),
            (_("Not invited: learned of afterwards"), counts["not_invited"]),
            (_("Attended"), counts["attended"]),
            (_("Not attended: no capacity or resources"), counts["no_capacity"]),
        ],
    )


def _influence(user: User, start: datetime.date, end: datetime.date) -> Section:
    rows = (
        InfluenceEntry.objects.visible_to(user, INDEPENDENT)
        .filter(started_on__lte=end)
        .values("result")
        .annotate(n=Count("pk"))
        .order_by("result")
    )
    return Section(
        _("Influence: results of changes sought"),
        _by_choice(rows, "result", InfluenceEntry.Result.choices),
    )


def _voice(user: User, start: datetime.date, end: datetime.date) -> Section:
    rows = (
        VoiceEntry.objects.visible_to(user, INDEPENDENT)
        .filter(held_on__range=(start, end))
        .values("kind")
        .annotate(n=Sum("people"))
        .order_by("kind")
    )
    return Section(
        _("Client voice: people involved"),
        _by_choice(rows, "kind", VoiceEntry.Kind.choices),
    )


@dataclass(frozen=True)
class UptakeRow:
    organisation: str
    locality: str
    made: int
    waiting: int
    accepted: int
    declined: int
    closed: int


def uptake(start: datetime.date, end: datetime.date) -> list[UptakeRow]:
    """Referrals for independent support to organisations in Selfdirect, by
    organisation and locality: made, waiting, accepted, declined, closed. Counts
    only: no person's detail."""
    status = IndependentSupport.Status
    rows = (
        IndependentSupport.objects.filter(
            provider__isnull=False, referred_on__range=(start, end)
        )
        .values(org=F("provider__name"), place=F("person__locality__name"))
        .annotate(
            made=Count("pk"),
            waiting=Count("pk", filter=Q(status=status.REFERRED)),
            accepted=Count(
                "pk",
                filter=Q(
                    status__in=[status.ACCEPTED, status.SUPPORTING, status.CLOSED]
                ),
            ),
            declined=Count("pk", filter=Q(status=status.DECLINED)),
            closed=Count("pk", filter=Q(status=status.CLOSED)),
        )
        .order_by("org", "place")
    )
    return [
        UptakeRow(
            r["org"],
            r["place"] or _("Not known"),
            r["made"],
            r["waiting"],
            r["accepted"],
            r["declined"],
            r["closed"],
        )
        for r in rows
    ]


def uptake_outcomes(
    start: datetime.date, end: datetime.date
) -> list[tuple[str, str, int]]:
    """Outcomes the organisations reported back, by organisation."""
    rows = (
        IndependentSupport.objects.filter(
            provider__isnull=False, referred_on__range=(start, end)
        )
        .exclude(outcome="")
        .values(org=F("provider__name"), result=F("outcome"))
        .annotate(n=Count("pk"))
        .order_by("org", "result")
    )
    return [(r["org"], r["result"], r["n"]) for r in rows]

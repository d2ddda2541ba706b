"""The insights reports kept as summary tables (core.summaries)."""

import dataclasses
import datetime
from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.jobs import Progress
from selfdirect.core.summaries import Summary, register

from . import dashboard, outcomes, signposting
from .indicators.periods import Period


def period_params(
    start: datetime.date | None, end: datetime.date | None
) -> dict[str, str]:
    """A report's period as a summary's parameters (an open end is "")."""
    return {
        "start": start.isoformat() if start else "",
        "end": end.isoformat() if end else "",
    }


def _period(params: Mapping[str, str]) -> tuple[datetime.date | None, ...]:
    return tuple(
        datetime.date.fromisoformat(params[k]) if params.get(k) else None
        for k in ("start", "end")
    )


def compute_signposting(
    params: Mapping[str, str], progress: Progress | None = None
) -> dict[str, Any]:
    """The signposting report's three tables, as JSON-able data: the live computation."""
    start, end = _period(params)
    steps: tuple[tuple[str, Callable[..., list[Any]], Any], ...] = (
        ("by_service", signposting.by_service, _("Counting people by service")),
        ("by_term", signposting.by_term, _("Counting people by need")),
        (
            "from_plans",
            signposting.plan_supports_by_service,
            _("Counting support plans"),
        ),
    )
    data: dict[str, Any] = {}
    for n, (name, function, stage) in enumerate(steps):
        if progress:
            progress.update(10 + 28 * n, str(stage))
        data[name] = [dataclasses.asdict(row) for row in function(start, end)]
    return data


def signposting_tables(
    data: Mapping[str, Any],
) -> tuple[
    list[signposting.ReportRow], list[signposting.ReportRow], list[signposting.PlanRow]
]:
    """The report's rows back from a summary's data."""
    return (
        [signposting.ReportRow(**r) for r in data["by_service"]],
        [signposting.ReportRow(**r) for r in data["by_term"]],
        [signposting.PlanRow(**r) for r in data["from_plans"]],
    )


def _may_see(capability: Capability) -> Callable[[Any, Mapping[str, str]], bool]:
    def allowed(user: Any, params: Mapping[str, str]) -> bool:
        return bool(user.can(capability))

    return allowed


SIGNPOSTING = register(
    Summary(
        key="insights.signposting",
        title=_("Signposting report"),
        compute=compute_signposting,
        allowed=_may_see(Capability.SEE_SIGNPOSTING_REPORT),
        sources=(
            "people.Signposting",
            "people.FirstContact",
            "conversations.Conversation",
            "plans.SupportPlan",
            "plans.Support",
            "directory.Service",
            "directory.Attribute",
            "directory.TaxonomyTerm",
        ),
    )
)


def compute_outcomes(
    params: Mapping[str, str], progress: Progress | None = None
) -> dict[str, Any]:
    """The outcomes report's every figure, as JSON-able data: the live computation
    (`outcomes.report_from_data` gives the report back)."""
    start, end = _period(params)
    return outcomes.report_data(outcomes.outcomes_report(start, end, progress))


OUTCOMES = register(
    Summary(
        key="insights.outcomes",
        title=_("Outcomes report"),
        compute=compute_outcomes,
        allowed=_may_see(Capability.SEE_OUTCOMES_REPORT),
        # What the report counts and groups by (reviews.aggregates); a change to
        # a many-to-many link alone (a person's service groups, an outcome's
        # reasons or domains) is caught by the summary's maximum age.
        sources=(
            "reviews.Review",
            "reviews.OutcomeAttainment",
            "reviews.SupportReview",
            "reviews.AttainmentLevel",
            "reviews.PoorOutcomeReason",
            "reviews.FeedbackQuestion",
            "people.Person",
            "people.Allocation",
            "people.ServiceGroup",
            "accounts.Team",
            "accounts.Locality",
            "plans.PlanOutcome",
            "plans.Support",
            "conversations.PersonalOutcome",
            "conversations.OutcomeDomain",
        ),
    )
)


def area_params(area: str, period: Period, breakdown: str) -> dict[str, str]:
    """An indicators dashboard page (area, period, breakdown) as a summary's
    parameters."""
    return {
        "area": area,
        "year": str(period.year),
        "quarter": str(period.quarter or ""),
        "breakdown": breakdown,
    }


def compute_indicator_area(
    params: Mapping[str, str], progress: Progress | None = None
) -> dict[str, Any]:
    """An indicators dashboard area's figures, as the engine finds them: the live
    computation."""
    quarter = int(params["quarter"]) if params.get("quarter") else None
    period = Period(int(params["year"]), quarter)
    area = dashboard.AREAS[params["area"]]
    return dashboard.area_found(area, period, params["breakdown"], progress)


INDICATOR_AREA_KEY = "insights.indicators.3"

INDICATOR_AREA = register(
    Summary(
        # The key names the shape of what is kept: figures kept in an older shape
        # are never shown as these (".2": timings broken down by group; ".3":
        # practice_quality as at a past period's end, option 2 and 3 spend
        # pro-rated, LGBF SW2). Change it whenever an area's figures change
        # shape or meaning; old rows are left unread.
        key=INDICATOR_AREA_KEY,
        title=_("SDS indicators"),
        compute=compute_indicator_area,
        allowed=_may_see(Capability.SEE_INDICATORS),
        sources=(
            "people.Person",
            "people.Allocation",
            "people.FirstContact",
            "conversations.Conversation",
            "budgets.IndicativeBudget",
            "choices.InformationGiven",
            "choices.SupportChoice",
            "choices.ElementChoice",
            "plans.SupportPlan",
            "panel.PanelSubmission",
            "panel.PanelDecision",
            "delivery.DirectPaymentAgreement",
            "delivery.Payment",
            "delivery.IndividualServiceFund",
            "delivery.ArrangedService",
            "reviews.Review",
            "reviews.OutcomeAttainment",
            "insights.AdultSocialCareSpend",
        ),
    )
)

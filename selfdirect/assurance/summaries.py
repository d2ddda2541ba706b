"""Reading every case file, kept as a summary (core.summaries): the background
worker reads the population, keeps each person's answers and the counts, and the
page says when that was and whether records changed since."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from selfdirect.accounts.roles import Capability
from selfdirect.core.jobs import Progress
from selfdirect.core.summaries import Summary, register

from . import population, reader

# Every list a case file is built from (assurance/export): a write to any of them
# marks the reading out of date.
SOURCES = (
    "people.Person",
    "people.Allocation",
    "people.Relationship",
    "people.FirstContact",
    "people.Signposting",
    "conversations.Conversation",
    "conversations.PersonalOutcome",
    "conversations.Strength",
    "conversations.RiskEnablement",
    "choices.InformationGiven",
    "choices.AmountStated",
    "choices.IndependentSupport",
    "choices.SupportChoice",
    "choices.ElementChoice",
    "budgets.IndicativeBudget",
    "plans.SupportPlan",
    "plans.PlanOutcome",
    "plans.Support",
    "panel.PanelSubmission",
    "panel.PanelDecision",
    "delivery.DirectPaymentAgreement",
    "delivery.IndividualServiceFund",
    "delivery.ArrangedService",
    "reviews.Review",
    "reviews.OutcomeAttainment",
)


def params(version: str = reader.DEFAULT_VERSION) -> dict[str, str]:
    return {"criteria": version}


def compute_population(
    params: Mapping[str, str], progress: Progress | None = None
) -> dict[str, Any]:
    """Read every case file, keep the answers, and count them per criterion."""
    version = params.get("criteria") or reader.DEFAULT_VERSION
    as_of = timezone.localdate()

    def report(done: int, total: int) -> None:
        if progress:
            progress.update(
                5 + (90 * done) // max(total, 1),
                _("Read %(done)s of %(total)s case files")
                % {"done": done, "total": total},
            )

    people = population.read_everyone(as_of=as_of, version=version, report=report)
    return {
        "criteria_version": version,
        "as_of": as_of.isoformat(),
        "people": people,
        "counts": population.counts(version),
    }


POPULATION = register(
    Summary(
        key="assurance.population",
        title=gettext_lazy("Reading every case file"),
        compute=compute_population,
        sources=SOURCES,
        # Starting a reading is a quality lead's (RUN_FILE_READING); it reads every
        # case file, so it is refreshed automatically at most once an hour.
        allowed=lambda user, params: user.can(Capability.RUN_FILE_READING),
        refresh_delay=datetime.timedelta(hours=1),
    )
)

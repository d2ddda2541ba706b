"""Rules about direct payments, monitoring and spend, each in plain English."""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from selfdirect.core.dates import add_days, add_months

PENCE = Decimal("0.01")

# Payments in a year for each frequency. A year is 52 weeks (364 days): the
# council's finance year has 13 four-week periods, as most payroll systems do.
PAYMENTS_A_YEAR = {
    "weekly": 52,
    "fortnightly": 26,
    "four_weekly": 13,
    "monthly": 12,
    "quarterly": 4,
}

# What a direct payment can be spent on (the agreement stores the codes).
SPEND_CATEGORIES = {
    "employ_pas": _("Employing personal assistants"),
    "agency": _("Buying support from a registered care agency"),
    "short_breaks": _("Short breaks and respite"),
    "activities": _("Activities and getting out"),
    "equipment": _("Small items of equipment"),
    "transport": _("Transport to support"),
}

# Responsibilities the person (or payee) accepts when agreeing a direct payment.
# Not from regulations (no monitoring rules were found in SSI 2014/25 [U]):
# the partnership's own agreement wording, kept as data.
RESPONSIBILITIES = {
    "separate_account": _("Keep the payment in a separate bank account"),
    "spend_on_outcomes": _("Spend it only on the agreed support"),
    "keep_records": _("Keep receipts, bank statements and timesheets"),
    "send_returns": _("Send a monitoring return when asked"),
    "employer_duties": _(
        "Meet an employer's duties if employing someone (pay, tax, contracts)"
    ),
    "insurance": _("Hold employer's liability insurance if employing someone"),
    "tell_changes": _("Tell the council about changes in needs or circumstances"),
    "return_unspent": _("Give back money not spent on the support, if asked"),
}
REQUIRED_RESPONSIBILITIES = (
    "separate_account",
    "spend_on_outcomes",
    "keep_records",
    "send_returns",
)
EMPLOYER_RESPONSIBILITIES = ("employer_duties", "insurance")

# Grounds on which the council ends a direct payment (SSI 2014/25 reg 6, read in
# part [V/P]); these need notice. Other endings (the person's choice, death) don't.
COUNCIL_GROUNDS = frozenset(
    {"ineligible", "other_purposes", "breach_of_law", "family_member"}
)


def labels(names: Mapping[str, object], codes: Iterable[str]) -> list[str]:
    """The plain words for stored codes, in the list's order."""
    chosen = set(codes)
    return [str(label) for code, label in names.items() if code in chosen]


def yearly_equivalent(amount: Decimal, frequency: str) -> Decimal:
    """A payment's yearly equivalent is the amount times the payments in a year
    (52 weekly, 26 fortnightly, 13 four-weekly, 12 monthly, 4 quarterly)."""
    return (amount * PAYMENTS_A_YEAR[frequency]).quantize(PENCE, ROUND_HALF_UP)


def weekly_equivalent(yearly: Decimal) -> Decimal:
    """A yearly amount is 52 weeks of the weekly amount."""
    return (yearly / 52).quantize(PENCE, ROUND_HALF_UP)


def agreement_problems(
    *,
    amount: Decimal,
    spend_on: Iterable[str],
    responsibilities: Iterable[str],
    payee_name: str,
    payee_requested_by_person: bool,
) -> dict[str, str]:
    """A direct payment agreement needs a positive amount, at least one thing it can
    be spent on and the core responsibilities accepted (employer duties too when it
    pays personal assistants). A third-party payee is allowed only when the person
    asked for one (SSI 2014/25 reg 5)."""
    problems: dict[str, str] = {}
    spend = set(spend_on)
    accepted = set(responsibilities)
    if amount <= 0:
        problems["amount"] = str(_("Enter an amount more than £0"))
    if not spend:
        problems["spend_on"] = str(_("Choose what the payment can be spent on"))
    needed = set(REQUIRED_RESPONSIBILITIES)
    if "employ_pas" in spend:
        needed |= set(EMPLOYER_RESPONSIBILITIES)
    if not needed <= accepted:
        problems["responsibilities"] = str(
            _("The person must accept every responsibility marked as needed")
        )
    if payee_name and not payee_requested_by_person:
        problems["payee_requested_by_person"] = str(
            _(
                "A third-party payee can be set up only if the person asked for one "
                "(regulation 5)"
            )
        )
    return problems


def ending_problems(
    *,
    starts_on: datetime.date,
    ended_on: datetime.date,
    ground: str,
    notice_given_on: datetime.date | None,
    notice_days: int | None,
) -> dict[str, str]:
    """A direct payment ends on or after its start, with a ground. When the council
    ends it on a regulation 6 ground it must first give notice: the date notice was
    given and how many days, ending no sooner than the notice runs out."""
    problems: dict[str, str] = {}
    if ended_on < starts_on:
        problems["ended_on"] = str(_("The end date must be on or after the start date"))
    if not ground:
        problems["end_ground"] = str(_("Choose why the direct payment ended"))
    if ground in COUNCIL_GROUNDS:
        if notice_given_on is None or notice_days is None:
            problems["notice_given_on"] = str(
                _("Enter when notice was given and how many days it was for")
            )
        elif add_days(notice_given_on, notice_days) > ended_on:
            problems["ended_on"] = str(
                _("The payment cannot end before the notice period runs out")
            )
    return problems


def next_return_period(
    period_to: datetime.date, every_months: int
) -> tuple[datetime.date, datetime.date]:
    """The next monitoring period starts the day after the last one ended and runs
    for the agreement's number of months."""
    start = add_days(period_to, 1)
    return start, add_days(add_months(start, every_months), -1)


def return_due_on(period_to: datetime.date, grace_days: int) -> datetime.date:
    """A monitoring return is due a set number of days after its period ends."""
    return add_days(period_to, grace_days)


@dataclass(frozen=True)
class MonitoringStatus:
    overdue: bool
    due_soon: bool
    days: int  # days overdue (positive) or until due (negative or zero)


def monitoring_status(
    *,
    due_on: datetime.date,
    received_on: datetime.date | None,
    today: datetime.date,
    within_days: int,
) -> MonitoringStatus | None:
    """A return not yet received is overdue once its due date has passed, and due
    soon when it falls due within the next few days. A received return is neither."""
    if received_on is not None:
        return None
    days = (today - due_on).days
    return MonitoringStatus(
        overdue=days > 0, due_soon=-within_days <= days <= 0, days=days
    )


def surplus(
    *, balance_held: Decimal, yearly_amount: Decimal, weeks_allowed: int
) -> Decimal:
    """The surplus is what the person holds beyond the contingency they may keep
    (a number of weeks of the payment, set by the partnership); never below £0."""
    allowed = (weekly_equivalent(yearly_amount) * weeks_allowed).quantize(PENCE)
    return max(Decimal("0.00"), (balance_held - allowed).quantize(PENCE))


def return_problems(
    *,
    period_from: datetime.date,
    period_to: datetime.date,
    received_on: datetime.date | None,
    balance_held: Decimal | None,
    surplus_amount: Decimal | None,
    evidence: Iterable[str],
) -> dict[str, str]:
    """A monitoring period ends after it starts. A received return records the
    evidence seen and the balance held; a surplus is never more than the balance."""
    problems: dict[str, str] = {}
    if period_to < period_from:
        problems["period_to"] = str(_("The period must end after it starts"))
    if received_on is None:
        return problems
    if not list(evidence):
        problems["evidence"] = str(_("Choose the evidence received"))
    if balance_held is None:
        problems["balance_held"] = str(_("Enter the balance held"))
    elif surplus_amount is not None and surplus_amount > balance_held:
        problems["surplus"] = str(_("The surplus cannot be more than the balance held"))
    return problems


def recovery_problems(
    *,
    surplus_amount: Decimal | None,
    decision: str,
    recovered_amount: Decimal | None,
    recovered_on: datetime.date | None,
) -> dict[str, str]:
    """Only a surplus can be recovered; a recovery records an amount no more than the
    surplus and the date it was recovered."""
    if not surplus_amount:
        return {"surplus_decision": str(_("This return has no surplus to recover"))}
    if decision != "recover" or recovered_on is None and recovered_amount is None:
        return {}
    problems: dict[str, str] = {}
    if recovered_amount is None or recovered_amount <= 0:
        problems["recovered_amount"] = str(_("Enter the amount recovered"))
    elif recovered_amount > surplus_amount:
        problems["recovered_amount"] = str(
            _("The amount recovered cannot be more than the surplus")
        )
    if recovered_on is None:
        problems["recovered_on"] = str(_("Enter the date it was recovered"))
    return problems


def is_active(
    starts_on: datetime.date, ends_on: datetime.date | None, today: datetime.date
) -> bool:
    """A delivery record is active (committed spend) from its start date until its
    end date, inclusive; with no end date it runs on."""
    return starts_on <= today and (ends_on is None or ends_on >= today)


def self_directed_share(
    option_1: Decimal, option_2: Decimal, total: Decimal
) -> Decimal | None:
    """The inspectors' indicator: spend on options 1 and 2 as a percentage of all
    committed spend, to one decimal place; none when nothing is committed."""
    if not total:
        return None
    return ((option_1 + option_2) * 100 / total).quantize(Decimal("0.1"), ROUND_HALF_UP)


def financial_year_start(today: datetime.date) -> datetime.date:
    """The Scottish public-sector financial year starts on 1 April."""
    year = today.year if today.month >= 4 else today.year - 1
    return datetime.date(year, 4, 1)


def delivery_stage(
    *, direct_payment: bool, service_fund: bool, arranged: bool
) -> tuple[str, str]:
    """Delivery is done once any service is in place: a direct payment (Option 1),
    an individual service fund (Option 2) or a service the council arranges
    (Option 3); otherwise not started."""
    from selfdirect.people.hook_points import StageStatus

    in_place = [
        str(label)
        for present, label in (
            (direct_payment, _("a direct payment")),
            (service_fund, _("an individual service fund")),
            (arranged, _("a service arranged by the council")),
        )
        if present
    ]
    if not in_place:
        return StageStatus.NOT_STARTED, str(_("No support in place yet."))
    return StageStatus.DONE, str(_("In place: %(what)s.")) % {
        "what": ", ".join(in_place)
    }

"""The dashboard's shared parts: the names of breakdowns, figures, columns and
keys, and the cells, tables and figures a page is made of (dashboard.py builds
them; dashboard_tables.py makes the tables)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

DIMENSION_NAMES = {
    "locality": _("Locality"),
    "team": _("Team"),
    "service_group": _("Service group"),
    "age_band": _("Age band"),
    "option": _("Option"),
    "trend": _("Last 12 quarters"),
}

TITLES = {
    "options": _("People getting each option"),
    "population": _("People with a plan or support"),
    "implementation_rate_phs": _("Implementation rate (PHS)"),
    "implementation_rate_choice": _("Implementation rate (given a choice)"),
    "informed_choice": _("Informed choice"),
    "sds_discussed_first_contact": _("SDS discussed at first contact"),
    "spend_options_1_2": _("Spend on options 1 and 2"),
    "timings": _("How long things take"),
    "outcomes": _("Outcomes reviewed"),
    "practice_quality": _("Quality of practice in the records"),
    "carers": _("Carer support plans and young carer statements"),
}

# timings' steps and waits, in the journey's order.
TIMING_STEPS = (
    "first_contact_to_agreed_conversation",
    "conversation_to_budget",
    "panel_submission_to_decision",
    "decision_to_first_delivery",
)
TIMING_WAITS = ("waiting_for_panel_decision", "waiting_for_service_to_start")
STEP_NAMES = {
    "first_contact_to_agreed_conversation": _(
        "First contact to an agreed conversation"
    ),
    "conversation_to_budget": _("Conversation to a budget"),
    "panel_submission_to_decision": _("Panel submission to decision"),
    "decision_to_first_delivery": _("Decision to the service starting"),
}
WAIT_NAMES = {
    "waiting_for_panel_decision": _("Waiting for a panel decision now"),
    "waiting_for_service_to_start": _("Approved, waiting for the service to start"),
}

# carers' kinds and measures, in order, with their names.
CARER_KINDS = {
    "plans": _("Adult carer support plans"),
    "statements": _("Young carer statements"),
    "all": _("Either"),
}
CARER_MEASURES = {
    "offered": _("offered"),
    "completed": _("completed"),
    "reviewed": _("reviewed"),
}

# practice_quality's measures, in order, with their column names.
PRACTICE_KEYS = (
    "own_words",
    "strengths",
    "risk_enablement",
    "smart",
    "contingency",
    "informal_supports",
)
PRACTICE_COLUMNS = [
    _("Outcomes in own words"),
    _("Strengths recorded"),
    _("Risk enablement"),
    _("SMART plan outcomes"),
    _("Contingency arrangements"),
    _("Informal or community support in the plan"),
]


RATE_COLUMNS = [_("People counted"), _("Out of"), _("Rate (%)")]
OPTION_KEYS = ("option_1", "option_2", "option_3", "option_4", "any")
OPTION_COLUMNS = [_("Option 1"), _("Option 2"), _("Option 3"), _("Option 4"), _("Any")]


@dataclass
class Cell:
    label: Any
    value: object
    drill: str = ""  # the count to list the people of, when there is a list


@dataclass
class Table:
    caption: str
    columns: list[Any]
    rows: list[list[object]]
    counts: int = 0  # how many columns after the label are counts (not rates)
    # Drill-through: the indicator, and for each column after the label the
    # count whose people a cell lists ("" for none); `links` holds, per row, each
    # cell's address (set by dashboard_links.attach, "" for no link).
    indicator: str = ""
    drills: list[str] = field(default_factory=list)
    dimension: str = ""  # the breakdown the rows are ("" for none)
    row_drills: list[str] = field(default_factory=list)  # or: each row's count
    links: list[list[str]] = field(default_factory=list)

    def cells(self) -> list[list[tuple[object, str]]]:
        """Each row's cells with their drill-through address ("" for none)."""
        return [
            [
                (value, self.links[r][c] if r < len(self.links) else "")
                for c, value in enumerate(row)
            ]
            for r, row in enumerate(self.rows)
        ]


@dataclass
class Figure:
    id: str
    title: Any
    definition: Any
    headline: list[Cell] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

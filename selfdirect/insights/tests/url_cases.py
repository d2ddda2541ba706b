"""Insights pages count people. The indicator pages show counts; the drill-through
lists only people the user reaches (through `visible_to`); one person's "what the
indicators saw" page goes through the chokepoint. The outcomes report's
drill-through lists the people behind a count, through visible_to."""

from typing import Any

from selfdirect.testing.url_cases import UrlCase


def _person(p: Any) -> dict[str, Any]:
    return {"person_id": p.person.public_id}


PERSONAL: dict[str, UrlCase] = {
    "insights:indicator_person": UrlCase(
        _person,
        "quality_lead",
        refused="finance_officer",
        outsider="practitioner_b",
        outsider_role="team_manager",
    ),
}

NOT_PERSONAL = {
    "insights:signposting_report": "aggregate counts of people per service, no one identified",
    "insights:outcomes_report": "aggregate counts of outcomes and people, no one identified",
    "insights:carers_report": "aggregate counts of carers, no one identified",
    "insights:outcomes_people": "a list of the people behind a count, scoped by "
    "visible_to (insights/tests/test_outcomes.py); no one person's record in the URL",
    "insights:outcomes_summary": "keeps or refreshes the report's summary and shows "
    "its progress: counts only",
    "insights:signposting_summary": "refreshes and shows the progress of the report's summary: counts only",
    "insights:indicators": "a list of the indicator pages",
    "insights:indicators_area": "aggregate counts for the partnership and teams",
    "insights:indicators_summary": "keeps or refreshes an area's summary and shows "
    "its progress: counts only",
    "insights:indicator_people": "the people counted in a figure, or in one row "
    "of its breakdown tables (by=, group=), filtered through "
    "Person.objects.visible_to for the user, the names shown in the access log "
    "(insights/tests/test_drill_rows.py); no one person's record in the URL",
    "insights:spend_list": "the partnership's yearly spend totals, nobody's data",
    "insights:spend_new": "finance enters a yearly total, nobody's data",
    "insights:spend_change": "finance corrects a yearly total, nobody's data "
    "(refusals tested in insights/tests/test_spend_change.py)",
}

"""Insights pages count people; they never show one person's data. The outcomes
report's drill-through lists the people behind a count, through visible_to."""

from selfdirect.testing.url_cases import UrlCase  # noqa: F401

PERSONAL: dict[str, UrlCase] = {}

NOT_PERSONAL = {
    "insights:signposting_report": "aggregate counts of people per service, no one identified",
    "insights:outcomes_report": "aggregate counts of outcomes and people, no one identified",
    "insights:outcomes_people": "a list of the people behind a count, scoped by "
    "visible_to (insights/tests/test_outcomes.py); no one person's record in the URL",
    "insights:signposting_summary": "refreshes and shows the progress of the report's summary: counts only",
}

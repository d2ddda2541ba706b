"""Insights pages count people; they never show one person's data."""

from selfdirect.testing.url_cases import UrlCase  # noqa: F401

PERSONAL: dict[str, UrlCase] = {}

NOT_PERSONAL = {
    "insights:signposting_report": "aggregate counts of people per service, no one identified",
    "insights:signposting_summary": "refreshes and shows the progress of the report's summary: counts only",
}

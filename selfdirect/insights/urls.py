from django.urls import path

from . import outcome_views, views

app_name = "insights"

urlpatterns = [
    # The signposting report kept the path it had in the directory.
    path(
        "directory/signposting-report/",
        views.signposting_report,
        name="signposting_report",
    ),
    path("reports/outcomes/", outcome_views.outcomes_report, name="outcomes_report"),
    path(
        "reports/outcomes/people/",
        outcome_views.outcomes_people,
        name="outcomes_people",
    ),
    path(
        "directory/signposting-report/summary/",
        views.signposting_summary,
        name="signposting_summary",
    ),
]

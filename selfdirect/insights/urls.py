from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    # The signposting report kept the path it had in the directory.
    path(
        "directory/signposting-report/",
        views.signposting_report,
        name="signposting_report",
    ),
    path(
        "directory/signposting-report/summary/",
        views.signposting_summary,
        name="signposting_summary",
    ),
]

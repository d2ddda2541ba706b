from django.urls import path

from . import carer_views, indicator_views, outcome_views, spend_views, views

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
        "reports/outcomes/summary/",
        outcome_views.outcomes_summary,
        name="outcomes_summary",
    ),
    path("reports/carers/", carer_views.carers_report, name="carers_report"),
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

# The SDS indicators dashboard (docs/indicators.md).
urlpatterns += [
    path("insights/indicators/", indicator_views.indicators_home, name="indicators"),
    path(
        "insights/indicators/people/<uuid:person_id>/",
        indicator_views.indicator_person,
        name="indicator_person",
    ),
    path(
        "insights/indicators/<slug:indicator>/<slug:count>/people/",
        indicator_views.indicator_people,
        name="indicator_people",
    ),
    path(
        "insights/indicators/<slug:area>/",
        indicator_views.indicators_area,
        name="indicators_area",
    ),
    path(
        "insights/indicators/<slug:area>/summary/",
        indicator_views.indicators_summary,
        name="indicators_summary",
    ),
    path("insights/spend/", spend_views.spend_list, name="spend_list"),
    path("insights/spend/new/", spend_views.spend_new, name="spend_new"),
    path(
        "insights/spend/<int:year>/change/",
        spend_views.spend_change,
        name="spend_change",
    ),
]

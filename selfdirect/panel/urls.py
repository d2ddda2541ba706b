from django.urls import path

from . import person_views, views

app_name = "panel"

P = "people/<uuid:person_id>/panel"
S = "panel/submissions/<uuid:submission_id>"

urlpatterns = [
    path(f"{P}/new/", person_views.new_submission, name="new_submission"),
    path(
        f"{P}/<uuid:submission_id>/",
        person_views.person_submission,
        name="person_submission",
    ),
    path(f"{P}/<uuid:submission_id>/resubmit/", person_views.resubmit, name="resubmit"),
    path(
        f"{P}/<uuid:submission_id>/service-started/",
        person_views.service_started,
        name="service_started",
    ),
    path(
        f"{P}/decisions/<uuid:decision_id>/told/",
        person_views.record_told,
        name="record_told",
    ),
    path(
        f"{P}/decisions/<uuid:decision_id>/your-decision/",
        person_views.your_decision,
        {"fmt": "html"},
        name="your_decision",
    ),
    path(
        f"{P}/decisions/<uuid:decision_id>/your-decision.pdf",
        person_views.your_decision,
        {"fmt": "pdf"},
        name="your_decision_pdf",
    ),
    path("panel/", views.submissions, name="submissions"),
    path("panel/waiting/", views.waiting_list, name="waiting_list"),
    path("panel/meetings/", views.meetings, name="meetings"),
    path("panel/meetings/<uuid:meeting_id>/", views.meeting_agenda, name="meeting"),
    path(f"{S}/", views.submission_detail, name="submission"),
    path(f"{S}/list/", views.list_for_meeting, name="list_for_meeting"),
    path(f"{S}/decide/", views.decide, name="decide"),
]

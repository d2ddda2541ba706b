from django.urls import path

from .views import access_requests, audit, first_contacts, people, records

app_name = "people"

urlpatterns = [
    path("", people.caseload, name="caseload"),
    path("new/", people.add_person, name="add"),
    path("follow-ups/", first_contacts.follow_ups, name="follow_ups"),
    path(
        "ask-for-access/<str:reference>/",
        access_requests.ask_for_access,
        name="ask_for_access",
    ),
    path(
        "emergency-access/<str:reference>/",
        access_requests.break_glass,
        name="break_glass",
    ),
    path(
        "access-requests/",
        access_requests.access_requests_to_decide,
        name="access_requests",
    ),
    path(
        "access-requests/yours/",
        access_requests.my_access_requests,
        name="my_access_requests",
    ),
    path(
        "access-requests/<uuid:request_id>/",
        access_requests.decide_access_request,
        name="decide_access_request",
    ),
    path(
        "emergency-access-review/",
        access_requests.break_glass_openings,
        name="break_glass_openings",
    ),
    path(
        "emergency-access-review/<uuid:request_id>/",
        access_requests.review_break_glass,
        name="review_break_glass",
    ),
    path("<uuid:person_id>/", people.person_detail, name="detail"),
    path("<uuid:person_id>/edit/", people.edit_person, name="edit"),
    path("<uuid:person_id>/allocate/", records.allocate, name="allocate"),
    path(
        "<uuid:person_id>/relationships/new/",
        records.add_relationship,
        name="add_relationship",
    ),
    path(
        "<uuid:person_id>/first-contacts/new/",
        first_contacts.record_first_contact,
        name="record_first_contact",
    ),
    path(
        "<uuid:person_id>/first-contacts/<uuid:contact_id>/",
        first_contacts.first_contact_detail,
        name="first_contact",
    ),
    path(
        "<uuid:person_id>/first-contacts/<uuid:contact_id>/follow-up/",
        first_contacts.record_follow_up,
        name="record_follow_up",
    ),
    path("<uuid:person_id>/history/", audit.history, name="history"),
    path("<uuid:person_id>/access-log/", audit.access_log, name="access_log"),
    path("<uuid:person_id>/merge/", audit.merge, name="merge"),
    path("<uuid:person_id>/export.json", audit.export_json, name="export_json"),
    path("<uuid:person_id>/export/", audit.export_start, name="export_start"),
    path(
        "<uuid:person_id>/export/<uuid:job_id>/",
        audit.export_progress,
        name="export_progress",
    ),
    path(
        "<uuid:person_id>/export/<uuid:job_id>/files/<int:file_id>/",
        audit.export_download,
        name="export_download",
    ),
]

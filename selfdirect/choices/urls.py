from django.urls import path

from . import views

app_name = "choices"

urlpatterns = [
    path(
        "<uuid:person_id>/choices/information/new/",
        views.information,
        name="information",
    ),
    path(
        "<uuid:person_id>/choices/independent-support/new/",
        views.independent_support,
        name="independent_support",
    ),
    path(
        "<uuid:person_id>/choices/independent-support/<uuid:support_id>/",
        views.update_independent_support,
        name="update_independent_support",
    ),
    path("<uuid:person_id>/choices/new/", views.record_choice, name="record_choice"),
    path(
        "<uuid:person_id>/choices/easy-read.pdf",
        views.easy_read_for_person,
        name="easy_read_for_person",
    ),
    path(
        "<uuid:person_id>/choices/direct-payment/new/",
        views.direct_payment,
        name="direct_payment",
    ),
    path(
        "<uuid:person_id>/choices/direct-payment/<uuid:check_id>/letter.pdf",
        views.refusal_letter,
        name="refusal_letter",
    ),
    path(
        "<uuid:person_id>/choices/<uuid:choice_id>/", views.choice_detail, name="choice"
    ),
]

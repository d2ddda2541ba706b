from django.urls import path

from . import views

app_name = "reviews"

REVIEW = "people/<uuid:person_id>/reviews/<uuid:review_id>/"

urlpatterns = [
    path("reviews/due/", views.due, name="due"),
    path(
        "people/<uuid:person_id>/plans/<uuid:plan_id>/review/new/",
        views.start,
        name="start",
    ),
    path(REVIEW, views.detail, name="detail"),
    path(REVIEW + "who-took-part/", views.about, name="about"),
    path(REVIEW + "outcomes/<int:part_id>/", views.attainment, name="attainment"),
    path(REVIEW + "supports/<int:part_id>/", views.support, name="support"),
    path(REVIEW + "risks/<int:part_id>/", views.risk, name="risk"),
    path(REVIEW + "next/", views.next_step, name="next_step"),
    path(REVIEW + "share/", views.share, name="share"),
    path(REVIEW + "agree/", views.agree, name="agree"),
    path(REVIEW + "my-review/", views.my_review, name="my_review"),
    path(
        REVIEW + "next/plan-version/",
        views.new_plan_version,
        name="new_plan_version",
    ),
]

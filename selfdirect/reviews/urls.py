from django.urls import path

from . import views, views_follow_on

app_name = "reviews"

REVIEW = "people/<uuid:person_id>/reviews/<uuid:review_id>/"

urlpatterns = [
    path("reviews/due/", views.due, name="due"),
    path("reviews/risks-due/", views_follow_on.risks_due, name="risks_due"),
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
    path(REVIEW + "my-review.pdf", views_follow_on.my_review_pdf, name="my_review_pdf"),
    path(REVIEW + "own-words/new/", views_follow_on.correction, name="add_correction"),
    path(
        REVIEW + "next/change-of-option/",
        views_follow_on.change_option,
        name="change_option",
    ),
    path(
        REVIEW + "next/plan-version/",
        views.new_plan_version,
        name="new_plan_version",
    ),
]

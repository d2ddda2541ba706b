from django.urls import path

from . import views

app_name = "plans"

PLAN = "people/<uuid:person_id>/plans/<uuid:plan_id>/"

urlpatterns = [
    path("people/<uuid:person_id>/plans/new/", views.start, name="start"),
    path(PLAN, views.detail, name="detail"),
    path(PLAN + "outcomes/new/", views.outcome, name="add_outcome"),
    path(PLAN + "outcomes/<int:outcome_id>/", views.outcome, name="edit_outcome"),
    path(
        PLAN + "outcomes/<int:outcome_id>/remove/",
        views.remove_outcome,
        name="remove_outcome",
    ),
    path(PLAN + "supports/new/", views.support, name="add_support"),
    path(PLAN + "supports/<int:support_id>/", views.support, name="edit_support"),
    path(
        PLAN + "supports/<int:support_id>/remove/",
        views.remove_support,
        name="remove_support",
    ),
    path(
        PLAN + "supports/<int:support_id>/follow-up/",
        views.support_follow_up,
        name="support_follow_up",
    ),
    path(PLAN + "contingency/", views.contingency, name="contingency"),
    path(PLAN + "budget/", views.budget, name="budget"),
    path(PLAN + "agree/", views.agree, name="agree"),
    path(PLAN + "new-version/", views.new_version, name="new_version"),
    path(PLAN + "my-plan/", views.my_plan, name="my_plan"),
    path(PLAN + "my-plan.pdf", views.my_plan, {"fmt": "pdf"}, name="my_plan_pdf"),
]

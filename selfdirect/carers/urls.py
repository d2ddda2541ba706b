from django.urls import path

from . import views

app_name = "carers"

CARER = "carers/<uuid:carer_id>/"
PLAN = "carers/plans/<uuid:plan_id>/"

urlpatterns = [
    path("carers/", views.lists, name="lists"),
    path("carers/eligibility/", views.criteria_page, name="criteria"),
    path("carers/eligibility.pdf", views.criteria_pdf, name="criteria_pdf"),
    path(
        "people/<uuid:person_id>/relationships/<int:relationship_id>/carer/new/",
        views.identify_from_relationship,
        name="identify_relationship",
    ),
    path("people/<uuid:person_id>/carer/new/", views.identify_self, name="identify"),
    path(CARER, views.carer, name="carer"),
    path(CARER + "offers/new/", views.new_offer, name="offer"),
    path(CARER + "offers/<uuid:offer_id>/", views.answer, name="answer"),
    path(CARER + "discharge/new/", views.new_discharge, name="discharge"),
    path(CARER + "sharing/", views.sharing, name="sharing"),
    path(CARER + "plans/new/", views.start_plan, name="start_plan"),
    path(PLAN, views.plan, name="plan"),
    path(PLAN + "sections/<slug:section>/", views.section, name="section"),
    path(PLAN + "outcomes/new/", views.new_outcome, name="outcome"),
    path(PLAN + "breaks/new/", views.new_break, name="break"),
    path(PLAN + "impacts/", views.impacts, name="impacts"),
    path(PLAN + "share/", views.share, name="share"),
    path(PLAN + "agree/", views.agree, name="agree"),
    path(PLAN + "mine/", views.my_plan, name="my_plan"),
    path(PLAN + "mine.pdf", views.my_plan_pdf, name="my_plan_pdf"),
]

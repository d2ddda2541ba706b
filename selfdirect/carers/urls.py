from django.urls import path

from . import plan_views, review_views, support_views, views

app_name = "carers"

CARER = "carers/<uuid:carer_id>/"
PLAN = "carers/plans/<uuid:plan_id>/"
REVIEW = "carers/reviews/<uuid:review_id>/"

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
    path(CARER + "plans/new/", plan_views.start_plan, name="start_plan"),
    path(PLAN, plan_views.plan, name="plan"),
    path(PLAN + "sections/<slug:section>/", plan_views.section, name="section"),
    path(PLAN + "outcomes/new/", plan_views.new_outcome, name="outcome"),
    path(PLAN + "breaks/new/", plan_views.new_break, name="break"),
    path(PLAN + "impacts/", plan_views.impacts, name="impacts"),
    path(PLAN + "budget/new/", support_views.budget, name="budget"),
    path(PLAN + "supports/new/", support_views.new_support, name="support"),
    path(
        PLAN + "supports/<uuid:support_id>/",
        support_views.change_support,
        name="change_support",
    ),
    path(PLAN + "signposting/new/", support_views.new_signposting, name="signposting"),
    path(
        PLAN + "signposting/<uuid:signposting_id>/",
        support_views.follow_up,
        name="follow_up",
    ),
    path(PLAN + "share/", plan_views.share, name="share"),
    path(PLAN + "agree/", plan_views.agree, name="agree"),
    path(PLAN + "mine/", plan_views.my_plan, name="my_plan"),
    path(PLAN + "mine.pdf", plan_views.my_plan_pdf, name="my_plan_pdf"),
    path(PLAN + "reviews/new/", review_views.start_review, name="start_review"),
    path(REVIEW, review_views.review, name="review"),
    path(REVIEW + "meeting/", review_views.review_details, name="review_details"),
    path(
        REVIEW + "outcomes/<int:row_id>/",
        review_views.review_outcome,
        name="review_outcome",
    ),
    path(REVIEW + "next/", review_views.review_next, name="review_next"),
    path(REVIEW + "share/", review_views.review_share, name="review_share"),
    path(REVIEW + "agree/", review_views.review_agree, name="review_agree"),
]

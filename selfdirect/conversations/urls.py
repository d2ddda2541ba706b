from django.urls import path

from . import views

app_name = "conversations"

C = "<uuid:person_id>/conversations/<uuid:conversation_id>"

urlpatterns = [
    path("<uuid:person_id>/conversations/new/", views.start, name="start"),
    path(f"{C}/", views.detail, name="detail"),
    path(f"{C}/edit/", views.edit, name="edit"),
    path(f"{C}/outcomes/new/", views.outcome, name="add_outcome"),
    path(f"{C}/outcomes/<int:outcome_id>/edit/", views.outcome, name="edit_outcome"),
    path(f"{C}/strengths/new/", views.strength, name="add_strength"),
    path(f"{C}/risks/new/", views.risk, name="add_risk"),
    path(f"{C}/share/", views.share, name="share"),
    path(f"{C}/agree/", views.agree, name="agree"),
    path(f"{C}/corrections/new/", views.correction, name="add_correction"),
    path(f"{C}/my-record/", views.my_record, {"fmt": "html"}, name="my_record"),
    path(f"{C}/my-record.pdf", views.my_record, {"fmt": "pdf"}, name="my_record_pdf"),
]

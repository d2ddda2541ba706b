from django.urls import path

from . import views

app_name = "budgets"

P = "people/<uuid:person_id>/budgets"
B = f"{P}/<uuid:budget_id>"

urlpatterns = [
    path(f"{P}/ras/new/", views.new_ras_budget, name="new_ras"),
    path(f"{P}/equivalence/new/", views.new_equivalence_budget, name="new_equivalence"),
    path(f"{B}/", views.budget_detail, name="detail"),
    path(f"{B}/explained/", views.explained, {"fmt": "html"}, name="explained"),
    path(f"{B}/explained.pdf", views.explained, {"fmt": "pdf"}, name="explained_pdf"),
    path("budgets/methods/", views.methods, name="methods"),
]

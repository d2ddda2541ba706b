from django.urls import path

from . import views

app_name = "providers"

urlpatterns = [
    path("providers/", views.provider_list, name="list"),
    path("providers/new/", views.add_provider, name="add"),
    path("providers/<uuid:provider_id>/", views.provider_detail, name="detail"),
    path("providers/<uuid:provider_id>/change/", views.edit_provider, name="edit"),
]

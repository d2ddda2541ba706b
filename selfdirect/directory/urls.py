from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("directory/", views.search, name="search"),
    path("directory/services/new", views.service_form, name="add_service"),
    path("directory/services/<uuid:service_id>/", views.service_detail, name="service"),
    path(
        "directory/services/<uuid:service_id>/edit",
        views.service_form,
        name="edit_service",
    ),
    path(
        "directory/services/<uuid:service_id>/checked",
        views.mark_checked,
        name="mark_checked",
    ),
    path(
        "directory/services/<uuid:service_id>/places/new",
        views.place_form,
        name="add_place",
    ),
    path(
        "directory/services/<uuid:service_id>/places/<uuid:place_id>/edit",
        views.place_form,
        name="edit_place",
    ),
    path("directory/to-check/", views.stale, name="stale"),
]

from django.urls import path

from . import views

app_name = "assurance"

urlpatterns = [
    path(
        "assurance/file-reading/everyone/",
        views.population_reading,
        name="population_reading",
    ),
    path(
        "assurance/file-reading/everyone/progress/",
        views.population_progress,
        name="population_progress",
    ),
]

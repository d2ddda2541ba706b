from django.urls import path

from . import views

app_name = "assurance_results"

urlpatterns = [
    path(
        "assurance/exercises/<uuid:exercise_id>/results/",
        views.exercise_results,
        name="exercise_results",
    ),
    path(
        "assurance/exercises/<uuid:exercise_id>/results.csv",
        views.exercise_results_csv,
        name="exercise_results_csv",
    ),
    path(
        "assurance/exercises/<uuid:exercise_id>/results.pdf",
        views.exercise_results_pdf,
        name="exercise_results_pdf",
    ),
]

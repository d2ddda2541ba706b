from django.urls import path

from . import views
from .exercises import views as exercise_views
from .report import views as report_views

app_name = "assurance"

E = "file-reading/exercises/<uuid:exercise_id>/"
R = E + "readings/<uuid:reading_id>/"

urlpatterns = [
    path(
        "file-reading/everyone/",
        views.population_reading,
        name="population_reading",
    ),
    path(
        "file-reading/everyone/progress/",
        views.population_progress,
        name="population_progress",
    ),
    path("file-reading/exercises/", exercise_views.exercise_list, name="exercises"),
    path(
        "file-reading/exercises/new/",
        exercise_views.exercise_new,
        name="exercise_new",
    ),
    path(E, exercise_views.exercise_detail, name="exercise"),
    path(E + "draw/", exercise_views.draw, name="draw"),
    path(
        E + "second-readings/", exercise_views.second_readings, name="second_readings"
    ),
    path(E + "complete/", exercise_views.complete, name="complete"),
    path(E + "results/", report_views.exercise_results, name="exercise_results"),
    path(
        E + "results.csv",
        report_views.exercise_results_csv,
        name="exercise_results_csv",
    ),
    path(
        E + "results.pdf",
        report_views.exercise_results_pdf,
        name="exercise_results_pdf",
    ),
    path(R, exercise_views.reading, name="reading"),
    path(R + "reader/", exercise_views.give_reading, name="give_reading"),
]

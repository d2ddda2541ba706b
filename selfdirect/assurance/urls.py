from django.urls import path

from .exercises import views
from .report import views as report_views

app_name = "assurance"

E = "file-reading/exercises/<uuid:exercise_id>/"
R = E + "readings/<uuid:reading_id>/"

urlpatterns = [
    path("file-reading/exercises/", views.exercise_list, name="exercises"),
    path("file-reading/exercises/new/", views.exercise_new, name="exercise_new"),
    path(E, views.exercise_detail, name="exercise"),
    path(E + "second-readings/", views.second_readings, name="second_readings"),
    path(E + "complete/", views.complete, name="complete"),
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
    path(R, views.reading, name="reading"),
    path(R + "reader/", views.give_reading, name="give_reading"),
]

from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("audit/access-review/", views.access_review, name="access_review"),
]

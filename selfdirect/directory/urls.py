from django.urls import path  # noqa: F401

app_name = "directory"

urlpatterns: list = []  # type: ignore[type-arg]

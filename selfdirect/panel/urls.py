from django.urls import path  # noqa: F401

app_name = "panel"

urlpatterns: list = []  # type: ignore[type-arg]

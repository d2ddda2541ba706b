from django.urls import path  # noqa: F401

app_name = "delivery"

urlpatterns: list = []  # type: ignore[type-arg]

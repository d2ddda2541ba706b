app_name = "four_options"
urlpatterns: list = []  # type: ignore[type-arg]

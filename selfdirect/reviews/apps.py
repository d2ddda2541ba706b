from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "selfdirect.reviews"
    label = "reviews"
    verbose_name = "Reviews of support plans"

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "selfdirect.core"
    label = "core"

    def ready(self) -> None:
        from . import summary_staleness

        summary_staleness.connect()

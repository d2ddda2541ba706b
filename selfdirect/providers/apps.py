from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    name = "selfdirect.providers"
    label = "providers"
    verbose_name = "Providers register"

    def ready(self) -> None:
        from selfdirect.core.extensions import DemoStep, add_demo_step

        from . import demo

        # The register comes before support plans, so plans can name providers.
        add_demo_step(
            DemoStep(33, "providers", demo.seed_providers, demo.keep_providers)
        )

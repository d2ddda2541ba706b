from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "selfdirect.directory"
    label = "directory"
    verbose_name = "Community directory"

    def ready(self) -> None:
        from selfdirect.core.extensions import DemoStep, add_demo_step

        from . import demo

        # Negative order: the directory is seeded before the people, whose first
        # contacts signpost to its services.
        add_demo_step(
            DemoStep(
                -10, "community directory", demo.seed_directory, demo.delete_directory
            )
        )

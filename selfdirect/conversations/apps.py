from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "selfdirect.conversations"
    label = "conversations"
    verbose_name = "Good conversations"

    def ready(self) -> None:
        from selfdirect.core.extensions import DemoStep, add_demo_step

        from . import demo

        add_demo_step(
            DemoStep(
                10, "conversations", demo.seed_conversations, demo.delete_conversations
            )
        )

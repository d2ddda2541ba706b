from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "selfdirect.conversations"
    label = "conversations"
    verbose_name = "Good conversations"

from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "selfdirect.directory"
    label = "directory"
    verbose_name = "Community directory"

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "selfdirect.audit"
    label = "audit"

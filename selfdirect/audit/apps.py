from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "selfdirect.audit"
    label = "audit"
    verbose_name = "History and access log"

    def ready(self) -> None:
        from . import subject_access
        from .models import AccessLog, AuditEvent

        subject_access.register(AccessLog, "person", title="Who opened the record")
        subject_access.register(AuditEvent, "person", title="Actions on the record")

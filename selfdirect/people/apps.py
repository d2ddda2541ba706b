from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "selfdirect.people"
    label = "people"
    verbose_name = "People and first contacts"

    def ready(self) -> None:
        from selfdirect.audit import subject_access

        from .models import Allocation, FirstContact, Person, Relationship, Signposting

        subject_access.register(Person, "", title="Personal details")
        subject_access.register(Allocation, "person", title="Allocations")
        subject_access.register(
            Relationship, "person", "related_person", title="Relationships"
        )
        subject_access.register(FirstContact, "person", title="First contacts")
        subject_access.register(
            Signposting, "first_contact__person", title="Signposting"
        )

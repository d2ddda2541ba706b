"""Roles and what each may do: the one permission policy every view and API uses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", _("Practitioner")
    TEAM_MANAGER = "team_manager", _("Team manager")
    PANEL_MEMBER = "panel_member", _("Resource panel member")
    FINANCE_OFFICER = "finance_officer", _("Finance officer")
    CARERS_SUPPORT_WORKER = "carers_support_worker", _("Carers' support worker")
    INDEPENDENT_SUPPORT_WORKER = (
        "independent_support_worker",
        _("Independent support worker"),
    )
    QUALITY_LEAD = "quality_lead", _("Quality and performance lead")
    INSPECTOR = "inspector", _("Inspector")
    DATA_PROTECTION_OFFICER = "data_protection_officer", _("Data protection officer")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles whose people are those allocated to their own teams.
TEAM_SCOPED = frozenset(
    {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.CARERS_SUPPORT_WORKER}
)
# Roles that read every person's record in the partnership but change nothing.
PARTNERSHIP_READERS = frozenset(
    {Role.QUALITY_LEAD, Role.INSPECTOR, Role.DATA_PROTECTION_OFFICER}
)


class Capability(models.TextChoices):
    VIEW_PEOPLE = "people.view", _("see people's records")
    CHANGE_PEOPLE = "people.change", _("change people's records")
    ADD_PEOPLE = "people.add", _("add a person")
    ALLOCATE = "people.allocate", _("allocate people to teams and workers")
    MERGE_PEOPLE = "people.merge", _("merge duplicate records")
    SEE_AUDIT = "people.audit", _("see a record's history and access log")
    EXPORT_PERSON = "people.export", _("export everything held about a person")
    RECORD_CONTACT = "first_contact.record", _("record first contacts")


_WRITERS = {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.CARERS_SUPPORT_WORKER}

POLICY: dict[Capability, frozenset[Role]] = {
    Capability.VIEW_PEOPLE: TEAM_SCOPED | PARTNERSHIP_READERS,
    Capability.CHANGE_PEOPLE: frozenset(_WRITERS),
    Capability.ADD_PEOPLE: frozenset(_WRITERS),
    Capability.ALLOCATE: frozenset({Role.TEAM_MANAGER}),
    Capability.MERGE_PEOPLE: frozenset({Role.TEAM_MANAGER}),
    Capability.SEE_AUDIT: frozenset({Role.TEAM_MANAGER, Role.DATA_PROTECTION_OFFICER}),
    Capability.EXPORT_PERSON: frozenset({Role.DATA_PROTECTION_OFFICER}),
    Capability.RECORD_CONTACT: frozenset(_WRITERS),
}


def roles_with(capability: Capability) -> frozenset[Role]:
    """The roles that hold a capability (for the 403 page: who to ask)."""
    return POLICY[capability]

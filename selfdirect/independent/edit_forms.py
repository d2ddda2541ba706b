"""Forms that change a record: the questions of the form that made it, and the
version the editor read (hidden), so a change made meanwhile is never overwritten."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.core.forms import DateField, Form, VersionField
from selfdirect.core.input_bounds import PAST_DATE

from .edit_services import ClientClosing, RecordChanges
from .forms import (
    DATE_HINT,
    ClientForm,
    ClientOutcomeForm,
    EngagementForm,
    GroupSessionForm,
    InfluenceForm,
    SessionForm,
    VoiceForm,
)


class Changing:
    """Mixed into a form that makes a record: the changes it asks for."""

    def changes(self) -> RecordChanges:
        data: dict[str, Any] = self.cleaned_data  # type: ignore[attr-defined]
        values = {name: value for name, value in data.items() if name != "version"}
        return RecordChanges(version=data["version"], values=values)


def initial_for(form_class: type[forms.BaseForm], row: Any) -> dict[str, Any]:
    """What the record holds now, as its edit form's starting answers."""
    initial: dict[str, Any] = {"version": row.version}
    fields: dict[str, forms.Field] = form_class.base_fields  # type: ignore[attr-defined]
    for name, field in fields.items():
        if name == "version" or not hasattr(row, name):
            continue
        value = getattr(row, name)
        if isinstance(value, bool) and isinstance(field, forms.TypedChoiceField):
            value = "yes" if value else "no"
        initial[name] = value
    return initial


class ChangeClientForm(Changing, ClientForm):
    version = VersionField()


class ChangeSessionForm(Changing, SessionForm):
    version = VersionField()


class ChangeOutcomeForm(Changing, ClientOutcomeForm):
    version = VersionField()


class ChangeGroupForm(Changing, GroupSessionForm):
    version = VersionField()


class ChangeEngagementForm(Changing, EngagementForm):
    version = VersionField()


class ChangeInfluenceForm(Changing, InfluenceForm):
    version = VersionField()


class ChangeVoiceForm(Changing, VoiceForm):
    version = VersionField()


class ChangeEvidenceForm(Changing, Form):
    version = VersionField()
    title = forms.CharField(label=_("Title"), max_length=200)
    link = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Needed when the evidence is a link, not a file"),
    )

    def clean_link(self) -> str:
        link: str = self.cleaned_data["link"]
        if any(ord(c) < 32 for c in link):
            raise forms.ValidationError(
                _("Link must not include hidden characters, such as a null character")
            )
        return link


class CloseClientForm(Form):
    version = VersionField()
    closed_on = DateField(
        label=_("Date the client's record closes"),
        dates=PAST_DATE,
        help_text=DATE_HINT,
    )

    def details(self) -> ClientClosing:
        return ClientClosing(
            self.cleaned_data["version"], self.cleaned_data["closed_on"]
        )


class ReopenClientForm(Form):
    version = VersionField()
    confirm = forms.BooleanField(label=_("Reopen this client's record"))

    def details(self) -> ClientClosing:
        return ClientClosing(self.cleaned_data["version"], None)

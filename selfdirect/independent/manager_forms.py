"""The organisation manager's forms: its teams and the funder's report's case
studies."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import ORGANISATION_STAFF
from selfdirect.core.forms import Form, VersionField

from .team_services import TeamDetails


def organisation_staff(user: User) -> Any:
    """The active staff of the user's own organisation."""
    return User.objects.filter(
        organization=user.organization,
        role__in=ORGANISATION_STAFF,
        is_active=True,
    ).order_by("first_name", "last_name", "pk")


class TeamForm(Form):
    name = forms.CharField(label=_("Name of the team"), max_length=100)
    members = forms.ModelMultipleChoiceField(
        User.objects.none(),
        label=_("Who is in the team"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["members"]
        field.queryset = organisation_staff(user)  # type: ignore[attr-defined]
        field.label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[attr-defined]

    def details(self) -> TeamDetails:
        return TeamDetails(
            name=self.cleaned_data["name"].strip(),
            members=tuple(self.cleaned_data["members"]),
        )


class ChangeTeamForm(TeamForm):
    version = VersionField()


class CaseStudyForm(Form):
    """The period's stories told with agreement: tick those to use."""

    voice = forms.MultipleChoiceField(
        label=_("Client voice stories"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    outcomes = forms.MultipleChoiceField(
        label=_("Clients' outcomes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, voice: Any = (), outcomes: Any = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.offered = {
            "voice": {str(v.public_id): v for v in voice},
            "outcomes": {str(o.public_id): o for o in outcomes},
        }
        for name, rows in self.offered.items():
            field = self.fields[name]
            field.choices = [  # type: ignore[attr-defined]
                (key, _label(row)) for key, row in rows.items()
            ]
            if not rows:
                del self.fields[name]

    def picked(self) -> list[Any]:
        return [
            self.offered[name][key]
            for name in self.offered
            for key in self.cleaned_data.get(name, [])
        ]

    def offered_stories(self) -> list[Any]:
        return [row for rows in self.offered.values() for row in rows.values()]


def _label(row: Any) -> str:
    when = getattr(row, "held_on", None) or row.achieved_on
    title = row.get_kind_display() if hasattr(row, "kind") else str(row.outcome)
    return f"{title} ({when:%d/%m/%Y}): {row.story[:200]}"

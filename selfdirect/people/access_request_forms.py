"""Forms for asking for access to a record, opening one in an emergency, and
deciding and reviewing those. They check the shape of input; services check rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.core.forms import Form, LongText, VersionField

from .models import AccessRequest


class AskForAccessForm(Form):
    reason = LongText(
        label=_("Why do you need to work with this person?"),
        help_text=_(
            "The manager of the team that holds the record reads this. Say what "
            "the person needs from you, and who asked you to help."
        ),
        max_length=2000,
    )


class BreakGlassForm(Form):
    reason = LongText(
        label=_("What is the emergency?"),
        help_text=_(
            "Say why the person needs help now and why it cannot wait for the "
            "team that holds the record. The data protection officer reads this."
        ),
        max_length=2000,
    )


class DecideAccessForm(Form):
    version = VersionField()
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("grant", _("Grant access")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    reason = LongText(
        label=_("Reason for your decision"),
        help_text=_("The person who asked sees this."),
        max_length=2000,
    )


class ReviewBreakGlassForm(Form):
    version = VersionField()
    outcome = forms.ChoiceField(
        label=_("Was the emergency access justified?"),
        choices=AccessRequest.Review.choices,
        widget=forms.RadioSelect,
    )
    notes = LongText(
        label=_("Notes"),
        required=False,
        help_text=_("What you checked, and any follow-up."),
        max_length=2000,
    )

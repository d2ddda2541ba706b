from django import forms
from django.contrib.auth.forms import AuthenticationForm

from selfdirect.core.forms import PlainErrors


class SignInForm(PlainErrors, AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Enter a correct username and password. After 5 wrong tries in a row "
            "the account is locked for 15 minutes."
        ),
        "inactive": "This account has been closed. Ask your administrator.",
    }

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )

    def confirm_login_allowed(self, user):  # type: ignore[no-untyped-def]
        super().confirm_login_allowed(user)
        if not user.access_is_current():
            raise forms.ValidationError(
                "Your access has ended. Ask the administrator if you still need it.",
                code="inactive",
            )

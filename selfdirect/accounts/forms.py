from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)

from selfdirect.core.plain_errors import PlainErrors

from . import services


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


class SignInCodeForm(PlainErrors, forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text=(
            "The 6-digit code your authenticator app shows now, or one of your "
            "recovery codes."
        ),
        error_messages={
            "required": "Enter the code from your authenticator app",
            "max_length": "The code must be 20 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


class SetUpCodeForm(PlainErrors, forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=20,
        help_text="The 6-digit code it shows for this service.",
        error_messages={
            "required": "Enter the code from your authenticator app",
            "max_length": "The code must be 6 digits",
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


_PASSWORD_MESSAGES = {
    "password_mismatch": "The two new passwords must be the same",
    "password_incorrect": "Your current password is not right. Enter it again.",
}


class NewPasswordForm(PlainErrors, SetPasswordForm):
    """A new password, typed twice (reset links and administrators' temporary
    passwords)."""

    error_messages = {**SetPasswordForm.error_messages, **_PASSWORD_MESSAGES}

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = (
            "At least 12 characters. Not a common password, and not like your name "
            "or username."
        )
        self.fields["new_password2"].label = "Type the new password again"
        self.fields["new_password2"].help_text = ""
        for name, message in [
            ("new_password1", "Enter a new password"),
            ("new_password2", "Type the new password again"),
        ]:
            self.fields[name].error_messages["required"] = message
            self.fields[name].widget.attrs["autocomplete"] = "new-password"

    def save(self, commit: bool = True):  # type: ignore[no-untyped-def]
        user = super().save(commit)
        if commit:
            services.password_changed(user, by_reset_link=True)
        return user


class TemporaryPasswordForm(NewPasswordForm):
    """Only validates: the administrator's view sets it through the service."""

    def save(self, commit: bool = True):  # type: ignore[no-untyped-def]
        raise NotImplementedError("use services.set_temporary_password")


class ChangePasswordForm(PlainErrors, PasswordChangeForm):
    error_messages = {**PasswordChangeForm.error_messages, **_PASSWORD_MESSAGES}

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = (
            "Enter your current password"
        )
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = (
            "At least 12 characters. Not a common password, and not like your name "
            "or username."
        )
        self.fields["new_password2"].label = "Type the new password again"
        self.fields["new_password2"].help_text = ""
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].error_messages["required"] = (
            "Type the new password again"
        )

    def save(self, commit: bool = True):  # type: ignore[no-untyped-def]
        user = super().save(commit)
        if commit:
            services.password_changed(user, by_reset_link=False)
        return user


class ForgottenPasswordForm(PlainErrors, PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The work email address your account uses.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address like name@example.org",
            "max_length": "The email address must be 254 characters or fewer",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def save(self, request=None, **kwargs):  # type: ignore[no-untyped-def,override]
        """Email a link to each current account with this address. The page says
        the same whether or not there is one, so it tells nobody who has an account."""
        for user in self.get_users(self.cleaned_data["email"]):
            if user.access_is_current():
                services.send_reset_link(actor=user, user=user, request=request)

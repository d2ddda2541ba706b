"""The rules a new password must meet, with messages in plain words that say what
to do (Django's own validators, reworded; configured in AUTH_PASSWORD_VALIDATORS)."""

from typing import Any

from django.contrib.auth import password_validation as django_rules
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MinimumLength(django_rules.MinimumLengthValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                _("The password must be at least %(n)s characters long")
                % {"n": self.min_length},
                code="password_too_short",
            )

    def get_help_text(self) -> str:
        return _("At least %(n)s characters.") % {"n": self.min_length}


class NotLikeYourName(django_rules.UserAttributeSimilarityValidator):
    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                _("The password is too like your name or username: choose another"),
                code="password_too_similar",
            ) from error

    def get_help_text(self) -> str:
        return _("Not like your name or username.")


class NotCommon(django_rules.CommonPasswordValidator):
    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                _("That password is one of the most common: choose another"),
                code="password_too_common",
            ) from error

    def get_help_text(self) -> str:
        return _("Not a common password.")


class NotAllNumbers(django_rules.NumericPasswordValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if password.isdigit():
            raise ValidationError(
                _("The password cannot be only numbers"),
                code="password_entirely_numeric",
            )

    def get_help_text(self) -> str:
        return _("Not only numbers.")

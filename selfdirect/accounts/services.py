"""Sign-in and accounts: two-factor devices, recovery codes and password resets.

Every change here is written to the audit trail (the action names are declared in
accounts/hooks.py). Devices are django-otp's: one TOTP device (an authenticator
app) and one static device holding the unused recovery codes.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from selfdirect.audit.services import record_event

from .models import User
from .roles import TWO_FACTOR_REQUIRED

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


# --- Whether and how a user signs in with two factors -------------------------


def two_factor_required(user: User) -> bool:
    """Whether the user's role (or the OTP_REQUIRED_FOR_ALL setting) requires
    two-factor sign-in."""
    return bool(settings.OTP_REQUIRED_FOR_ALL) or user.role in TWO_FACTOR_REQUIRED


def authenticator(user: User) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(
        device__user=user, device__name=RECOVERY_DEVICE_NAME
    ).count()


# --- Setting up and removing -------------------------------------------------


def start_set_up(user: User) -> TOTPDevice:
    """The authenticator being set up: a new secret, kept unconfirmed until the
    user proves their app has it by typing a code from it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=APP_DEVICE_NAME, confirmed=False
        )
    return device


def finish_set_up(user: User, code: str) -> list[str] | None:
    """Confirm the authenticator being set up with a code from it; replaces any
    earlier one and gives a fresh set of recovery codes. None if the code is wrong."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not _checks(device, code):
        record_event(actor=user, action="two_factor.set_up_refused", person_id=None)
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record_event(
            actor=user,
            action="two_factor.device_added",
            person_id=None,
            user=user.username,
        )
        return new_recovery_codes(user)


def new_recovery_codes(user: User) -> list[str]:
    """A fresh set of single-use recovery codes; any earlier set stops working."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [
            StaticToken.random_token() for _ in range(settings.RECOVERY_CODE_COUNT)
        ]
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=code) for code in codes
        )
        record_event(
            actor=user,
            action="two_factor.recovery_codes_generated",
            person_id=None,
            user=user.username,
            count=len(codes),
        )
    return codes


def remove_two_factor(*, actor: User, user: User) -> None:
    """Remove a user's authenticator and recovery codes (the user themselves, or
    an administrator when a phone is lost). A user whose role requires two-factor
    sign-in is asked to set it up again when they next sign in."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        record_event(
            actor=actor,
            action="two_factor.device_removed",
            person_id=None,
            user=user.username,
        )


# --- Signing in --------------------------------------------------------------


@dataclass(frozen=True)
class CodeCheck:
    """What checking a sign-in code found: the device that accepted it, or the
    seconds to wait before the next try is allowed."""

    device: TOTPDevice | StaticDevice | None
    wait_seconds: int = 0
    recovery_code: bool = False


def check_sign_in_code(user: User, code: str) -> CodeCheck:
    """Check a 6-digit code from the user's authenticator app, or one of their
    8-character recovery codes (used up once it is accepted). A wrong code makes
    the next try wait (django-otp's throttling, doubling each time)."""
    code = "".join(code.split()).lower()
    is_app_code = len(code) == 6 and code.isdigit()
    device: TOTPDevice | StaticDevice | None = (
        authenticator(user)
        if is_app_code
        else StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).first()
    )
    if device is not None:
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            return CodeCheck(None, wait_seconds=_wait(device))
        if device.verify_token(code):
            if not is_app_code:
                record_event(
                    actor=user,
                    action="two_factor.recovery_code_used",
                    person_id=None,
                    user=user.username,
                    left=device.token_set.count(),
                )
            return CodeCheck(device, recovery_code=not is_app_code)
    record_event(
        actor=user, action="two_factor.code_refused", person_id=None, user=user.username
    )
    return CodeCheck(None)


def _checks(device: TOTPDevice, code: str) -> bool:
    code = "".join(code.split())
    return len(code) == 6 and code.isdigit() and bool(device.verify_token(code))


def _wait(device: TOTPDevice | StaticDevice) -> int:
    """Seconds until the device takes another try (django-otp's backoff)."""
    if device.throttling_failure_timestamp is None:
        return 0
    delay = device.get_throttle_factor() * 2 ** (device.throttling_failure_count - 1)
    elapsed = (timezone.now() - device.throttling_failure_timestamp).total_seconds()
    return max(1, math.ceil(delay - elapsed))


# --- Passwords ---------------------------------------------------------------


def password_changed(user: User, *, by_reset_link: bool) -> None:
    """After the user chose a new password (signed in, or from a reset link)."""
    if user.must_change_password:
        user.must_change_password = False
        user.save(update_fields=["must_change_password"])
    record_event(
        actor=user,
        action="account.password_reset"
        if by_reset_link
        else "account.password_changed",
        person_id=None,
        user=user.username,
    )


def set_temporary_password(*, actor: User, user: User, password: str) -> None:
    """An administrator gives a colleague a temporary password, which they must
    change when they next sign in."""
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    record_event(
        actor=actor,
        action="account.temporary_password_set",
        person_id=None,
        user=user.username,
    )


def send_reset_link(*, actor: User | None, user: User, request: HttpRequest) -> bool:
    """Email the user a single-use link to choose a new password. An
    administrator may send it for a colleague (actor); otherwise it was asked for
    on the "forgotten your password" page. False if the user has no email address."""
    if not user.email:
        return False
    context = {
        "email": user.email,
        "domain": request.get_host(),
        "site_name": settings.SERVICE_NAME,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if request.is_secure() else "http",
        "service_name": settings.SERVICE_NAME,
    }
    PasswordResetForm().send_mail(
        "accounts/password_reset_subject.txt",
        "accounts/password_reset_email.txt",
        context,
        None,
        user.email,
    )
    record_event(
        actor=actor,
        action="account.password_reset_sent",
        person_id=None,
        user=user.username,
        by_administrator=actor is not None and actor.pk != user.pk,
    )
    return True

"""Two-factor sign-in, passwords, and administrators' resets for colleagues."""

import base64
import io
from typing import Any

import django_otp
import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .access import require
from .forms import (
    ChangePasswordForm,
    ForgottenPasswordForm,
    NewPasswordForm,
    SetUpCodeForm,
    SignInCodeForm,
    TemporaryPasswordForm,
)
from .models import User
from .roles import Capability

# --- Two-factor sign-in: the user's own ----------------------------------------


def two_factor(request: HttpRequest) -> HttpResponse:
    """The user's two-factor sign-in: whether it is set up, and what they can do."""
    user: Any = request.user
    return render(
        request,
        "accounts/two_factor.html",
        {
            "app": services.authenticator(user),
            "required": services.two_factor_required(user),
            "codes_left": services.recovery_codes_left(user),
        },
    )


def two_factor_set_up(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app: scan the QR code (or type the key), then give a
    code from the app. Shows the recovery codes once, when it is done."""
    user: Any = request.user
    device = services.start_set_up(user)
    form = SetUpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.finish_set_up(user, form.cleaned_data["code"])
        if codes is not None:
            confirmed = services.authenticator(user)
            django_otp.login(request, confirmed)
            return render(request, "accounts/recovery_codes.html", {"codes": codes})
        form.add_error(
            "code",
            "That code is not right. Check the app shows Selfdirect and type the "
            "code it shows now.",
        )
    return render(
        request,
        "accounts/two_factor_set_up.html",
        {
            "form": form,
            "qr_code": _qr_code_data_uri(device.config_url),
            "key": _grouped(base64.b32encode(device.bin_key).decode()),
            "required": services.two_factor_required(user),
        },
    )


def two_factor_recovery_codes(request: HttpRequest) -> HttpResponse:
    """Make a new set of recovery codes (the old set stops working)."""
    user: Any = request.user
    if services.authenticator(user) is None:
        return redirect("two_factor")
    if request.method == "POST":
        codes = services.new_recovery_codes(user)
        return render(request, "accounts/recovery_codes.html", {"codes": codes})
    return render(
        request,
        "accounts/recovery_codes_new.html",
        {"codes_left": services.recovery_codes_left(user)},
    )


def two_factor_remove(request: HttpRequest) -> HttpResponse:
    """Turn off two-factor sign-in (a user whose role requires it sets it up again)."""
    user: Any = request.user
    if services.authenticator(user) is None:
        return redirect("two_factor")
    if request.method == "POST":
        services.remove_two_factor(actor=user, user=user)
        messages.success(request, "Two-factor sign-in is turned off.")
        return redirect("two_factor")
    return render(
        request,
        "accounts/two_factor_remove.html",
        {"required": services.two_factor_required(user)},
    )


def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app, or a recovery code."""
    user: Any = request.user
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if user.is_verified() or services.authenticator(user) is None:
        return redirect(next_url or "home")
    form = SignInCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = services.check_sign_in_code(user, form.cleaned_data["code"])
        if check.device is not None:
            django_otp.login(request, check.device)
            if check.recovery_code:
                messages.info(
                    request,
                    f"You signed in with a recovery code, which now cannot be used "
                    f"again. You have {services.recovery_codes_left(user)} left.",
                )
            return redirect(next_url or "home")
        if check.wait_seconds:
            form.add_error(
                "code",
                f"Too many wrong codes. Wait {_seconds(check.wait_seconds)}, then "
                "type the code your app shows then.",
            )
        else:
            form.add_error(
                "code",
                "That code is not right. Type the code your app shows now, or a "
                "recovery code.",
            )
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": next_url},
    )


def _qr_code_data_uri(text: str) -> str:
    """The text as a QR code: an SVG image in a data: address, so the page needs
    no inline script or style and no second request."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage)
    out = io.BytesIO()
    image.save(out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


def _seconds(n: int) -> str:
    return "1 second" if n == 1 else f"{n} seconds"


def _grouped(key: str) -> str:
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


# --- Passwords ---------------------------------------------------------------

password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    form_class=ChangePasswordForm,
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)
password_reset = login_not_required(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        form_class=ForgottenPasswordForm,
    )
)
password_reset_done = login_not_required(
    auth_views.PasswordResetDoneView.as_view(
        template_name="accounts/password_reset_done.html"
    )
)
password_reset_confirm = login_not_required(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        form_class=NewPasswordForm,
    )
)
password_reset_complete = login_not_required(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)


# --- Administrators: colleagues' sign-in ---------------------------------------


def staff_accounts(request: HttpRequest) -> HttpResponse:
    """Staff accounts, to reset a colleague's password or two-factor sign-in."""
    require(request.user, Capability.RESET_SIGN_IN)  # type: ignore[arg-type]
    query = request.GET.get("q", "")[:100].strip()
    users = User.objects.filter(is_active=True).annotate(
        has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
    )
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(
        request, "accounts/staff_list.html", {"page_obj": page, "query": query}
    )


def staff_account(request: HttpRequest, user_id: int) -> HttpResponse:
    require(request.user, Capability.RESET_SIGN_IN)  # type: ignore[arg-type]
    colleague = get_object_or_404(User, pk=user_id, is_active=True)
    return render(
        request,
        "accounts/staff_account.html",
        {
            "colleague": colleague,
            "app": services.authenticator(colleague),
            "required": services.two_factor_required(colleague),
        },
    )


@require_POST
def staff_send_reset_link(request: HttpRequest, user_id: int) -> HttpResponse:
    require(request.user, Capability.RESET_SIGN_IN)  # type: ignore[arg-type]
    colleague = get_object_or_404(User, pk=user_id, is_active=True)
    if services.send_reset_link(
        actor=request.user,  # type: ignore[arg-type]
        user=colleague,
        request=request,
    ):
        messages.success(
            request,
            f"A password reset link was sent to {colleague.email}. It works once, "
            "for an hour.",
        )
    else:
        messages.error(
            request,
            f"{colleague.display_name} has no email address. Give them a "
            "temporary password instead.",
        )
    return redirect("staff_account", user_id=colleague.pk)


def staff_temporary_password(request: HttpRequest, user_id: int) -> HttpResponse:
    require(request.user, Capability.RESET_SIGN_IN)  # type: ignore[arg-type]
    colleague = get_object_or_404(User, pk=user_id, is_active=True)
    form = TemporaryPasswordForm(colleague, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.set_temporary_password(
            actor=request.user,  # type: ignore[arg-type]
            user=colleague,
            password=form.cleaned_data["new_password1"],
        )
        messages.success(
            request,
            f"{colleague.display_name} has a temporary password. Tell them it "
            "in person or by phone: they must choose a new one when they sign in.",
        )
        return redirect("staff_account", user_id=colleague.pk)
    return render(
        request,
        "accounts/staff_temporary_password.html",
        {"colleague": colleague, "form": form},
    )


@require_POST
def staff_remove_two_factor(request: HttpRequest, user_id: int) -> HttpResponse:
    require(request.user, Capability.RESET_SIGN_IN)  # type: ignore[arg-type]
    colleague = get_object_or_404(User, pk=user_id, is_active=True)
    services.remove_two_factor(actor=request.user, user=colleague)  # type: ignore[arg-type]
    messages.success(
        request,
        f"{colleague.display_name}'s two-factor sign-in is removed. They set it "
        "up again when they next sign in, if their role requires it.",
    )
    return redirect("staff_account", user_id=colleague.pk)

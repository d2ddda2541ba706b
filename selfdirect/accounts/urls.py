from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import views
from .forms import SignInForm

urlpatterns = [
    path(
        "sign-in/",
        login_not_required(
            auth_views.LoginView.as_view(
                template_name="accounts/sign_in.html",
                authentication_form=SignInForm,
                redirect_authenticated_user=True,
            )
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    # Two-factor sign-in
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/code/", views.two_factor_verify, name="two_factor_verify"),
    path("two-factor/set-up/", views.two_factor_set_up, name="two_factor_set_up"),
    path(
        "two-factor/recovery-codes/",
        views.two_factor_recovery_codes,
        name="two_factor_recovery_codes",
    ),
    path("two-factor/remove/", views.two_factor_remove, name="two_factor_remove"),
    # Passwords
    path("password/", views.password_change, name="password_change"),
    path("password/changed/", views.password_change_done, name="password_change_done"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        views.password_reset_complete,
        name="password_reset_complete",
    ),
    # Administrators: colleagues' sign-in
    path("staff/", views.staff_accounts, name="staff_accounts"),
    path("staff/<int:user_id>/", views.staff_account, name="staff_account"),
    path(
        "staff/<int:user_id>/send-reset-link/",
        views.staff_send_reset_link,
        name="staff_send_reset_link",
    ),
    path(
        "staff/<int:user_id>/temporary-password/",
        views.staff_temporary_password,
        name="staff_temporary_password",
    ),
    path(
        "staff/<int:user_id>/remove-two-factor/",
        views.staff_remove_two_factor,
        name="staff_remove_two_factor",
    ),
]

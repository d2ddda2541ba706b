"""Small helpers shared by the people views."""

from django.http import HttpRequest

from selfdirect.accounts.models import User
from selfdirect.core.form_pages import rebind_for_conflict, show_errors

__all__ = ["actor", "page", "rebind_for_conflict", "show_errors"]


def actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - login is required everywhere
    return user


def page(request: HttpRequest) -> str:
    match = request.resolver_match
    return match.view_name if match else request.path

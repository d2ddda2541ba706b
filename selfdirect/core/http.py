"""Small request helpers every app's views use."""

from django.http import HttpRequest

from selfdirect.accounts.models import User


def actor(request: HttpRequest) -> User:
    """The signed-in member of staff making the request."""
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - login is required everywhere
    return user


def page(request: HttpRequest) -> str:
    """The page's name for the access log: the URL name, else the path."""
    match = request.resolver_match
    return match.view_name if match else request.path

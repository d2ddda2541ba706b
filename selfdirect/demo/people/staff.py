"""The demo partnership, its localities, teams and staff."""

import base64
import datetime
import random
from typing import Any

from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice

from selfdirect.accounts.models import Locality, Partnership, Team, User
from selfdirect.accounts.roles import TWO_FACTOR_REQUIRED, Role
from selfdirect.demo.people import data, places

from .contacts import DAY
from .drafts import Area


def create_areas(rng: random.Random) -> tuple[list[Area], Team]:
    """The partnership, its localities with their addresses, and their teams."""
    partnership = Partnership.objects.create(
        name=data.PARTNERSHIP_NAME, code=data.PARTNERSHIP_CODE
    )
    areas: list[Area] = []
    taken: set[str] = set()
    for spec in places.LOCALITIES:
        locality = Locality.objects.create(partnership=partnership, name=spec["name"])
        teams: dict[str, list[Team]] = {}
        for name, kind in spec["teams"]:
            teams.setdefault(kind, []).append(_team(locality, name))
        areas.append(Area(locality, _addresses(rng, spec, taken), teams))
    return areas, _team(areas[0].locality, data.CARERS_TEAM)


def _team(locality: Locality, name: str) -> Team:
    number = Team.objects.filter(locality__partnership=locality.partnership).count()
    contact = f"0141 496 0{number:03d}"
    return Team.objects.create(locality=locality, name=name, contact=contact)


def _addresses(
    rng: random.Random, spec: dict[str, Any], taken: set[str]
) -> list[tuple[str, str, str]]:
    letters = places.POSTCODE_UNIT_LETTERS
    addresses = []
    for street in spec["streets"]:
        town = rng.choice(spec["towns"])
        for _ in range(rng.randint(3, 6)):
            postcode = ""
            while not postcode or postcode in taken:
                unit = rng.choice(letters) + rng.choice(letters)
                postcode = f"{spec['district']} {rng.randint(1, 9)}{unit}"
            taken.add(postcode)
            addresses.append((postcode, street, town))
    return addresses


def create_staff(
    rng: random.Random, teams: list[Team], today: datetime.date
) -> tuple[list[User], dict[int, list[User]]]:
    """Demo users (one per role) and extra practitioners, sharing one password."""
    password = make_password(data.DEMO_PASSWORD)  # argon2 is slow: hash once
    by_name = {team.name: team for team in teams}
    users, members = [], []
    for username, role, first, last, title, team_name in data.DEMO_USERS:
        user = _staff(username, Role(role), first, last, title, password)
        if role == Role.INSPECTOR:
            user.access_expires_on = today + data.INSPECTOR_ACCESS_DAYS * DAY
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        users.append(user)
        if team_name:
            members.append((user, by_name[team_name]))
    taken = {user.username for user in users}
    for team in teams:
        carers = team.name == data.CARERS_TEAM
        role = Role.CARERS_SUPPORT_WORKER if carers else Role.PRACTITIONER
        title = "Carers' support worker" if carers else "Social worker"
        for _ in range(3 if carers else data.EXTRA_PRACTITIONERS_PER_TEAM):
            first = rng.choice(data.STAFF_FIRST_NAMES)
            last = rng.choice(data.STAFF_SURNAMES)
            username = f"{first}.{last}".lower()
            while username in taken:
                username += "1"
            taken.add(username)
            extra = _staff(username, role, first, last, title, password)
            users.append(extra)
            members.append((extra, team))
    return _save_staff(users, members)


def _staff(
    username: str, role: Role, first: str, last: str, title: str, password: str
) -> User:
    return User(
        username=username,
        role=role,
        first_name=first,
        last_name=last,
        job_title=title,
        email=f"{username}@{data.DEMO_EMAIL_DOMAIN}",
        password=password,
    )


def _add_demo_authenticators(users: list[User]) -> None:
    """Demo users whose role requires two-factor sign-in get an authenticator with
    the published demo key, so anyone can try them (README: Demo sign-ins)."""
    key = base64.b32decode(data.DEMO_TOTP_KEY).hex()
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user=user, name="Demo authenticator", key=key, confirmed=True)
        for user in users
        if user.role in TWO_FACTOR_REQUIRED
    )


def _save_staff(
    users: list[User], members: list[tuple[User, Team]]
) -> tuple[list[User], dict[int, list[User]]]:
    User.objects.bulk_create(users)
    _add_demo_authenticators(users[: len(data.DEMO_USERS)])
    through = User.teams.through
    through.objects.bulk_create(
        [through(user_id=user.pk, team_id=team.pk) for user, team in members]
    )
    workers: dict[int, list[User]] = {}
    for user, team in members:
        if user.role in (Role.PRACTITIONER, Role.CARERS_SUPPORT_WORKER):
            workers.setdefault(team.pk, []).append(user)
    return users[: len(data.DEMO_USERS)], workers

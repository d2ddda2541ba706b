"""Letters and documents a supported person receives: one shared layout.

Every letter (`core/templates/letters/letter.html`) carries the date, the
partnership as sender with its address, the person's address, the worker's name
and how to reach them, how to ask for a decision to be looked at again, and the
complaints route up to the Scottish Public Services Ombudsman (SPSO). What a
partnership says in those parts is its own, held in settings (LETTER_* in
`config/settings.py`, read from the environment), never in the templates.

A letter is written in the person's preferred language when the partnership
offers that language (see `core/i18n.py`), whatever language the worker reads
the interface in; otherwise in English.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation

from .i18n import offered_languages
from .pdf import render_pdf_response

# What people write as their preferred language, for each language the
# interface can be translated into (lower case, accents as typed).
LANGUAGE_NAMES = {
    "gd": {"gaelic", "gàidhlig", "gaidhlig", "scottish gaelic", "gd"},
}


@dataclass(frozen=True)
class Sender:
    """The partnership that sends the letter and how to reach it."""

    name: str
    address: list[str]
    phone: str
    email: str
    website: str


@dataclass(frozen=True)
class Worker:
    """The worker named in the letter: the person's allocated worker, if any."""

    name: str
    job_title: str
    email: str


@dataclass(frozen=True)
class Letter:
    """Everything the shared letter layout needs besides the letter's own text."""

    dated: datetime.date
    language: str
    html_lang: str
    sender: Sender
    worker: Worker | None
    review: str
    complaints: str
    spso_phone: str
    spso_website: str


def letter_language(preferred: str) -> str:
    """The language code a letter is written in for someone who prefers this
    language: theirs if the partnership offers it, otherwise English."""
    wanted = preferred.strip().lower()
    offered = {code for code, _name in offered_languages()}
    for code, names in LANGUAGE_NAMES.items():
        if wanted in names and code in offered:
            return code
    return str(settings.LANGUAGE_CODE)


def html_lang(code: str) -> str:
    """A language code as the HTML lang attribute spells it (en-gb → en-GB)."""
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def _lines(text: str) -> list[str]:
    return [
        line.strip() for line in text.replace("|", "\n").splitlines() if line.strip()
    ]


def sender(person: Any) -> Sender:
    """The partnership as sender: its name from the person's locality (or the
    PARTNERSHIP_NAME setting), its contact details from the LETTER_* settings."""
    locality = getattr(person, "locality", None)
    name = locality.partnership.name if locality else ""
    return Sender(
        name=name or settings.PARTNERSHIP_NAME,
        address=_lines(settings.LETTER_ADDRESS),
        phone=settings.LETTER_PHONE,
        email=settings.LETTER_EMAIL,
        website=settings.LETTER_WEBSITE,
    )


def named_worker(person: Any, produced_by: Any) -> Worker | None:
    """The person's allocated worker today; otherwise the member of staff who
    produced the letter (None if neither is known)."""
    allocation = (
        person.allocations.current()
        .filter(worker__isnull=False)
        .select_related("worker")
        .first()
    )
    user = allocation.worker if allocation else produced_by
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Worker(name=user.display_name, job_title=user.job_title, email=user.email)


def letter_details(
    *, person: Any, produced_by: Any, dated: datetime.date | None = None
) -> Letter:
    """The shared parts of a letter to a person, in the letter's language."""
    language = letter_language(person.preferred_language)
    return Letter(
        dated=dated or timezone.localdate(),
        language=language,
        html_lang=html_lang(language),
        sender=sender(person),
        worker=named_worker(person, produced_by),
        review=settings.LETTER_REVIEW_HOW,
        complaints=settings.LETTER_COMPLAINTS_HOW,
        spso_phone=settings.LETTER_SPSO_PHONE,
        spso_website=settings.LETTER_SPSO_WEBSITE,
    )


def render_letter_response(
    template_name: str,
    context: Mapping[str, Any],
    *,
    person: Any,
    produced_by: Any,
    filename: str,
) -> HttpResponse:
    """A letter to a person as a tagged PDF, in the person's language (dates
    included), whatever language the worker who produced it reads."""
    letter = letter_details(person=person, produced_by=produced_by)
    with translation.override(letter.language):
        return render_pdf_response(
            template_name, {**context, "letter": letter}, filename=filename
        )

"""Field helpers the directory models share."""

from typing import Any

from django.db import models

StrOrPromise = Any  # str or a lazy translation (django-stubs' _StrPromise)


def text_field(label: StrOrPromise) -> models.TextField:  # type: ignore[type-arg]
    return models.TextField(label, blank=True, default="")


def optional_link(to: str, name: str) -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        to, on_delete=models.CASCADE, null=True, blank=True, related_name=name
    )

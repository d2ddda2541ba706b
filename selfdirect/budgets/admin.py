"""Configuration of budget methods and delegated limits (CONFIGURE_BUDGETS)."""

import json
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from selfdirect.accounts.roles import Capability

from .method_schema import check_method
from .models import BudgetMethod, DelegatedLimit


class _ConfigureBudgets(admin.ModelAdmin):  # type: ignore[type-arg]
    def _can(self, request: HttpRequest) -> bool:
        return bool(request.user.can(Capability.CONFIGURE_BUDGETS))  # type: ignore[union-attr]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._can(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._can(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._can(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._can(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class BudgetMethodForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = BudgetMethod
        fields = [
            "code",
            "version",
            "name",
            "kind",
            "valid_from",
            "active",
            "illustrative",
            "note",
            "config",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        config = data.get("config")
        if isinstance(config, str):
            config = json.loads(config)
        if config is not None:
            check_method(config)
            for key in ("code", "version", "kind"):
                if key in data and config.get(key) != data[key]:
                    raise ValidationError(
                        "The configuration's %(key)s must match the field.",
                        params={"key": key},
                    )
        return data


@admin.register(BudgetMethod)
class BudgetMethodAdmin(_ConfigureBudgets):
    form = BudgetMethodForm
    list_display = ["name", "code", "version", "kind", "valid_from", "active"]
    list_filter = ["kind", "active"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # A version that produced budgets is kept as it was: load a new version.
        if obj is not None and obj.budgets.exists():
            return [
                "code",
                "version",
                "name",
                "kind",
                "valid_from",
                "illustrative",
                "note",
                "config",
            ]
        return []


@admin.register(DelegatedLimit)
class DelegatedLimitAdmin(_ConfigureBudgets):
    list_display = ["role", "yearly_amount", "valid_from", "illustrative"]
    list_filter = ["role"]

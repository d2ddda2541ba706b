"""Configuration of budget methods and delegated limits (CONFIGURE_BUDGETS)."""

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Capability

from . import services
from .method_schema import check_method
from .models import BudgetMethod, DelegatedLimit


class _ConfigureBudgets(admin.ModelAdmin):  # type: ignore[type-arg]
    def _can(self, request: HttpRequest) -> bool:
        # The admin asks on its sign-in page too, where the visitor is anonymous.
        user = request.user
        return isinstance(user, User) and user.can(Capability.CONFIGURE_BUDGETS)

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
        if config is not None:
            check_method(config)
            for key in ("code", "version", "kind"):
                if key in data and config.get(key) != data[key]:
                    raise ValidationError(
                        "The configuration's %(key)s must match the field.",
                        params={"key": key},
                    )
        return data


class BudgetMethodAddForm(forms.ModelForm):  # type: ignore[type-arg]
    """A new method is only its JSON: every column is taken from it on loading."""

    class Meta:
        model = BudgetMethod
        fields = ["config"]

    def clean_config(self) -> Any:
        config = self.cleaned_data.get("config")
        services.check_new_method(config)
        return config


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

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            kwargs["form"] = BudgetMethodAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        # Load through the service: columns from the config, and the audit event.
        method = services.load_budget_method(
            data=form.cleaned_data["config"],
            by=request.user,  # type: ignore[arg-type]
        )
        for field in method._meta.concrete_fields:
            setattr(obj, field.attname, getattr(method, field.attname))
        obj._state.adding = False


@admin.register(DelegatedLimit)
class DelegatedLimitAdmin(_ConfigureBudgets):
    list_display = ["role", "yearly_amount", "valid_from", "illustrative"]
    list_filter = ["role"]

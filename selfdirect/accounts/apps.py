from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "selfdirect.accounts"
    label = "accounts"
    verbose_name = "Accounts, teams and localities"

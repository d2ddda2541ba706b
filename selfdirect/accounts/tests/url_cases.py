"""The accounts app's pages for the URL permission walker: none shows a person's
data. The staff pages (administrators only) are tested in test_passwords.py and
test_two_factor.py."""

NOT_PERSONAL = {
    "two_factor": "the user's own sign-in settings",
    "two_factor_verify": "the second step of signing in",
    "two_factor_set_up": "the user's own authenticator set-up",
    "two_factor_recovery_codes": "the user's own recovery codes",
    "two_factor_remove": "the user's own two-factor sign-in",
    "password_change": "the user's own password",
    "password_change_done": "a confirmation",
    "password_reset": "the forgotten password form, for anyone",
    "password_reset_done": "a confirmation that says nothing of who has an account",
    "password_reset_confirm": "a new password form behind a single-use link",
    "password_reset_complete": "a confirmation",
    "staff_accounts": "staff accounts, for administrators only: see test_passwords",
    "staff_account": "a staff account, for administrators only: see test_passwords",
    "staff_send_reset_link": "administrators only: see test_passwords",
    "staff_temporary_password": "administrators only: see test_passwords",
    "staff_remove_two_factor": "administrators only: see test_two_factor",
}

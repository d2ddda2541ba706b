"""Test support shared by every app's tests: the personas, the journey stages
they can be given, and the URL permission cases. Loaded as a pytest plugin by the
root conftest.py; never imported by the application."""

"""Delivery and finance pages: a person's support and payments, and the finance
views."""

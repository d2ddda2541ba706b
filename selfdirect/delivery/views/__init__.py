"""Delivery and finance pages: a person's support and payments, finance views and
the providers register."""

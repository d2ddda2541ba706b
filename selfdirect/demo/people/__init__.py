"""Demo people, their first contacts, and the demo staff and teams."""

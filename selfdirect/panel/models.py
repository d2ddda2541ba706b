"""Resource panel: submissions, agendas and decisions."""

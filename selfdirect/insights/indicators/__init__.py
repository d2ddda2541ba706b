"""The indicator engine: every SDS indicator for a period, counted in the database
(docs/indicators.md). `registry.compute(period)` gives each by its stable id."""

"""Scenario files: their model, loader, conditions, JSON Schema and the built-in library."""

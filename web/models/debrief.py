"""PLACEHOLDER: tables of the debrief part (being written)."""

"""PLACEHOLDER: tables of the drills part (being written)."""

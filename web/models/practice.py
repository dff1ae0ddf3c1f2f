"""PLACEHOLDER: tables of the practice part (being written)."""

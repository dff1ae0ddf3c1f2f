"""The crisis world: a deterministic SimPy model played in scenario minutes (no wall clock, no web)."""

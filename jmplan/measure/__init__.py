"""Compute: the formulas of docs/methods.md and the assessment of a plan."""

"""The words a plan file chooses from, as types and constants: code compares
with the constants (never with a string typed again), and mypy checks that a
field only ever holds one of the words."""

from __future__ import annotations

from typing import Final, Literal

GrowthModel = Literal["compound", "linear"]
COMPOUND: Final = "compound"  # growth compounds: the required rate is (target / x) ** (1 / years) - 1
LINEAR: Final = "linear"  # growth adds: the required change is (target - x) / years
GROWTH_MODELS: tuple[GrowthModel, ...] = (COMPOUND, LINEAR)

Direction = Literal["increase", "decrease"]
INCREASE: Final = "increase"  # more is better (d = +1)
DECREASE: Final = "decrease"  # less is better (d = -1)
DIRECTIONS: tuple[Direction, ...] = (INCREASE, DECREASE)

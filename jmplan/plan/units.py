"""Converting a value from one unit to another, where that is only a change
of scale: 万户 -> 户, 亿元 -> 万元, 万公里 -> km, Tbps -> Gbps.

Plans of different cities write the same indicator in different units (one
counts fibre subscribers in 户, the next in 万户); a comparison converts them
to one unit, or refuses, and never compares the raw numbers. Units that are
not a scale of each other (个 and 户, % and 个) have no factor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:  # decimal is imported where a factor is made: most plans never convert a unit
    from decimal import Decimal

# Chinese multipliers written before a unit: 万户, 亿元, 万亿元, 千瓦
_MULTIPLIERS = {"万": 10**4, "亿": 10**8, "千": 10**3, "百": 10**2}
# Names of one base unit, as plans write them (compared case-insensitively)
_ALIASES = {
    "km": "km",
    "公里": "km",
    "千米": "km",
    "m": "m",
    "米": "m",
    "元": "元",
    "yuan": "元",
    "户": "户",
    "个": "个",
    "人": "人",
    "家": "家",
    "件": "件",
    "件/日": "件/日",
    "%": "%",
    "％": "%",
}
# Data rates, by their SI prefix; "G" alone is how Chinese texts often write Gbps (735G)
_RATES = {"bps": 1, "kbps": 10**3, "mbps": 10**6, "gbps": 10**9, "tbps": 10**12, "g": 10**9, "t": 10**12}


def _split(unit: str) -> tuple[int, str] | None:
    """(scale, base unit) of a unit, or None when jmplan does not know it.
    'm' alone is metres, never Mbps."""
    text = unit.strip()
    folded = text.casefold()
    if folded in _ALIASES:
        return 1, _ALIASES[folded]
    rate = _RATES.get(folded)
    if rate is not None:
        return rate, "bps"
    scale = 1
    while text and text[0] in _MULTIPLIERS and text not in _ALIASES:
        scale *= _MULTIPLIERS[text[0]]
        text = text[1:]
    if scale > 1 and text:
        base = _ALIASES.get(text.casefold(), text)
        return scale, base
    return None


def unit_factor(from_unit: str, to_unit: str) -> Decimal | None:
    """The number to multiply a value in `from_unit` by to have it in
    `to_unit`; None when one is not a scale of the other."""
    from decimal import Decimal

    if from_unit.strip() == to_unit.strip():
        return Decimal(1)
    a, b = _split(from_unit), _split(to_unit)
    if a is None or b is None or a[1] != b[1]:
        return None
    return Decimal(a[0]) / Decimal(b[0])


@overload
def convert(value: float, factor: Decimal) -> float: ...
@overload
def convert(value: float | None, factor: Decimal | None) -> float | None: ...
def convert(value: float | None, factor: Decimal | None) -> float | None:
    """`value` times `factor`, exactly where decimal arithmetic can (2.79 万户
    is 27,900 户, not 27,900.000000000004)."""
    if value is None or factor is None or factor == 1:
        return value
    from decimal import Decimal

    return float(Decimal(repr(value)) * factor)

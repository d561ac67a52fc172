"""jmplan: progress of a city's five-year-plan indicators towards their targets.

>>> from jmplan import load_plan, assess_plan
>>> result = assess_plan(load_plan())          # the embedded Jiangmen plan
>>> [row.status for row in result.rows][:2]
['no_target', 'no_target']
"""

from __future__ import annotations

import importlib  # always loaded by the interpreter: importing it here costs nothing

# typing.TYPE_CHECKING without importing typing (a few milliseconds `jmplan --version`
# would pay): type checkers treat any name TYPE_CHECKING as true
TYPE_CHECKING = False

__version__ = "0.1.0"

# The public names, each from the module that defines it. They are imported
# on first use, not here: every `jmplan` command imports this package first,
# and `jmplan --version` or `--help` should not pay for the loader, YAML and
# the assessment to print one line.
_EXPORTS = {
    "Assessment": "jmplan.measure.assess",
    "PlanAssessment": "jmplan.measure.assess",
    "assess_indicator": "jmplan.measure.assess",
    "assess_plan": "jmplan.measure.assess",
    "Comparison": "jmplan.measure.compare",
    "compare_plans": "jmplan.measure.compare",
    "default_data_dir": "jmplan.plan.loader",
    "load_plan": "jmplan.plan.loader",
    "read_plan": "jmplan.plan.loader",
    "UnknownIndicator": "jmplan.plan.lookup",
    "find_indicator": "jmplan.plan.lookup",
    "Figure": "jmplan.plan.model",
    "Goal": "jmplan.plan.model",
    "Indicator": "jmplan.plan.model",
    "Plan": "jmplan.plan.model",
    "PlanInfo": "jmplan.plan.model",
    "PlanError": "jmplan.plan.problems",
    "Problem": "jmplan.plan.problems",
    "Source": "jmplan.plan.problems",
}

__all__ = [
    "Assessment",
    "Comparison",
    "Figure",
    "Goal",
    "Indicator",
    "Plan",
    "PlanAssessment",
    "PlanError",
    "PlanInfo",
    "Problem",
    "Source",
    "UnknownIndicator",
    "__version__",
    "assess_indicator",
    "assess_plan",
    "compare_plans",
    "default_data_dir",
    "find_indicator",
    "load_plan",
    "read_plan",
]

if TYPE_CHECKING:  # what type checkers and editors see
    from .measure.assess import Assessment, PlanAssessment, assess_indicator, assess_plan
    from .measure.compare import Comparison, compare_plans
    from .plan.loader import default_data_dir, load_plan, read_plan
    from .plan.lookup import UnknownIndicator, find_indicator
    from .plan.model import Figure, Goal, Indicator, Plan, PlanInfo
    from .plan.problems import PlanError, Problem, Source


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jmplan' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once: later look-ups find it directly
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])

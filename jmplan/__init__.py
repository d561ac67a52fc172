"""jmplan: progress of a city's five-year-plan indicators towards their targets.

>>> from jmplan import load_plan, assess_plan
>>> result = assess_plan(load_plan())          # the embedded Jiangmen plan
>>> [row.status for row in result.rows][:2]
['no_target', 'no_target']
"""

from .measure.assess import Assessment, PlanAssessment, assess_indicator, assess_plan
from .plan.loader import default_data_dir, load_plan, read_plan
from .plan.lookup import UnknownIndicator, find_indicator
from .plan.model import Figure, Goal, Indicator, Plan, PlanInfo
from .plan.problems import PlanError, Problem, Source

__version__ = "0.1.0"

__all__ = [
    "Assessment",
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
    "default_data_dir",
    "find_indicator",
    "load_plan",
    "read_plan",
]

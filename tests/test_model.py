"""The model's fast constructors make what the NamedTuples' own would."""

from jmplan.plan.model import Figure, plain_figure
from jmplan.plan.problems import Source


def test_plain_figure_is_a_figure_with_every_other_field_at_its_default():
    where = Source("actuals.yaml", 12)
    made = plain_figure(2018, 563743.89, where)
    assert made == Figure(2018, 563743.89, where=where)
    assert type(made) is Figure
    assert made._asdict() == Figure(2018, 563743.89, where=where)._asdict()

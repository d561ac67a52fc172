"""jmplan.plan.tuples.NamedTuple makes the same classes as typing.NamedTuple
(it only skips typing's check of each annotation), so every value class
behaves as it did: checked here side by side with typing's, on one body."""

from __future__ import annotations

import pickle
import typing

import pytest

from jmplan.plan.model import Figure, Target
from jmplan.plan.problems import Source
from jmplan.plan.tuples import NamedTuple


def _define(base):
    class Point(base):
        """A point, with a default and a method."""

        x: int
        y: float = 0.5
        label: str | None = None
        ORIGIN_NAME = "origin"  # a class attribute, not a field

        def norm(self) -> float:
            return abs(self.x) + abs(self.y)

        @property
        def named(self) -> bool:
            return self.label is not None

        def __str__(self) -> str:
            return f"{tuple.__repr__(self)}!"

    return Point


def test_the_class_behaves_as_typings():
    ours, theirs = _define(NamedTuple), _define(typing.NamedTuple)
    assert ours._fields == theirs._fields == ("x", "y", "label")
    assert ours._field_defaults == theirs._field_defaults == {"y": 0.5, "label": None}
    assert ours.__doc__ == theirs.__doc__ == "A point, with a default and a method."
    assert ours.__mro__[1:] == theirs.__mro__[1:] == (tuple, object)
    assert ours.__module__ == theirs.__module__ == __name__
    assert ours.__qualname__ == theirs.__qualname__
    assert list(ours.__annotations__) == list(theirs.__annotations__)
    a, b = ours(3, label="p"), theirs(3, label="p")
    assert tuple(a) == tuple(b) == (3, 0.5, "p")
    assert repr(a) == repr(b) == "Point(x=3, y=0.5, label='p')"
    assert str(a) == str(b) == "(3, 0.5, 'p')!"
    assert a.norm() == b.norm() == 3.5 and a.named and b.named
    assert ours.ORIGIN_NAME == "origin" and "ORIGIN_NAME" not in ours._fields
    assert a._replace(x=1) == (1, 0.5, "p") and a._asdict() == b._asdict()
    assert ours._make([1, 2.0, None]) == (1, 2.0, None)
    with pytest.raises(AttributeError):
        a.x = 4  # immutable, as typing's


def test_a_method_may_use_super():  # typing's NamedTuple refuses this one (Python 3.11)
    class Named(NamedTuple):
        name: str

        def __repr__(self) -> str:
            return "<" + super().__repr__() + ">"

    assert repr(Named("a")) == "<('a',)>"  # the body's __repr__ replaces namedtuple's: super() is tuple's


def test_typings_refusals_too():
    with pytest.raises(TypeError, match="Non-default namedtuple field y cannot follow"):

        class Bad(NamedTuple):
            x: int = 0
            y: int

    with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _replace"):

        class Worse(NamedTuple):
            x: int

            def _replace(self):  # pragma: no cover - never called
                return self


def test_jmplans_value_classes_keep_what_their_users_rely_on():
    where = Source("actuals.yaml", 3)
    figure = Figure(2016, 45.0, where=where)
    assert pickle.loads(pickle.dumps(figure)) == figure  # multiprocessing and caches pickle them
    assert figure.where == where and figure.data_status == "final" and figure.history == ()
    assert Target(2020, 90.0, stated="90%").as_figure() == Figure(2020, 90.0, stated="90%")
    assert str(where) == "actuals.yaml:3"  # the body's __str__, not tuple's

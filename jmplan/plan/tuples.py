"""`NamedTuple` for jmplan's value classes: typing.NamedTuple's class syntax
at under half its cost to define.

    class Source(NamedTuple):
        file: str
        line: int | None = None

makes the same class as typing's: collections.namedtuple with the annotated
fields and their defaults, then the body's docstring, methods and properties.
What it leaves out is typing's check of each annotation as a type: under
`from __future__ import annotations` every annotation is a string, which
typing compiles as an expression, field by field. That was over half of what
defining a value class cost, and `jmplan status` defines some twenty-five of
them before it reads a line (15 M instructions, about 5 ms). The annotations
stay on the class as written (strings), for readers; nothing in jmplan
evaluates them.

Type checkers see typing.NamedTuple itself.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING  # typing is loaded anyway: click imports it

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # what typing.NamedTuple refuses in a class body, and what it does not copy from it
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace"}
        | {"_asdict", "_source"}
    )
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__classcell__"})

    class _NamedTupleClass(type):
        """The metaclass of `NamedTuple`: a class statement deriving from it
        makes a namedtuple class instead, as typing.NamedTuple's does."""

        def __new__(cls, typename: str, bases: tuple, namespace: dict):
            annotations = namespace.get("__annotations__", {})
            defaults = []
            for name in annotations:
                if name in namespace:
                    defaults.append(namespace[name])
                elif defaults:
                    raise TypeError(f"Non-default namedtuple field {name} cannot follow a default field")
            made = collections.namedtuple(
                typename, list(annotations), defaults=defaults, module=namespace["__module__"]
            )
            made.__annotations__ = dict(annotations)
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
                if key not in _SPECIAL and key not in made._fields:
                    setattr(made, key, value)
            if "__classcell__" in namespace:  # a method that uses super() or __class__ finds this class
                namespace["__classcell__"].cell_contents = made
            return made

    NamedTuple = type.__new__(_NamedTupleClass, "NamedTuple", (), {"__module__": __name__})

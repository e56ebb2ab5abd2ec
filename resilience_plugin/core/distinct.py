"""Work once per distinct value of a column: a layer of 50,000 features writes a few hundred labels or grades."""

from collections import Counter
from typing import Callable, List, Optional, Sequence, Tuple


class Factorized(list):
    """A column of values (a list) that carries what :func:`factorize` gives for it, made where a reader has the
    distinct values anyway (text decoded once per distinct value). Not to be changed in place."""

    distinct: list
    counts: List[int]
    index: List[int]

    @classmethod
    def of(cls, values: Sequence, convert: Callable = lambda v: v) -> "Factorized":
        """``[convert(v) for v in values]`` with ``convert`` called once per distinct value (hashable values, each
        distinct value converting to a distinct result, as text decoding does)."""
        counts, index = _counted(values)
        distinct = [convert(v) for v in counts]
        out = cls(map(distinct.__getitem__, index))
        out.distinct, out.counts, out.index = distinct, list(counts.values()), index
        return out


def _counted(keys: list) -> Tuple[Counter, List[int]]:
    """The keys counted in the order first seen, and each key's position among them (TypeError: unhashable)."""
    counts = Counter(keys)
    position = {key: i for i, key in enumerate(counts)}
    return counts, list(map(position.__getitem__, keys))


def factorize(values: Sequence) -> Optional[Tuple[list, List[int], List[int]]]:
    """The distinct values in the order first seen, how often each occurs, and for each value the position of its
    distinct value; counted in C. Values that compare equal but differ in type (1, 1.0 and True) stay apart: they may
    read differently. None when a value cannot be hashed (a QVariant)."""
    if isinstance(values, Factorized):
        return values.distinct, values.counts, values.index
    values = values if isinstance(values, list) else list(values)
    single = len(set(map(type, values))) <= 1  # one type (the usual column): the values are their own keys
    keys = values if single else list(zip(map(type, values), values))
    try:
        counts, index = _counted(keys)
    except TypeError:
        return None
    distinct = list(counts) if single else [key[1] for key in counts]
    return distinct, list(counts.values()), index


def per_distinct(fn: Callable, values: Sequence) -> list:
    """``[fn(v) for v in values]``, with ``fn`` called once per distinct value (see :func:`factorize`)."""
    found = factorize(values)
    if found is None:
        return [fn(v) for v in values]
    distinct, _counts, index = found
    done = [fn(v) for v in distinct]
    return list(map(done.__getitem__, index))

"""Work once per distinct value of a column: a layer of 50,000 features writes a few hundred labels or grades."""

from collections import Counter
from typing import Callable, List, Optional, Sequence, Tuple


def factorize(values: Sequence) -> Optional[Tuple[list, List[int], List[int]]]:
    """The distinct values in the order first seen, how often each occurs, and for each value the position of its
    distinct value; counted in C. Values that compare equal but differ in type (1, 1.0 and True) stay apart: they may
    read differently. None when a value cannot be hashed (a QVariant)."""
    values = values if isinstance(values, list) else list(values)
    single = len(set(map(type, values))) <= 1  # one type (the usual column): the values are their own keys
    keys = values if single else list(zip(map(type, values), values))
    try:
        counts = Counter(keys)
    except TypeError:
        return None
    position = {key: i for i, key in enumerate(counts)}
    index = list(map(position.__getitem__, keys))
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

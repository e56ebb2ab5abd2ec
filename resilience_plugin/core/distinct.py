"""Work once per distinct value of a column: a layer of 50,000 features writes a few hundred labels or grades."""

from collections import Counter
from typing import Callable, List, Optional, Sequence, Tuple

Key = Tuple[type, object]


def distinct_counts(values: Sequence) -> Optional[Tuple[List[Key], Counter]]:
    """The key of each value, ``(type, value)`` (so 1, 1.0 and True, which compare equal, stay apart: they may read
    differently), and how often each key occurs, counted in C; None when a value cannot be hashed (a QVariant)."""
    try:
        keys = list(zip(map(type, values), values))
        return keys, Counter(keys)
    except TypeError:
        return None


def per_distinct(fn: Callable, values: Sequence) -> list:
    """``[fn(v) for v in values]``, with ``fn`` called once per distinct value (see :func:`distinct_counts`)."""
    found = distinct_counts(values)
    if found is None:
        return [fn(v) for v in values]
    keys, counts = found
    done = {key: fn(key[1]) for key in counts}
    return [done[key] for key in keys]

"""Work on several cores at once with threads: shapely (GEOS) and scipy's k-d trees release the GIL (no QGIS here).

Results never depend on the number of cores: the work is cut into the same pieces on every machine, or put back in
order, and each piece gives what the whole would."""

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, List, Tuple

import numpy as np


def threads() -> int:
    """Worker threads for GEOS and k-d tree work: the cores, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


def parallel(fn, *arrays, chunk: int = 2000) -> np.ndarray:
    """``fn(*arrays)`` for a vectorised shapely function of equally long arrays, in slices on all cores (shapely
    releases the GIL inside GEOS); the same result as one call."""
    n = len(arrays[0])
    workers = threads()
    if workers == 1 or n < 2 * chunk:
        return fn(*arrays)
    size = max(chunk, -(-n // (workers * 4)))  # element by element: any cut gives the same result
    return np.concatenate(in_pieces(lambda lo, hi: fn(*(x[lo:hi] for x in arrays)), n, size))


def side_by_side(first, second):
    """``(first(), second())``, the two run at once when there are several cores (shapely releases the GIL inside
    GEOS, so two independent overlays of one analysis overlap); an exception of either is raised."""
    if threads() == 1:
        return first(), second()
    state = np.geterr()

    def in_worker():
        with np.errstate(**state):
            return first()

    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(in_worker)
        other = second()
        return pending.result(), other


def in_pieces(fn: Callable[[int, int], object], n: int, size: int) -> List:
    """``[fn(lo, hi) for (lo, hi) in pieces]`` over ``range(n)`` cut into pieces of ``size`` (the last shorter), the
    pieces on all cores, the results in order. The pieces depend only on ``n`` and ``size``, never on the cores."""
    bounds: List[Tuple[int, int]] = [(lo, min(n, lo + size)) for lo in range(0, n, size)]
    if threads() == 1 or len(bounds) < 2:
        return [fn(lo, hi) for lo, hi in bounds]
    state = np.geterr()  # numpy's error handling is per thread: the workers take the caller's

    def piece(b):
        with np.errstate(**state):
            return fn(*b)

    with ThreadPoolExecutor(min(threads(), len(bounds))) as pool:
        return list(pool.map(piece, bounds))

"""Memory estimates: a run's expected peak from its input sizes, and the memory the machine has free (no QGIS here).

Each algorithm states a memory ceiling in its docstring: the peak it is built for, measured at Beijing scale by
``make bench`` (343 street/town units, 7,000 communities, 50,000 facilities, a 200,000-edge walking network).
Before a run it estimates its peak from the feature counts of its inputs and warns when that is above the ceiling
or above the memory free on the machine."""

import gc
import os
import sys
import threading
from contextlib import contextmanager
from typing import Dict, Mapping, Optional


def estimate_mb(counts: Mapping[str, int], mb_per_1000: Mapping[str, float], base_mb: float = 0.0) -> float:
    """``base_mb`` plus, for each input, its features / 1000 times its cost per 1,000 features."""
    return base_mb + sum(counts.get(key, 0) / 1000.0 * cost for key, cost in mb_per_1000.items())


def available_mb() -> Optional[float]:
    """Physical memory free for new work, in MB; None where it cannot be read."""
    try:
        if sys.platform.startswith("linux"):
            with open("/proc/meminfo") as f:
                info: Dict[str, int] = {line.split(":")[0]: int(line.split()[1]) for line in f if line.split()[1:]}
            return info.get("MemAvailable", info.get("MemFree", 0)) / 1024 or None
        if sys.platform == "win32":
            import ctypes

            class Status(ctypes.Structure):
                _fields_ = [
                    ("length", ctypes.c_ulong),
                    ("load", ctypes.c_ulong),
                    ("total_phys", ctypes.c_ulonglong),
                    ("avail_phys", ctypes.c_ulonglong),
                    ("total_page", ctypes.c_ulonglong),
                    ("avail_page", ctypes.c_ulonglong),
                    ("total_virtual", ctypes.c_ulonglong),
                    ("avail_virtual", ctypes.c_ulonglong),
                    ("avail_extended", ctypes.c_ulonglong),
                ]

            status = Status()
            status.length = ctypes.sizeof(Status)
            if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
                return status.avail_phys / 2**20
        if hasattr(os, "sysconf") and "SC_AVPHYS_PAGES" in os.sysconf_names:
            return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, AttributeError):
        return None
    return None


_pause_lock = threading.Lock()
_pauses = [0, False]  # runs inside collection_paused(); whether the collector was enabled when the first began


@contextmanager
def collection_paused():
    """Python's cyclic garbage collector paused for the enclosed work, then restored as it was.

    An analysis builds many small objects (a row per feature) that live to its end; each batch of them starts a
    collection that walks every object of the process, and inside QGIS that is millions of objects: at 50,000
    features, a third of a run. Reference counting still frees everything that is not in a cycle. Runs may nest or
    overlap (QGIS runs algorithms on worker threads); the collector comes back when the last of them ends, and only
    if it was on before the first began."""
    with _pause_lock:
        if _pauses[0] == 0:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses[0] -= 1
            if _pauses[0] == 0 and _pauses[1]:
                gc.enable()


def return_free_memory() -> None:
    """Give the memory freed so far back to the system before a large new step, where the C library allows it
    (glibc's ``malloc_trim``): freed memory otherwise stays with the process, and a step run on another thread (whose
    allocations come from its own arena) adds its peak on top of it. Elsewhere nothing is done."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl), or no trim: the memory stays, as on other systems
        pass

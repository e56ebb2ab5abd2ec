"""Memory estimates: a run's expected peak from its input sizes, and the memory the machine has free (no QGIS here).

Each algorithm states a memory ceiling in its docstring: the peak it is built for, measured at Beijing scale by
``make bench`` (343 street/town units, 7,000 communities, 50,000 facilities, a 200,000-edge walking network).
Before a run it estimates its peak from the feature counts of its inputs and warns when that is above the ceiling
or above the memory free on the machine."""

import os
import sys
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

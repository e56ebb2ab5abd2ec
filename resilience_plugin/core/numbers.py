"""Numbers as people write them in census tables, government lists and POI exports.

``1,234``, ``1 234``, ``1，234``, ``１２３４`` (full-width), ``12万``, ``3.5万``, ``1.2亿``, ``1,234人``, ``约5948``,
``5948（2020年）``, ``2.5万平方米``, ``2.5 公顷``, ``12.5%``. What cannot be read with certainty is not guessed: ``1,5``
(a decimal comma or a typo?), ranges such as ``12-15``, and words are unreadable, and the caller says which.

Pure Python and numpy: no QGIS.
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import List, Optional, Sequence

import numpy as np

# what a value may be: a count of people, beds or places; an area (read in m²); a share (read as 0-1)
KINDS = ("count", "area", "share")
_MULTIPLIERS = {"": 1.0, "千": 1e3, "万": 1e4, "亿": 1e8}
_UNITS = {
    "count": {"": 1.0, "人": 1.0, "个": 1.0, "张": 1.0, "床": 1.0, "户": 1.0, "处": 1.0, "座": 1.0, "所": 1.0},
    "area": {
        "": 1.0,
        "m2": 1.0,
        "m²": 1.0,
        "㎡": 1.0,
        "平方米": 1.0,
        "平米": 1.0,
        "公顷": 1e4,
        "hm2": 1e4,
        "hm²": 1e4,
        "ha": 1e4,
        "平方公里": 1e6,
        "平方千米": 1e6,
        "km2": 1e6,
        "km²": 1e6,
        "亩": 10000.0 / 15.0,
    },
    "share": {"": 1.0, "%": 0.01, "％": 0.01},
}
_NUMBER = re.compile(
    r"^(?:约|大约|近|逾|超过|≈|~|about\s*)?\s*"
    r"(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\s\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*"
    r"(?P<mult>[千万亿]?)\s*(?P<unit>(?:[^\d\s()][^\s()]*?)?)\s*(?:\([^()]*\))?$",
    re.IGNORECASE,
)


def parse_number(value, kind: str = "count") -> Optional[float]:
    """The number a value says, in the unit of ``kind`` (people, m², a 0-1 share), or None when it says none.

    None and NULL give None. Real numbers pass through (NaN and infinities give None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        x = float(value)
        return x if math.isfinite(x) else None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    m = _NUMBER.match(text)
    if m is None:
        return None
    unit = m.group("unit").strip().lower()
    factor = _UNITS[kind].get(unit)
    if factor is None:
        return None
    number = float(m.group("num").replace(",", "").replace(" ", ""))
    x = number * _MULTIPLIERS[m.group("mult")] * factor
    return x if math.isfinite(x) else None


def field_unit(field_name: str, kind: str = "count") -> float:
    """The factor a field's name declares for its bare numbers: a census column ``常住人口（万人）`` holds 万 (×10,000),
    an area column ``面积(公顷)`` hectares (×10,000 m²). 1 when the name declares nothing this module reads."""
    name = unicodedata.normalize("NFKC", str(field_name or "")).lower()
    m = re.search(r"[(\[_]\s*([千万亿]?)\s*([^()\[\]_]*?)\s*[)\]]?$", name)
    if m is None or not (m.group(1) or m.group(2)):
        return 1.0
    unit = _UNITS[kind].get(m.group(2).strip())
    if unit is None:
        return 1.0
    return _MULTIPLIERS[m.group(1)] * unit


def _is_bare(value) -> bool:
    """A number with no multiplier or unit of its own (``12.35``, not ``12万``)."""
    if not isinstance(value, str):
        return True
    m = _NUMBER.match(unicodedata.normalize("NFKC", value).strip())
    return m is not None and not m.group("mult") and not m.group("unit").strip()


@dataclass
class Parsed:
    """Numbers read from a column: ``values`` (NaN where nothing could be read), and the positions that were empty
    (None or NULL) and that held something unreadable, with those values."""

    values: np.ndarray
    empty: List[int] = field(default_factory=list)
    unreadable: List[int] = field(default_factory=list)
    examples: List[str] = field(default_factory=list)  # the first unreadable values, distinct

    def share_unreadable(self, count_empty: bool) -> float:
        n = len(self.values)
        bad = len(self.unreadable) + (len(self.empty) if count_empty else 0)
        return bad / n if n else 0.0


def parse_numbers(values: Sequence, kind: str = "count", negative_ok: bool = False, examples: int = 5, factor: float = 1.0) -> Parsed:
    """:func:`parse_number` over a column; negative numbers are unreadable unless ``negative_ok``. Bare numbers
    (with no unit of their own) are multiplied by ``factor`` (see :func:`field_unit`)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    try:  # the common case, a numeric column: no parsing
        arr = np.asarray(values, dtype=float)
        if arr.ndim == 1 and np.isfinite(arr).all() and (negative_ok or (arr >= 0).all()):
            return Parsed(arr * factor)
    except (TypeError, ValueError):
        pass
    out = np.full(len(values), np.nan)
    parsed = Parsed(out)
    cache = {}
    for i, v in enumerate(values):
        if v is None or (hasattr(v, "isNull") and v.isNull()) or (isinstance(v, str) and not v.strip()):
            parsed.empty.append(i)
            continue
        key = v if isinstance(v, (str, int, float)) else str(v)
        if key not in cache:
            cache[key] = parse_number(v, kind)
            if cache[key] is not None and factor != 1.0 and _is_bare(v):
                cache[key] *= factor
        x = cache[key]
        if x is None or (x < 0 and not negative_ok):
            parsed.unreadable.append(i)
            text = str(v)
            if len(parsed.examples) < examples and text not in parsed.examples:
                parsed.examples.append(text)
            continue
        out[i] = x
    return parsed

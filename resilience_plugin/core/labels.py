"""Facility labels as real sources write them, mapped to the profile's categories.

Real facility layers name their categories in many ways: the profile's codes (``fire_station``), Chinese and English
names (消防站, 消防救援站, Fire station), Amap/Gaode POI ``type`` text of three levels (``公共设施;紧急避难场所;紧急避难场所``)
and six-digit ``typecode`` (several joined by ``|``), OpenStreetMap tags in a field of their own (``fire_station`` in
``amenity`` or Geofabrik's ``fclass``) or in an ogr2ogr ``other_tags`` string (``"amenity"=>"fire_station"``), and
government lists (``Ⅱ类``, ``固定``, ``应急避难场所``). Every rule lives in the profile (``facility_labels.*``), so a planner
edits one place.

:class:`LabelMatcher` tries, in order, and says which rule matched:

1. ``user``: the run's own mapping (``label=code;label=code``: the CATEGORY_MAP parameter, or the dock's mapping);
2. ``exact``: the label, normalised (full-width to half-width, case, spaces, a few traditional characters), against the
   category codes, names and ``facility_labels.labels``;
3. ``osm``: ``key=value`` pairs, from an ``other_tags`` string or written as ``amenity=fire_station``, against
   ``facility_labels.osm_tags``;
4. ``amap``: the levels of an Amap ``type`` text (the last first, then the middle one) against the labels;
5. ``typecode``: six-digit codes against the prefixes of ``facility_labels.amap_typecodes``;
6. ``keyword``: the first keyword of ``facility_labels.keywords`` that the label contains (避难 → shelter …).

A label no rule maps is "unmapped". Pure Python: no QGIS.
"""

import copy
import re
import unicodedata
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .messages import QT_TRANSLATE_NOOP, CoreError

OTHER = "other"
RULES = ("user", "exact", "osm", "amap", "typecode", "keyword")

# a few traditional characters of facility labels (Taiwan, Hong Kong and older data), where it is cheap to read them
_TRADITIONAL = str.maketrans(
    "難場醫衛藥園體館學務區應緊庫儲備揮廠變電療處隊賓運動圖書診調劑貨綜飯寧廣鄉鎮街護養療樂齡",
    "难场医卫药园体馆学务区应紧库储备挥厂变电疗处队宾运动图书诊调剂货综饭宁广乡镇街护养疗乐龄",
)
_OSM_PAIR = re.compile(r'"([^"]+)"\s*=>\s*"([^"]*)"')
_TYPECODE = re.compile(r"^\d{6}(\|\d{6})*$")


class LabelError(CoreError):
    """A label mapping that cannot be read; the message names the part at fault."""


def normalise(label) -> str:
    """The form labels are compared in: NFKC (full-width letters, digits and signs to half-width), a few traditional
    characters to simplified, lower case, no spaces, and ``-`` and `` `` as ``_`` between Latin words."""
    if label is None:
        return ""
    text = unicodedata.normalize("NFKC", str(label)).translate(_TRADITIONAL).strip().lower()
    text = re.sub(r"[\s\-]+", "_", text)
    # spaces between Chinese characters carry no meaning ("应急 避难场所")
    text = re.sub(r"(?<=[^\x00-\x7f])_|_(?=[^\x00-\x7f])", "", text)
    return text


def parse_mapping(text: str, codes: Sequence[str], names: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """A user mapping ``label=code;label=code`` (also ``，``/``；``/new lines between pairs, ``＝`` or ``:`` inside).

    The code may be a profile code or a category's English or Chinese name (``names``: normalised name -> code).
    Raises :class:`LabelError` naming the pair that cannot be read."""
    out: Dict[str, str] = {}
    if not text or not str(text).strip():
        return out
    known = {normalise(c): c for c in codes}
    known.update(names or {})
    known.update({"other": OTHER, "其他": OTHER})  # counted, deliberately, as none of the categories
    for pair in re.split(r"[;；\n]+", unicodedata.normalize("NFKC", str(text))):
        if not pair.strip():
            continue
        label, sep, code = pair.rpartition("=")
        if not sep:
            label, sep, code = pair.rpartition(":")
        if not sep or not label.strip() or not code.strip():
            raise LabelError(QT_TRANSLATE_NOOP("Core", "cannot read '{0}': write label=category, pairs separated by ';'"), pair.strip())
        target = known.get(normalise(code))
        if target is None:
            raise LabelError(
                QT_TRANSLATE_NOOP("Core", "'{0}': '{1}' is not a facility category of the profile; known: {2}"),
                pair.strip(),
                code.strip(),
                ", ".join(codes),
            )
        out[normalise(label)] = target
    return out


@dataclass
class Match:
    code: Optional[str]
    rule: str  # one of RULES, or "" when unmapped


@dataclass
class Classified:
    """What :meth:`LabelMatcher.classify` found: a code (or None) per value, and counts to log."""

    codes: List[Optional[str]]
    mapping: Counter = field(default_factory=Counter)  # (label, code, rule) -> count
    unmapped: Counter = field(default_factory=Counter)  # label -> count (empty labels as "")
    class_unknown: List[bool] = field(default_factory=list)  # per value: a shelter whose class the label does not say
    # where the values were read once per distinct value: the code of each distinct value, and each value's position
    distinct_codes: Optional[List[Optional[str]]] = None
    index: Optional[List[int]] = None

    @property
    def share_unmapped(self) -> float:
        return sum(self.unmapped.values()) / len(self.codes) if self.codes else 0.0


# profile -> {user text: matcher}: the rules built from a profile, for as long as the profile lives
_BUILT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


class LabelMatcher:
    """Maps facility labels to profile category codes with the rules of the module docstring."""

    def __init__(
        self,
        codes: Sequence[str],
        labels: Dict[str, Iterable[str]],
        osm_tags: Dict[str, Iterable[str]],
        typecodes: Dict[str, Iterable[str]],
        keywords: Sequence[Tuple[str, str]],
        user: Optional[Dict[str, str]] = None,
        class_unknown: Iterable[str] = (),
    ):
        self.codes = list(codes)
        self.user = dict(user or {})
        self.exact: Dict[str, str] = {}
        for code, names in labels.items():
            for name in list(names) + [code]:
                self.exact.setdefault(normalise(name), code)
        self.osm: Dict[str, str] = {}
        for code, tags in osm_tags.items():
            for tag in tags:
                key, _, value = tag.partition("=")
                self.osm.setdefault(f"{normalise(key)}={normalise(value)}", code)
        self.typecodes = sorted(((str(p), c) for c, prefixes in typecodes.items() for p in prefixes), key=lambda t: -len(t[0]))
        self.keywords = [(normalise(k), c) for k, c in keywords]
        self.class_unknown = {normalise(x) for x in class_unknown}
        self._seen: Dict[str, Match] = {}

    @classmethod
    def from_profile(cls, profile, user_text: str = "") -> "LabelMatcher":
        """The profile's rules, plus the user's ``label=code`` pairs (raises LabelError on a pair it cannot read).

        A profile never changes once made, so its rules are built once per profile and user text; each call gets a
        matcher of its own (what it has already matched is not shared)."""
        built = _BUILT.get(profile)
        if built is None:
            built = _BUILT[profile] = {}
        made = built.get(user_text)
        if made is None:
            made = built[user_text] = cls._build(profile, user_text)
        fresh = copy.copy(made)  # the rule tables are shared and never changed; the memo is its own
        fresh._seen = {}
        return fresh

    @classmethod
    def _build(cls, profile, user_text: str) -> "LabelMatcher":
        cats = profile.categories
        written = profile.value("facility_labels.labels")
        labels = {c: [d["name"], d["name_zh"]] + list(written.get(c, [])) for c, d in cats.items()}
        names = {normalise(n): c for c, d in cats.items() for n in (d["name"], d["name_zh"])}
        user = parse_mapping(user_text, list(cats), names)
        keywords = [tuple(k) for k in profile.value("facility_labels.keywords")]
        return cls(
            list(cats),
            labels,
            profile.value("facility_labels.osm_tags"),
            profile.value("facility_labels.amap_typecodes"),
            keywords,
            user,
            profile.value("facility_labels.class_unknown"),
        )

    def match(self, label) -> Match:
        """The category of one label, and the rule that found it (code None: unmapped)."""
        key = "" if label is None else str(label)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = self._match(key)
        return found

    def _match(self, label: str) -> Match:
        norm = normalise(label)
        if not norm:
            return Match(None, "")
        if norm in self.user:
            return Match(self.user[norm], "user")
        if norm in self.exact:
            return Match(self.exact[norm], "exact")
        pairs = _OSM_PAIR.findall(label)
        if not pairs and "=" in label and "=>" not in label:
            k, _, v = label.partition("=")
            pairs = [(k, v)]
        for k, v in pairs:
            code = self.osm.get(f"{normalise(k)}={normalise(v)}")
            if code:
                return Match(code, "osm")
        if pairs:  # OSM tags of no listed kind ("amenity"=>"shelter" is a bus shelter): no keyword guessing
            return Match(None, "")
        if ";" in norm:
            levels = [p for p in norm.split(";") if p]
            for level in reversed(levels[1:] or levels):
                code = self.user.get(level) or self.exact.get(level)
                if code:
                    return Match(code, "amap")
        if _TYPECODE.match(norm):
            for tc in norm.split("|"):
                for prefix, code in self.typecodes:
                    if tc.startswith(prefix):
                        return Match(code, "typecode")
        for word, code in self.keywords:
            if word and word in norm:
                return Match(code, "keyword")
        return Match(None, "")

    def is_class_unknown(self, label, m: Match) -> bool:
        """Whether a label mapped to a shelter says which class of shelter it is: a generic label (应急避难场所, Ⅱ类),
        Amap's 紧急避难场所 type and keyword matches do not (GB 51143-2015 classes)."""
        if m.code != "emergency_shelter" or m.rule == "user":
            return False
        return m.rule in ("amap", "keyword") or normalise(label) in self.class_unknown

    def classify(self, values: Sequence) -> Classified:
        """The code of each value (None: unmapped), with what mapped to what and what did not."""
        from .distinct import factorize

        out = Classified([])
        seen = {}  # label -> (match, class unknown): a layer repeats few labels many times; each is matched once
        found = factorize(values)  # each distinct value once, counted in C
        if found is None:  # an unhashable value (a QVariant)
            for v in values:
                m, unknown = self._found(v, seen, out, 1)
                out.codes.append(m.code)
                out.class_unknown.append(unknown)
            return out
        distinct, counts, index = found
        per_value = [self._found(v, seen, out, n) for v, n in zip(distinct, counts)]
        out.distinct_codes = [m.code for m, _u in per_value]
        out.index = index
        out.codes = list(map(out.distinct_codes.__getitem__, index))
        out.class_unknown = list(map([u for _m, u in per_value].__getitem__, index))
        return out

    def _found(self, v, seen: dict, out: Classified, n: int):
        """(match, class unknown) of one value, counted ``n`` times in ``out``'s mapping or unmapped labels."""
        label = "" if v is None or (hasattr(v, "isNull") and v.isNull()) else str(v).strip()
        found = seen.get(label)
        if found is None:
            m = self.match(label)
            found = seen[label] = (m, self.is_class_unknown(label, m))
        m = found[0]
        if m.code is None:
            out.unmapped[label] += n
        else:
            out.mapping[(label, m.code, m.rule)] += n
        return found


def mapping_hint(unmapped: Counter, most: int = 8) -> str:
    """``label=?;label=?`` for the most frequent unmapped labels: the start of a CATEGORY_MAP value to fill in."""
    return ";".join(f"{label}=?" for label, _n in unmapped.most_common(most) if label)


_RANK_WORDS = (
    ("1", ("高", "一", "i", "high", "severe")),
    ("2", ("中", "二", "ii", "medium", "moderate")),
    ("3", ("低", "三", "iii", "low", "minor")),
)


# words that hold a rank's character without being that rank: 一般 (general, the third of 重大/较大/一般/低) is not 一级
_NOT_A_RANK = ("一般", "重大", "较大")


def class_rank(value) -> Optional[str]:
    """A hazard class as written (1, 1.0, 一级, Ⅰ级, 高风险区, 高, high …) as the profile's key "1" (high), "2" (medium)
    or "3" (low); None when it says none of them."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    text = normalise(value)
    try:
        number = float(text)
        return str(int(number)) if number.is_integer() and 1 <= number <= 3 else None
    except ValueError:
        pass
    text = re.sub(r"(级|类|等|风险区|风险|区|level|class|risk|zone|_)", "", text)
    for key, words in _RANK_WORDS:
        if text in words:
            return key
    if any(w in text for w in _NOT_A_RANK):  # 一般 is not 一级: four-level schemes are not guessed into three
        return None
    for key, words in _RANK_WORDS:  # 高风险 → 高, "high risk" → high
        if any(w in text for w in words if len(w) > 1 or not w.isascii()):
            return key
    return None

"""Garbled Chinese text: GBK read with the wrong encoding (no QGIS here).

Chinese government Shapefiles often hold GBK (code page 936) text with no ``.cpg`` file and no code-page byte in the
``.dbf``. GDAL then takes the bytes as ISO-8859-1 and each Chinese character becomes two Latin-1 letters
(``应急避难`` → ``Ó¦¼±±ÜÄÑ``); read as UTF-8 they become replacement characters (``�``). Either way the names, labels
and field names a planner chooses from are nonsense, and a category or a name matched against them is silently not
found. :func:`garbled` finds such text; what it found says which way it was misread and, for Latin-1, what it says
when read as GBK.
"""

from dataclasses import dataclass
from typing import Iterable, Optional

REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Garbled:
    """A value that looks garbled: ``kind`` is ``"latin1"`` (GBK bytes read as Latin-1: ``as_gbk`` is what it says)
    or ``"replacement"`` (bytes that were not UTF-8, lost: ``as_gbk`` is None)."""

    value: str
    kind: str
    as_gbk: Optional[str] = None
    encoding: str = "GBK"  # what the source is: GBK, or UTF-8 read as Latin-1


def _is_cjk(ch: str) -> bool:
    """A Chinese character, CJK punctuation (、。“”) or a full-width form (（）ＡＢＣ１２３), as Chinese text holds them."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\uf900" <= ch <= "\ufaff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u2027"  # dashes and quotation marks GBK holds
    )


def _latin1_runs_ok(text: str) -> bool:
    """Every run of Latin-1 letters U+0080…U+00FF has an even length (two bytes of GBK make one character), and
    there are at least two of them (one Chinese character)."""
    run, pairs = 0, 0
    for ch in text + " ":
        if "\x80" <= ch <= "\xff":
            run += 1
            continue
        if run % 2:
            return False
        pairs += run // 2
        run = 0
    return pairs >= 1 and run == 0


def _read_back(text: str, codec: str) -> Optional[str]:
    """``text``, shown as Latin-1 letters, read back as the bytes of ``codec`` when that says something in Chinese
    (mostly Chinese characters among its non-ASCII ones); None otherwise."""
    if not text or any(ch > "\xff" for ch in text) or not any(ch >= "\x80" for ch in text):
        return None
    try:
        back = text.encode("latin-1").decode(codec)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    wide = [ch for ch in back if ord(ch) > 0x7F]
    return back if wide and sum(map(_is_cjk, wide)) >= 0.8 * len(wide) else None


def as_gbk(text: str) -> Optional[str]:
    """``text`` read back as GBK when it is GBK bytes shown as Latin-1 letters (a Shapefile without a code page, read
    by GDAL as ISO-8859-1); None otherwise."""
    return _read_back(text, "gbk") if _latin1_runs_ok(text) else None


def as_utf8(text: str) -> Optional[str]:
    """``text`` read back as UTF-8 when it is UTF-8 bytes of Chinese shown as Latin-1 letters (a layer in UTF-8 whose
    encoding is set to Latin-1); None otherwise. UTF-8 is strict: GBK bytes are seldom valid UTF-8."""
    return _read_back(text, "utf-8")


def looks_garbled(text) -> Optional[Garbled]:
    """What is wrong with one value, or None when it looks like text as written."""
    if not isinstance(text, str) or not text:
        return None
    if REPLACEMENT in text:
        return Garbled(text, "replacement")
    for read_back, encoding in ((as_utf8, "UTF-8"), (as_gbk, "GBK")):
        back = read_back(text)
        if back is not None:
            return Garbled(text, "latin1", back, encoding)
    return None


def garbled(values: Iterable, most: int = 2000) -> Optional[Garbled]:
    """The first garbled value among the first ``most`` distinct text values, or None. One is enough: text of one
    layer comes in one encoding."""
    seen = set()
    for v in values:
        if not isinstance(v, str) or v in seen:
            continue
        seen.add(v)
        found = looks_garbled(v)
        if found is not None:
            return found
        if len(seen) >= most:
            break
    return None

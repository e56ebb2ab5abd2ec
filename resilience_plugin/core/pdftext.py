"""The text layer of a PDF written by Qt: Chinese that searches and copies as Chinese (no QGIS here).

Qt's PDF writer gives each embedded font a ToUnicode map that says which character each glyph stands for. Where a
font draws two characters with one glyph, Qt names the lower code point: the CJK fonts (Noto Sans CJK, Source Han
Sans, WenQuanYi, Microsoft YaHei) draw 高 and the Kangxi radical ⾼ (U+2FBC), 风 and the radical ⻛ (U+2EDB) with one
glyph, so the report's "风险高" came out of a PDF reader's search, copy and ``pdftotext`` as "⻛险⾼" and could not be
found. :func:`fix_radicals` appends to the PDF (an incremental update, ISO 32000-1 §7.5.6: nothing already written is
moved) a corrected copy of each ToUnicode map that names a radical, with the unified ideograph instead: NFKC for the
Kangxi radicals (U+2F00–U+2FD5), and for the CJK radicals supplement and the strokes Unicode's
EquivalentUnifiedIdeograph.txt (Unicode 15, below). The report writes no radicals of its own, so none is lost.
"""

import re
import unicodedata
import zlib
from typing import Dict, Optional, Tuple

# Unicode's EquivalentUnifiedIdeograph.txt (Unicode 15.0) for the code points NFKC leaves alone: the CJK radicals
# supplement (U+2E80–U+2EF3) and the CJK strokes (U+31C0–U+31E3)
EQUIVALENT = {
    0x2E81: 0x5382,
    0x2E82: 0x4E5B,
    0x2E83: 0x4E5A,
    0x2E84: 0x4E59,
    0x2E85: 0x4EBB,
    0x2E86: 0x5182,
    0x2E87: 0x20628,
    0x2E88: 0x5200,
    0x2E89: 0x5202,
    0x2E8A: 0x535C,
    0x2E8B: 0x353E,
    0x2E8C: 0x5C0F,
    0x2E8D: 0x5C0F,
    0x2E8E: 0x5140,
    0x2E8F: 0x5C23,
    0x2E90: 0x5C22,
    0x2E91: 0x21BC2,
    0x2E92: 0x5DF3,
    0x2E93: 0x5E7A,
    0x2E94: 0x5F51,
    0x2E95: 0x2B739,
    0x2E96: 0x5FC4,
    0x2E97: 0x5FC3,
    0x2E98: 0x624C,
    0x2E99: 0x6535,
    0x2E9B: 0x65E1,
    0x2E9C: 0x65E5,
    0x2E9D: 0x6708,
    0x2E9E: 0x6B7A,
    0x2E9F: 0x6BCD,
    0x2EA0: 0x6C11,
    0x2EA1: 0x6C35,
    0x2EA2: 0x6C3A,
    0x2EA3: 0x706C,
    0x2EA4: 0x722B,
    0x2EA5: 0x722B,
    0x2EA6: 0x4E2C,
    0x2EA7: 0x725B,
    0x2EA8: 0x72AD,
    0x2EA9: 0x738B,
    0x2EAA: 0x24D14,
    0x2EAB: 0x76EE,
    0x2EAC: 0x793A,
    0x2EAD: 0x793B,
    0x2EAE: 0x25AD7,
    0x2EAF: 0x7CF9,
    0x2EB0: 0x7E9F,
    0x2EB1: 0x7F53,
    0x2EB2: 0x7F52,
    0x2EB3: 0x34C1,
    0x2EB4: 0x5197,
    0x2EB5: 0x2626B,
    0x2EB6: 0x7F8A,
    0x2EB7: 0x2634C,
    0x2EB8: 0x2634B,
    0x2EB9: 0x8002,
    0x2EBA: 0x8080,
    0x2EBB: 0x807F,
    0x2EBC: 0x8089,
    0x2EBD: 0x26951,
    0x2EBE: 0x8279,
    0x2EBF: 0x8279,
    0x2EC0: 0x8279,
    0x2EC1: 0x864E,
    0x2EC2: 0x8864,
    0x2EC3: 0x8980,
    0x2EC4: 0x897F,
    0x2EC5: 0x89C1,
    0x2EC6: 0x89D2,
    0x2EC7: 0x278B2,
    0x2EC8: 0x8BA0,
    0x2EC9: 0x8D1D,
    0x2ECA: 0x27FB7,
    0x2ECB: 0x8F66,
    0x2ECC: 0x8FB6,
    0x2ECD: 0x8FB6,
    0x2ECE: 0x8FB6,
    0x2ECF: 0x9091,
    0x2ED0: 0x9485,
    0x2ED1: 0x9577,
    0x2ED2: 0x9578,
    0x2ED3: 0x957F,
    0x2ED4: 0x95E8,
    0x2ED5: 0x28E0F,
    0x2ED6: 0x961D,
    0x2ED7: 0x96E8,
    0x2ED8: 0x9752,
    0x2ED9: 0x97E6,
    0x2EDA: 0x9875,
    0x2EDB: 0x98CE,
    0x2EDC: 0x98DE,
    0x2EDD: 0x98DF,
    0x2EDE: 0x2967F,
    0x2EDF: 0x98E0,
    0x2EE0: 0x9963,
    0x2EE1: 0x29810,
    0x2EE2: 0x9A6C,
    0x2EE3: 0x9AA8,
    0x2EE4: 0x9B3C,
    0x2EE5: 0x9C7C,
    0x2EE6: 0x9E1F,
    0x2EE7: 0x5364,
    0x2EE8: 0x9EA6,
    0x2EE9: 0x9EC4,
    0x2EEA: 0x9EFE,
    0x2EEB: 0x6589,
    0x2EEC: 0x9F50,
    0x2EED: 0x6B6F,
    0x2EEE: 0x9F7F,
    0x2EEF: 0x7ADC,
    0x2EF0: 0x9F99,
    0x2EF1: 0x9F9C,
    0x2EF2: 0x4E80,
    0x2EF3: 0x9F9F,
    0x31C6: 0x200CC,
    0x31CF: 0x4E40,
    0x31D0: 0x4E00,
    0x31D1: 0x4E28,
    0x31D2: 0x4E3F,
    0x31D3: 0x4E3F,
    0x31D4: 0x4E36,
    0x31D5: 0x200CD,
    0x31D6: 0x4E5B,
    0x31D7: 0x200CA,
    0x31D8: 0x200CE,
    0x31D9: 0x2010C,
    0x31DA: 0x4E85,
    0x31DB: 0x21FE8,
    0x31DC: 0x200CB,
    0x31DD: 0x4E40,
    0x31DE: 0x200D1,
    0x31DF: 0x4E5A,
    0x31E0: 0x4E59,
    0x31E1: 0x2010E,
}


def unified(cp: int) -> int:
    """The unified ideograph a radical or stroke stands for; any other code point as it is."""
    if 0x2F00 <= cp <= 0x2FDF:
        n = unicodedata.normalize("NFKC", chr(cp))
        return ord(n) if len(n) == 1 else cp
    return EQUIVALENT.get(cp, cp)


def _unified_hex(token: bytes) -> bytes:
    """A ToUnicode destination (``<9AD8>``, UTF-16BE in hex, one or more code units) with radicals replaced."""
    digits = token[1:-1]
    if len(digits) % 4:
        return token
    units = [int(digits[i : i + 4], 16) for i in range(0, len(digits), 4)]
    return b"<" + b"".join(_utf16(unified(u)) for u in units) + b">"


def _utf16(cp: int) -> bytes:
    """A code point as ToUnicode writes it: UTF-16BE in hex, a surrogate pair beyond U+FFFF (23 equivalents are)."""
    if 0xD800 <= cp <= 0xDFFF:  # a lone surrogate unit of a pair: as it was
        return b"%04X" % cp
    return chr(cp).encode("utf-16-be").hex().upper().encode("ascii")


_TOKEN = re.compile(rb"<[0-9A-Fa-f]*>|\[|\]")


def _bfchar(body: bytes) -> bytes:
    tokens = _TOKEN.findall(body)
    if len(tokens) % 2 or any(t in (b"[", b"]") for t in tokens):
        raise ValueError("bfchar")
    fixed = [_unified_hex(dst) for dst in tokens[1::2]]
    if fixed == tokens[1::2]:
        return body
    return b"\n" + b"".join(src + b" " + dst + b"\n" for src, dst in zip(tokens[::2], fixed))


def _bfrange(body: bytes) -> bytes:
    """Each range rewritten: ``<lo> <hi> <dst>`` (dst, dst + 1, …) stays so unless a radical falls in it, then it is
    written as the array of its destinations; ``<lo> <hi> [<d> …]`` has its destinations replaced."""
    tokens = _TOKEN.findall(body)
    out, i, changed = [], 0, False
    while i < len(tokens):
        lo, hi = tokens[i], tokens[i + 1]
        if tokens[i + 2] == b"[":
            end = tokens.index(b"]", i + 3)
            fixed = [_unified_hex(t) for t in tokens[i + 3 : end]]
            changed = changed or fixed != tokens[i + 3 : end]
            out.append(lo + b" " + hi + b" [" + b" ".join(fixed) + b"]")
            i = end + 1
            continue
        dst = tokens[i + 2]
        digits = dst[1:-1]
        n = int(hi[1:-1], 16) - int(lo[1:-1], 16) + 1
        if len(digits) == 4 and n > 0:
            first = int(digits, 16)
            run = [b"<%s>" % _utf16(first + k) for k in range(n)]
            fixed = [_unified_hex(t) for t in run]
            if fixed != run:
                changed = True
                out.append(lo + b" " + hi + b" [" + b" ".join(fixed) + b"]")
                i += 3
                continue
        elif len(digits) > 4 and n == 1:  # one source to several characters (a ligature)
            changed = changed or _unified_hex(dst) != dst
            dst = _unified_hex(dst)
        out.append(lo + b" " + hi + b" " + dst)
        i += 3
    return b"\n" + b"\n".join(out) + b"\n" if changed else body


def fixed_cmap(cmap: bytes) -> bytes:
    """A ToUnicode CMap with every radical or stroke it maps to replaced by its unified ideograph."""
    cmap = re.sub(rb"(beginbfchar)(.*?)(endbfchar)", lambda m: m.group(1) + _bfchar(m.group(2)) + m.group(3), cmap, flags=re.S)
    return re.sub(rb"(beginbfrange)(.*?)(endbfrange)", lambda m: m.group(1) + _bfrange(m.group(2)) + m.group(3), cmap, flags=re.S)


# ------------------------------------------------------------------ the file: classic cross-reference tables only

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"\s*(\d+)\s+(\d+)[ \t]*\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])\s{1,2}")


def _sections(data: bytes, start: int) -> Tuple[Dict[int, int], bytes]:
    """The offsets of the objects in use, the newest of each, and the newest trailer; ValueError for a PDF whose
    cross-references are not classic tables (a cross-reference stream) or do not parse."""
    offsets: Dict[int, int] = {}
    newest = b""
    seen = set()
    at: Optional[int] = start
    while at is not None:
        if at in seen or not data.startswith(b"xref", at):
            raise ValueError("not a classic cross-reference table")
        seen.add(at)
        pos = at + 4
        while True:
            head = _SUBSECTION.match(data, pos)
            if not head:
                break
            first, count = int(head.group(1)), int(head.group(2))
            pos = head.end()
            for k in range(count):
                entry = _ENTRY.match(data, pos)
                if not entry:
                    raise ValueError("cross-reference entry")
                if entry.group(3) == b"n":
                    offsets.setdefault(first + k, int(entry.group(1)))
                else:
                    offsets.setdefault(first + k, -1)
                pos = entry.end()
        trailer = re.match(rb"\s*trailer\s*(<<.*?>>)\s*startxref", data[pos:], re.S)
        if not trailer:
            raise ValueError("trailer")
        newest = newest or trailer.group(1)
        prev = re.search(rb"/Prev\s+(\d+)", trailer.group(1))
        at = int(prev.group(1)) if prev else None
    return offsets, newest


def _stream(data: bytes, offset: int, offsets: Dict[int, int]) -> Optional[bytes]:
    """The decoded content of the stream object at ``offset``; None for one this module does not decode."""
    head = re.compile(rb"\d+\s+\d+\s+obj\s*<<(.*?)>>\s*stream\r?\n", re.S).match(data, offset)
    if not head:
        return None
    info = head.group(1)
    length = re.search(rb"/Length\s+(\d+)(\s+\d+\s+R)?", info)
    if not length:
        return None
    n = int(length.group(1))
    if length.group(2):  # /Length 17 0 R
        held = re.compile(rb"\d+\s+\d+\s+obj\s*(\d+)\s*endobj").match(data, offsets.get(n, -1)) if offsets.get(n, -1) >= 0 else None
        if not held:
            return None
        n = int(held.group(1))
    raw = data[head.end() : head.end() + n]
    filters = re.search(rb"/Filter\s*(/\w+|\[[^\]]*\])", info)
    if not filters:
        return raw
    if filters.group(1).strip(b"[] ") == b"/FlateDecode" and b"/DecodeParms" not in info:
        return zlib.decompress(raw)
    return None


def fix_radicals(data: bytes) -> Tuple[bytes, int]:
    """``data`` (a PDF) with an incremental update that corrects every ToUnicode map naming a radical or stroke, and
    how many maps were corrected (0: ``data`` unchanged). ValueError when the PDF's structure is not one Qt and GDAL
    write (classic cross-reference tables)."""
    tail = _STARTXREF.search(data[-2048:])
    if not tail:
        raise ValueError("no startxref at the end")
    last = int(tail.group(1))
    offsets, trailer = _sections(data, last)
    fixed = []
    for num in sorted({int(n) for n in re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", data)}):
        if offsets.get(num, -1) < 0:
            continue
        cmap = _stream(data, offsets[num], offsets)
        if cmap is None:
            raise ValueError(f"ToUnicode object {num} not decoded")
        new = fixed_cmap(cmap)
        if new != cmap:
            fixed.append((num, new))
    if not fixed:
        return data, 0
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    where = {}
    for num, cmap in fixed:
        where[num] = len(out)
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (num, len(cmap)) + cmap + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n" + b"".join(b"%d 1\n%010d 00000 n \n" % (num, where[num]) for num, _c in fixed)
    size = int(re.search(rb"/Size\s+(\d+)", trailer).group(1))
    keep = b"".join(b" " + m.group(0) for m in re.finditer(rb"/(?:Root|Info)\s+\d+\s+\d+\s+R|/ID\s*\[[^\]]*\]", trailer))
    out += b"trailer\n<< /Size %d%s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (max(size, fixed[-1][0] + 1), keep, last, xref)
    return bytes(out), len(fixed)

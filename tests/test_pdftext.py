"""Chinese in the report PDF's text layer (issue 29): Qt names the radical a CJK font draws with the same glyph as a
character (⾼ U+2FBC for 高, ⻛ U+2EDB for 风), so "风险" could not be found. core.pdftext appends corrected ToUnicode
maps. Oracles: poppler's pdftotext on a PDF that Qt writes (before: the radicals; after: the characters), Unicode's
EquivalentUnifiedIdeograph data for the CMaps written by hand."""

import subprocess
import unicodedata

import pytest

from resilience_plugin.core.pdftext import fix_radicals, fixed_cmap, unified

CMAP = b"""/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfrange
<0000> <0000> <0000>
<0001> <0004> [<2EDB> <9669> <2FBC> <0041> ]
<0005> <0007> <2EDA>
endbfrange
2 beginbfchar
<0008> <2FAF>
<0009> <00660069>
endbfchar
endcmap
end
"""


def test_unified_follows_unicodes_equivalence_data():
    assert chr(unified(0x2FBC)) == "高" and chr(unified(0x2EDB)) == "风" and chr(unified(0x2EDA)) == "页"
    assert chr(unified(0x2FAF)) == "面" and chr(unified(0x31D2)) == "丿"
    assert unified(ord("高")) == ord("高") and unified(0x41) == 0x41
    for cp in range(0x2F00, 0x2FD6):  # every Kangxi radical: its compatibility decomposition
        assert chr(unified(cp)) == unicodedata.normalize("NFKC", chr(cp))


def test_a_cmap_names_characters_not_radicals():
    fixed = fixed_cmap(CMAP)
    assert b"[<98CE> <9669> <9AD8> <0041>]" in fixed  # 风险高A
    assert b"<0005> <0007> [<9875> <2EDB> <2EDC>]" not in fixed  # a range is a run of code points, each fixed
    assert b"<0005> <0007> [<9875> <98CE> <98DE>]" in fixed  # ⻚⻛⻜ → 页风飞
    assert b"<0008> <9762>" in fixed and b"<0009> <00660069>" in fixed
    assert b"begincodespacerange\n<0000> <FFFF>" in fixed and fixed.count(b"beginbfrange") == 1
    plain = CMAP.replace(b"<2EDB>", b"<98CE>").replace(b"<2FBC>", b"<9AD8>").replace(b"<0005> <0007> <2EDA>", b"<0005> <0007> <0061>")
    plain = plain.replace(b"<2FAF>", b"<9762>")
    assert fixed_cmap(plain) == plain  # nothing to fix: the bytes as they were


def _tiny_pdf(cmap: bytes) -> bytes:
    """A one-page PDF (classic cross-reference table) with a Type0 font whose ToUnicode is ``cmap``: only its structure
    matters to fix_radicals."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Resources << /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_the_correction_is_appended_and_everything_before_it_stays():
    data = _tiny_pdf(CMAP)
    fixed, n = fix_radicals(data)
    assert n == 1 and fixed.startswith(data)
    update = fixed[len(data) :]
    assert update.startswith(b"5 0 obj\n") and b"/Prev %d" % int(data.rsplit(b"startxref\n", 1)[1].split()[0]) in update
    assert b"/Root 1 0 R" in update and update.endswith(b"%%EOF\n")
    again, n2 = fix_radicals(fixed)
    assert n2 == 0 and again == fixed
    # the cross-reference entry points at the new object
    xref = int(update.rsplit(b"startxref\n", 1)[1].split()[0])
    entry = fixed[xref:].split(b"\n")[2]
    assert fixed[int(entry[:10]) :].startswith(b"5 0 obj")


def test_a_pdf_it_cannot_read_is_refused_not_guessed():
    with pytest.raises(ValueError):
        fix_radicals(b"%PDF-1.5\n1 0 obj\n<< /Type /XRef >>\nendobj\nstartxref\n9\n%%EOF\n")
    with pytest.raises(ValueError):
        fix_radicals(b"%PDF-1.4\nno end")


def test_a_pdf_qt_writes_searches_as_chinese_once_fixed(qgis_app, tmp_path):
    from qgis.core import QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsProject
    from qgis.PyQt.QtGui import QFont, QFontDatabase

    from resilience_plugin.report.atlas import CJK_FONTS, report_font_family

    if not set(CJK_FONTS) & set(QFontDatabase().families()):
        pytest.skip("no CJK font installed")
    text = "风险 高 页面 老 Sample"
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont(report_font_family())
    font.setPointSize(20)
    if hasattr(label, "setTextFormat"):  # QGIS >= 3.24; setFont is deprecated there
        from qgis.core import QgsTextFormat

        label.setTextFormat(QgsTextFormat.fromQFont(font))
    else:
        label.setFont(font)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(10, 10))
    label.attemptResize(QgsLayoutSize(250, 30))
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    # real text, as the report writes it (QGIS 3.40 otherwise may draw labels as outlines: no text layer at all)
    from qgis.core import Qgis, QgsRenderContext

    settings.textRenderFormat = (
        Qgis.TextRenderFormat.AlwaysText if hasattr(Qgis, "TextRenderFormat") else QgsRenderContext.TextRenderFormat.TextFormatAlwaysText
    )
    path = tmp_path / "label.pdf"
    assert QgsLayoutExporter(layout).exportToPdf(str(path), settings) == QgsLayoutExporter.ExportResult.Success
    del label, layout, project

    def read(p):
        done = subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True, check=True)
        assert "rror" not in done.stderr, done.stderr
        return done.stdout

    before = read(path)
    data = path.read_bytes()
    fixed, n = fix_radicals(data)
    (tmp_path / "fixed.pdf").write_bytes(fixed)
    after = read(tmp_path / "fixed.pdf")
    assert text in after, after
    if n:  # the font drew them with shared glyphs: Qt's own text layer named radicals
        assert text not in before and any("\u2e80" <= ch <= "\u2fdf" for ch in before)
    else:
        assert text in before and fixed == data


def test_an_equivalent_beyond_the_basic_plane_is_written_as_a_surrogate_pair():
    """23 radicals' unified ideographs lie beyond U+FFFF (⺕ U+2E95 → U+2B739): ToUnicode holds UTF-16BE, so the pair
    <D86DDF39>, never five hex digits; a pair already there stays as it is."""
    fixed = fixed_cmap(b"1 beginbfchar\n<0010> <2E95>\n<0011> <D841DE28>\nendbfchar\n")
    assert b"<0010> <D86DDF39>" in fixed and b"<0011> <D841DE28>" in fixed
    assert unified(0x2E95) == 0x2B739 and chr(0x2B739).encode("utf-16-be") == bytes.fromhex("D86DDF39")

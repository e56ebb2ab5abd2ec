"""Garbled Chinese text (issue 29): GBK read with the wrong encoding. Oracles: Python's own codecs (what GBK bytes
read as Latin-1 or as UTF-8 become), and QGIS itself reading a GBK Shapefile without a .cpg file, written here."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from resilience_plugin.core.garble import looks_garbled
from tests.helpers import run

CHINESE = ["应急避难场所", "东华门街道 No.3", "人口（万人）", "海淀区-中关村1号", "“韧性”城市", "第54条", "ＡＢＣ北京"]
NOT_GARBLED = ["Zürich", "Café", "Ñandú", "Straße", "São Paulo", "Białowieża", "population", "东华门", "Ö Ä", "1,234", ""]


@pytest.mark.parametrize("text", CHINESE)
def test_gbk_read_as_latin1_is_found_and_read_back(text):
    shown = text.encode("gbk").decode("latin-1")  # what GDAL shows of a .dbf without a code page
    found = looks_garbled(shown)
    assert found is not None and found.kind == "latin1" and found.as_gbk == text


@pytest.mark.parametrize("text", CHINESE)
def test_gbk_read_as_utf8_is_found(text):
    shown = text.encode("gbk").decode("utf-8", errors="replace")
    if shown == text:  # all ASCII: nothing to find
        return
    found = looks_garbled(shown)
    assert found is not None and found.kind == "replacement"


@pytest.mark.parametrize("text", NOT_GARBLED)
def test_text_as_written_is_not_called_garbled(text):
    assert looks_garbled(text) is None


_WRITE_GBK = """
import sys
from osgeo import gdal, ogr, osr
gdal.UseExceptions()
path = sys.argv[1]
ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
srs = osr.SpatialReference()
srs.ImportFromEPSG(4548)
layer = ds.CreateLayer("communities", srs, ogr.wkbPoint, options=["ENCODING=CP936"])
layer.CreateField(ogr.FieldDefn("名称", ogr.OFTString))
layer.CreateField(ogr.FieldDefn("人口", ogr.OFTInteger))
for i, (name, people) in enumerate([("和平里社区", 12000), ("安贞社区", 1234), ("小关社区", 5948)]):
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("名称", name)
    feature.SetField("人口", people)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({500000 + 3000 * i} 4400000)"))
    layer.CreateFeature(feature)
"""


def _gbk_shapefile(folder, stem, cpg=False):
    """Three communities in a Shapefile whose .dbf holds GBK (field names too: GDAL writes them so with
    ENCODING=CP936), with no code-page byte and, unless ``cpg``, no .cpg file: as Chinese government data comes.
    Written by another process: GDAL in this one would remember the encoding it wrote with."""
    import subprocess
    import sys

    path = folder / f"{stem}.shp"
    subprocess.run([sys.executable, "-c", _WRITE_GBK, str(path)], check=True, capture_output=True)
    dbf = path.with_suffix(".dbf").read_bytes()
    assert "名称".encode("gbk") in dbf and "和平里社区".encode("gbk") in dbf and dbf[29] == 0  # GBK, no code-page byte
    code_page = path.with_suffix(".cpg")
    code_page.unlink()
    if cpg:
        code_page.write_text("936")
    return path


@pytest.mark.parametrize("encoding", ["UTF-8", "ISO-8859-1"])
def test_a_gbk_shapefile_read_in_the_wrong_encoding_is_refused_with_the_remedy(resilience_processing, tmp_path, encoding):
    """QGIS reads the .dbf as UTF-8 (replacement characters) or, where the encoding is set so, Latin-1 (Ó¦¼±…): the
    run stops and says how to set GBK. Set to GBK, the same file runs and its names come out right."""
    path = _gbk_shapefile(tmp_path, f"社区_{encoding}")
    layer = QgsVectorLayer(str(path), "社区", "ogr")
    layer.setProviderEncoding(encoding)
    assert "名称" not in layer.fields().names()  # QGIS shows it garbled: the oracle that the case is real
    with pytest.raises(QgsProcessingException, match=r"'社区'.*(wrong encoding).*GBK.*936"):
        run("resilience:lifecircles", {"INPUT": layer, "OUTPUT": "memory:"})
    if encoding == "ISO-8859-1":
        with pytest.raises(QgsProcessingException, match="reads as GBK '名称'|reads as GBK '人口'"):
            run("resilience:lifecircles", {"INPUT": layer, "OUTPUT": "memory:"})
    layer.setProviderEncoding("GBK")
    layers, _c = run("resilience:lifecircles", {"INPUT": layer, "POPULATION_FIELD": "人口", "OUTPUT": "memory:"})
    assert [f["名称"] for f in layers["OUTPUT"].getFeatures()] == ["和平里社区", "安贞社区", "小关社区"]
    assert [f["lc_pop"] for f in layers["OUTPUT"].getFeatures()] == [12000, 1234, 5948]


def test_a_gbk_shapefile_with_its_cpg_file_runs(resilience_processing, tmp_path):
    layer = QgsVectorLayer(str(_gbk_shapefile(tmp_path, "社区_cpg", cpg=True)), "社区", "ogr")
    layers, _c = run("resilience:lifecircles", {"INPUT": layer, "OUTPUT": "memory:"})
    assert [f["名称"] for f in layers["OUTPUT"].getFeatures()] == ["和平里社区", "安贞社区", "小关社区"]

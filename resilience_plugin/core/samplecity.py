"""The synthetic, schematic Beijing-like sample city.

Deterministic: the same seed gives the same city. Nothing here is real: district
outlines, street/town units, roads, faults and facilities are schematic shapes placed
after the pattern in ``shared/reference/beijing-facts.md`` (district populations from
the 2020 census, ring radii, the named faults, the rivers, mountains in the west and
north). Every layer says so in its GeoPackage description.

Run ``python3 -m resilience_plugin.core.samplecity OUT.gpkg`` to write the GeoPackage, and
``python3 -m resilience_plugin.core.samplecity --scale beijing OUT.gpkg`` for the same kind of city at Beijing's
scale (343 units, about 7,000 communities and villages, 50,000 facilities and 200,000 network edges: the scale
``make bench`` measures every algorithm at).
"""

import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from .gpkg import Table, write_geopackage
from .profile import load_profile

SEED = 20220035
# CGCS2000 / 3-degree Gauss-Kruger CM 117E, the zone Beijing (115.4-117.5 E) lies in.
# (EPSG:4547 is the CM 114E zone, whose area of use stops at 115.5 E.)
METRIC_EPSG = 4548
GEOGRAPHIC_EPSG = 4326
DISCLAIMER = (
    "SYNTHETIC, SCHEMATIC sample data for Resilience Planner - not real boundaries, roads, faults or facilities. "
    "合成示意数据，非真实边界与数据。"
)
CENTRE_LONLAT = (116.397, 39.908)  # Tiananmen

_to_metric = Transformer.from_crs(GEOGRAPHIC_EPSG, METRIC_EPSG, always_xy=True)
_to_geographic = Transformer.from_crs(METRIC_EPSG, GEOGRAPHIC_EPSG, always_xy=True)


def lonlat_to_metric(coords: Sequence[Tuple[float, float]]) -> np.ndarray:
    a = np.asarray(coords, dtype=float)
    x, y = _to_metric.transform(a[:, 0], a[:, 1])
    return np.column_stack([x, y])


# ----------------------------------------------------------------- Beijing facts
# (code, name, name_zh, 2020 population, share 65+, role, role_zh, units in the sample)
DISTRICTS = [
    ("110101", "Dongcheng", "东城区", 708829, 0.182, "core", "首都功能核心区", 12),
    ("110102", "Xicheng", "西城区", 1106214, 0.182, "core", "首都功能核心区", 11),
    ("110105", "Chaoyang", "朝阳区", 3452460, 0.143, "central city", "中心城区", 30),
    ("110106", "Fengtai", "丰台区", 2019764, 0.158, "central city", "中心城区", 18),
    ("110107", "Shijingshan", "石景山区", 567851, 0.164, "central city", "中心城区", 6),
    ("110108", "Haidian", "海淀区", 3133469, 0.131, "central city", "中心城区", 20),
    ("110109", "Mentougou", "门头沟区", 392606, 0.148, "ecological conservation", "生态涵养区", 9),
    ("110111", "Fangshan", "房山区", 1312778, 0.132, "multi-point", "多点地区", 18),
    ("110112", "Tongzhou", "通州区", 1840295, 0.115, "sub-centre", "城市副中心", 15),
    ("110113", "Shunyi", "顺义区", 1324044, 0.108, "multi-point", "多点地区", 16),
    ("110114", "Changping", "昌平区", 2269487, 0.097, "multi-point", "多点地区", 15),
    ("110115", "Daxing", "大兴区", 1993591, 0.097, "multi-point", "多点地区", 15),
    ("110116", "Huairou", "怀柔区", 441040, 0.128, "ecological conservation", "生态涵养区", 11),
    ("110117", "Pinggu", "平谷区", 457313, 0.164, "ecological conservation", "生态涵养区", 12),
    ("110118", "Miyun", "密云区", 527683, 0.152, "ecological conservation", "生态涵养区", 13),
    ("110119", "Yanqing", "延庆区", 345671, 0.157, "ecological conservation", "生态涵养区", 12),
]

OUTLINE = [
    (115.43, 39.80),
    (115.45, 40.02),
    (115.62, 40.12),
    (115.45, 40.50),
    (115.70, 40.64),
    (115.98, 40.74),
    (116.28, 40.80),
    (116.55, 41.05),
    (116.78, 40.96),
    (117.05, 40.74),
    (117.30, 40.66),
    (117.40, 40.40),
    (117.50, 40.25),
    (117.36, 40.06),
    (117.12, 39.96),
    (117.05, 39.76),
    (116.90, 39.60),
    (116.62, 39.56),
    (116.42, 39.45),
    (116.12, 39.55),
    (115.82, 39.46),
    (115.56, 39.55),
]
OUTER_SEEDS = {
    "110109": (115.78, 39.98),
    "110111": (115.90, 39.68),
    "110115": (116.42, 39.62),
    "110112": (116.78, 39.80),
    "110113": (116.70, 40.15),
    "110114": (116.22, 40.24),
    "110116": (116.55, 40.62),
    "110118": (116.98, 40.50),
    "110117": (117.20, 40.18),
    "110119": (116.02, 40.52),
}
# sector of the central-city disk, degrees counter-clockwise from east
SECTORS = {"110105": (-35, 95), "110108": (95, 195), "110107": (195, 215), "110106": (215, 325)}
# (name, name_zh, lon, lat, radius km): built-up areas that carry the walking network
TOWNS = [
    ("Central city", "中心城区", 116.397, 39.908, 15.0),
    ("Huilongguan-Tiantongyuan", "回天地区", 116.40, 40.07, 4.0),
    ("Tongzhou", "通州", 116.66, 39.90, 6.5),
    ("Shunyi", "顺义", 116.65, 40.13, 5.0),
    ("Changping", "昌平", 116.23, 40.22, 4.5),
    ("Daxing", "大兴", 116.34, 39.73, 5.0),
    ("Yizhuang", "亦庄", 116.51, 39.79, 4.0),
    ("Liangxiang", "良乡", 116.14, 39.74, 4.0),
    ("Mentougou", "门头沟", 116.10, 39.94, 3.0),
    ("Huairou", "怀柔", 116.63, 40.32, 3.0),
    ("Miyun", "密云", 116.84, 40.38, 3.0),
    ("Pinggu", "平谷", 117.12, 40.14, 3.0),
    ("Yanqing", "延庆", 115.97, 40.46, 3.0),
]
MOUNTAIN_FRONT = [
    (115.90, 39.40),
    (116.05, 39.70),
    (116.15, 39.90),
    (116.20, 40.05),
    (116.30, 40.20),
    (116.55, 40.30),
    (116.80, 40.42),
    (117.05, 40.30),
    (117.25, 40.25),
    (117.60, 40.30),
]
FAULTS = [
    (
        "Babaoshan fault",
        "八宝山断裂",
        "Late Pleistocene",
        "晚更新世",
        [(115.95, 39.55), (116.10, 39.75), (116.22, 39.92), (116.30, 40.03)],
    ),
    (
        "Huangzhuang-Gaoliying fault",
        "黄庄–高丽营断裂",
        "Holocene",
        "全新世",
        [(116.00, 39.48), (116.25, 39.75), (116.45, 40.00), (116.62, 40.20)],
    ),
    ("Nankou-Sunhe fault", "南口–孙河断裂", "Holocene", "全新世", [(116.15, 40.29), (116.35, 40.15), (116.56, 40.04)]),
    (
        "Shunyi-Liangxiang fault",
        "顺义–良乡断裂",
        "Late Pleistocene",
        "晚更新世",
        [(116.12, 39.62), (116.40, 39.86), (116.62, 40.08), (116.76, 40.24)],
    ),
    ("Xiadian fault", "夏垫断裂", "Holocene", "全新世", [(116.93, 39.78), (117.10, 39.95), (117.26, 40.10)]),
]
RIVERS = [
    ("Yongding River", "永定河", [(115.70, 40.22), (116.00, 39.98), (116.15, 39.86), (116.25, 39.62), (116.45, 39.45)]),
    ("North Canal", "北运河", [(116.28, 40.18), (116.52, 39.99), (116.70, 39.88), (116.92, 39.62)]),
    ("Chaobai River", "潮白河", [(116.86, 40.50), (116.70, 40.25), (116.76, 40.00), (116.96, 39.70)]),
    ("Juma River", "拒马河", [(115.45, 39.72), (115.66, 39.56), (115.86, 39.45)]),
]
# (name, name_zh, bearing degrees ccw from east, grade)
RADIALS = [
    ("Jing-Zang corridor", "京藏通廊", 140, 1),
    ("Jing-Cheng corridor", "京承通廊", 62, 1),
    ("Jing-Tang-Qin corridor", "京唐秦通廊", 18, 1),
    ("Jing-Ha corridor", "京哈通廊", 2, 1),
    ("Jing-Jin corridor", "京津通廊", -32, 1),
    ("Jing-Xiong corridor", "京雄通廊", -100, 1),
    ("Jing-Gang-Ao corridor", "京港澳通廊", -125, 1),
    ("Jing-Kun corridor", "京昆通廊", -160, 1),
]
# (name, name_zh, half-width km, half-height km, exponent, east offset km, grade)
RINGS = [
    ("2nd Ring Road", "二环路", 4.2, 3.6, 4.0, 0.0, 2),
    ("3rd Ring Road", "三环路", 6.8, 6.0, 4.0, 0.0, 1),
    ("4th Ring Road", "四环路", 9.6, 8.6, 3.5, 0.0, 1),
    ("5th Ring Road", "五环路", 14.8, 13.6, 2.6, 0.0, 1),
    ("6th Ring Road", "六环路", 29.0, 25.0, 2.2, 5.0, 1),
]

_NAME1 = list("东西南北中新永安和平长广文兴清春金玉云青华光明德福乐康宁泰丰")
_NAME2 = list("华苑坊园桥湖山河门里庄营台林泉源峰塘坝岭")
_PINYIN = dict(
    zip(
        _NAME1 + _NAME2,
        (
            "dong xi nan bei zhong xin yong an he ping chang guang wen xing qing chun jin yu yun qing hua guang ming "
            "de fu le kang ning tai feng hua yuan fang yuan qiao hu shan he men li zhuang ying tai lin quan yuan "
            "feng tang ba ling"
        ).split(),
    )
)
_VILLAGE = list("家庄营屯店峪沟台")
_VILLAGE_PY = dict(zip(_VILLAGE, "jia zhuang ying tun dian yu gou tai".split()))


@dataclass
class Layer:
    name: str
    title: str
    geometry_type: str
    epsg: int
    fields: List[Tuple[str, type]]
    rows: List[tuple]
    geometries: List


# ----------------------------------------------------------------- helpers


def _superellipse(cx, cy, a, b, p, n=180) -> np.ndarray:
    t = np.linspace(0, 2 * math.pi, n, endpoint=False)
    c, s = np.cos(t), np.sin(t)
    x = cx + a * np.sign(c) * np.abs(c) ** (2 / p)
    y = cy + b * np.sign(s) * np.abs(s) ** (2 / p)
    return np.column_stack([x, y])


def _sector(cx, cy, r, a0, a1) -> Polygon:
    angles = np.radians(np.linspace(a0, a1, 64))
    pts = [(cx, cy)] + [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in angles]
    return Polygon(pts)


def _as_multipolygon(g) -> MultiPolygon:
    g = shapely.make_valid(g)
    polys = [p for p in shapely.get_parts(g) if p.geom_type == "Polygon" and p.area > 1.0]
    if g.geom_type == "GeometryCollection":
        polys = [p for part in shapely.get_parts(g) for p in shapely.get_parts(part) if p.geom_type == "Polygon" and p.area > 1.0]
    return MultiPolygon(polys)


def _random_points_in(poly, n, rng, weight_fn=None) -> np.ndarray:
    """n points in poly, by rejection; weight_fn(x, y) in [0, 1] thins them."""
    minx, miny, maxx, maxy = poly.bounds
    shapely.prepare(poly)
    out = []
    got = 0
    while got < n:
        m = max(64, 4 * (n - got))
        x = rng.uniform(minx, maxx, m)
        y = rng.uniform(miny, maxy, m)
        keep = shapely.contains_xy(poly, x, y)
        if weight_fn is not None:
            keep &= rng.uniform(0, 1, m) < weight_fn(x, y)
        pts = np.column_stack([x[keep], y[keep]])
        out.append(pts)
        got += len(pts)
    return np.concatenate(out)[:n]


def _wiggle(points: np.ndarray, rng, amp: float, n: int = 6) -> np.ndarray:
    """Densify a polyline and shift inner vertices sideways for a natural look."""
    out = [points[0]]
    for p, q in zip(points[:-1], points[1:]):
        d = q - p
        normal = np.array([-d[1], d[0]]) / (np.hypot(*d) or 1)
        for k in range(1, n + 1):
            t = k / n
            off = 0.0 if k == n else rng.normal(0, amp)
            out.append(p + d * t + normal * off)
    return np.array(out)


def _weighted_kmeans(pts, w, k, rng, iters=12) -> np.ndarray:
    idx = rng.choice(len(pts), size=k, replace=False, p=w / w.sum())
    centres = pts[idx].copy()
    for _ in range(iters):
        d = ((pts[:, None, :] - centres[None, :, :]) ** 2).sum(-1)
        lab = d.argmin(1)
        for j in range(k):
            m = lab == j
            if m.any():
                centres[j] = np.average(pts[m], axis=0, weights=w[m])
    return centres


def _voronoi_cells(centres: np.ndarray, clip) -> List:
    mp = shapely.multipoints(centres)
    cells = shapely.get_parts(shapely.voronoi_polygons(mp, extend_to=clip.envelope.buffer(5000)))
    out = [None] * len(centres)
    for cell in cells:
        inside = np.nonzero(shapely.contains_xy(cell, centres[:, 0], centres[:, 1]))[0]
        if len(inside):
            out[inside[0]] = cell
    return [shapely.intersection(c, clip) if c is not None else Polygon() for c in out]


# ----------------------------------------------------------------- generator


@dataclass(frozen=True)
class Scale:
    """How large the generated city is. The defaults give the shipped sample city."""

    units: int = 0  # street/town units in all; 0: the sample's count per district (DISTRICTS)
    lattice_m: float = 400.0  # spacing of the urban street lattice (rural roads every 2.4 km)
    persons_per_community: float = 8000.0  # urban residents per community (社区)
    km2_per_village: float = 12.0  # area of a town unit per village (村)
    facility_rate: float = 1.0  # multiplies the facilities per 10,000 residents and per km²


SAMPLE_SCALE = Scale()
# Beijing: 343 street/town units (街道、乡镇); about 3,400 communities and 3,900 villages; 50,000 facilities is the
# order of a city-wide POI extract of the 第54条 categories; 200,000 edges that of a walking network of the plain.
BEIJING_SCALE = Scale(units=343, lattice_m=114.0, persons_per_community=3970.0, km2_per_village=5.4, facility_rate=4.8)


def _apportion(counts: Sequence[int], total: int) -> List[int]:
    """``counts`` scaled to sum to ``total`` (largest remainders), each at least 1."""
    share = np.asarray(counts, dtype=float) * total / sum(counts)
    out = np.maximum(np.floor(share).astype(int), 1)
    for i in np.argsort(-(share - np.floor(share)))[: total - int(out.sum())]:
        out[i] += 1
    return out.tolist()


def _unit_populations(pop: int, infos: Sequence[tuple]) -> np.ndarray:
    """A district's population ``pop`` split among its unit cells (``infos`` of _unit_cells): by area, much more to
    built-up cells and less to mountain ones; the rounding remainder goes to the largest."""
    wts = np.array([a / 1e6 * (0.015 + uf) * (0.4 if mf > 0.5 else 1.0) for g, a, uf, mf in infos])
    pops = np.floor(pop * wts / wts.sum()).astype(int)
    pops[np.argmax(pops)] += pop - pops.sum()
    return pops


class SampleCityBuilder:
    def __init__(self, seed: int = SEED, scale: Scale = SAMPLE_SCALE):
        self.rng = np.random.RandomState(seed)
        self.seed = seed
        self.scale = scale
        self.cx, self.cy = lonlat_to_metric([CENTRE_LONLAT])[0]
        self.layers: Dict[str, Layer] = {}
        self.profile = load_profile()

    def build(self) -> Dict[str, Layer]:
        self._frame()
        self._districts()
        self._units()
        self._network()
        self._communities()
        self._hazards()
        self._corridors()
        self._lifelines()
        self._facilities()
        self._about()
        return self.layers

    # -- frame: boundary, built-up areas, mountains
    def _frame(self):
        self.boundary = shapely.make_valid(Polygon(lonlat_to_metric(OUTLINE)).buffer(3000).buffer(-3000))
        towns = []
        self.town_centres = []
        for name, name_zh, lon, lat, r in TOWNS:
            x, y = lonlat_to_metric([(lon, lat)])[0]
            self.town_centres.append((name, name_zh, x, y, r * 1000))
            towns.append(Point(x, y).buffer(r * 1000, 64))
        self.urban = shapely.intersection(shapely.union_all(towns), self.boundary)
        front = lonlat_to_metric(MOUNTAIN_FRONT)
        far = lonlat_to_metric([(117.9, 40.3), (117.9, 41.4), (115.0, 41.4), (115.0, 39.3), (115.9, 39.3)])
        mountain = shapely.make_valid(Polygon(np.vstack([front, far])))
        self.mountain = shapely.difference(shapely.intersection(mountain, self.boundary), self.urban)
        for g in (self.boundary, self.urban, self.mountain):
            shapely.prepare(g)

    def _districts(self):
        cx, cy = self.cx, self.cy
        core = shapely.box(cx - 4800, cy - 4800, cx + 4800, cy + 4800)
        disk = Point(cx, cy).buffer(20000, 128)
        geoms: Dict[str, object] = {
            "110102": shapely.box(cx - 4800, cy - 4800, cx, cy + 4800),
            "110101": shapely.box(cx, cy - 4800, cx + 4800, cy + 4800),
        }
        for code, (a0, a1) in SECTORS.items():
            wedge = _sector(cx, cy, 40000, a0, a1)  # cut from the same disk, so sectors fit it exactly
            geoms[code] = shapely.difference(shapely.intersection(disk, wedge), core)
        outer = shapely.difference(self.boundary, disk)
        seeds = lonlat_to_metric(list(OUTER_SEEDS.values()))
        for code, cell in zip(OUTER_SEEDS, _voronoi_cells(seeds, outer)):
            geoms[code] = cell
        # reassign stray fragments (not holding the seed) to the neighbour sharing most edge
        codes = list(OUTER_SEEDS)
        for code, (sx, sy) in zip(codes, seeds):
            parts = list(shapely.get_parts(shapely.make_valid(geoms[code])))
            if len(parts) < 2:
                continue
            keep = [p for p in parts if p.geom_type == "Polygon" and p.contains(Point(sx, sy))] or [max(parts, key=lambda p: p.area)]
            for p in parts:
                if p in keep or p.area < 1:
                    continue
                other = max((c for c in codes if c != code), key=lambda c: shapely.length(shapely.intersection(p.buffer(1), geoms[c])))
                geoms[other] = shapely.union(geoms[other], p)
            geoms[code] = shapely.union_all(keep)
        self.districts = {}
        rows, gs = [], []
        for code, name, name_zh, pop, elderly, role, role_zh, _n_units in DISTRICTS:
            g = _as_multipolygon(geoms[code])
            self.districts[code] = g
            rows.append((code, name, name_zh, pop, elderly, role, role_zh))
            gs.append(g)
        self.layers["districts"] = Layer(
            "districts",
            "Districts 区",
            "MULTIPOLYGON",
            METRIC_EPSG,
            [
                ("code", str),
                ("name", str),
                ("name_zh", str),
                ("population", int),
                ("elderly_share", float),
                ("role", str),
                ("role_zh", str),
            ],
            rows,
            gs,
        )

    def _unit_name(self, used: set, town: bool) -> Tuple[str, str, str]:
        while True:
            a, b = self.rng.choice(_NAME1), self.rng.choice(_NAME2)
            if a + b not in used:
                used.add(a + b)
                break
        prefix = a + b
        pinyin = (_PINYIN[a] + _PINYIN[b]).capitalize()
        if town:
            return prefix, prefix + "镇", pinyin + " Town"
        return prefix, prefix + "街道", pinyin + " Subdistrict"

    def _units(self):
        """The street/town units: each district cut into cells around weighted centres, its population split
        among them."""
        used: set = set()
        rows, gs = [], []
        self.units = []  # dicts for later steps
        per_district = [d[7] for d in DISTRICTS]
        if self.scale.units:
            per_district = _apportion(per_district, self.scale.units)
        for (code, _name, name_zh, pop, elderly, _role, _role_zh, _n), n_units in zip(DISTRICTS, per_district):
            infos = self._unit_cells(self.districts[code], n_units)
            pops = _unit_populations(pop, infos)
            for k, (info, p) in enumerate(zip(infos, pops)):
                row, unit = self._unit_record(code, name_zh, elderly, k, info, p, used)
                rows.append(row)
                gs.append(info[0])
                self.units.append(unit)
        self.layers["street_units"] = Layer(
            "street_units",
            "Street/town units 韧性街镇单元",
            "MULTIPOLYGON",
            METRIC_EPSG,
            [
                ("code", str),
                ("name", str),
                ("name_zh", str),
                ("kind", str),
                ("kind_zh", str),
                ("district", str),
                ("district_code", str),
                ("population", int),
                ("elderly_share", float),
                ("old_building_share", float),
            ],
            rows,
            gs,
        )

    def _unit_cells(self, dgeom, n_units: int) -> List[tuple]:
        """A district's unit cells, north to south then west to east, as (geometry, area, urban share, mountain
        share): Voronoi cells around centres drawn towards the built-up area. Empty cells are left out."""
        rng = self.rng

        def weight(x, y):
            return np.where(shapely.contains_xy(self.urban, x, y), 1.0, 0.12) * np.where(shapely.contains_xy(self.mountain, x, y), 0.5, 1.0)

        cand = _random_points_in(dgeom, 2500, rng)
        w = weight(cand[:, 0], cand[:, 1])
        centres = _weighted_kmeans(cand, w, n_units, rng)
        cells = _voronoi_cells(centres, dgeom)
        order = np.lexsort((centres[:, 0], -centres[:, 1]))  # north to south, then west to east
        infos = []
        for i in order:
            g = _as_multipolygon(cells[i])
            if g.is_empty:
                continue
            area = g.area
            urban_frac = shapely.intersection(g, self.urban).area / area
            mountain_frac = shapely.intersection(g, self.mountain).area / area
            infos.append((g, area, urban_frac, mountain_frac))
        return infos

    def _unit_record(self, code: str, district_zh: str, elderly: float, k: int, info: tuple, p, used: set) -> Tuple[tuple, dict]:
        """The attribute row of the k-th unit of district ``code`` and the dict later steps use: its name, kind,
        population ``p``, an elderly share drawn around the district's and an old-building share that falls with
        distance from the centre."""
        rng = self.rng
        g, _area, uf, mf = info
        town = uf < 0.5
        prefix, uname_zh, uname = self._unit_name(used, town)
        c = g.centroid
        dist_km = math.hypot(c.x - self.cx, c.y - self.cy) / 1000
        old = 0.68 * math.exp(-dist_km / 12) + (0.25 if mf > 0.5 else 0.05) + rng.normal(0, 0.05)
        unit_code = f"{code}{k + 1:03d}"
        row = (
            unit_code,
            uname,
            uname_zh,
            "town" if town else "street",
            "镇" if town else "街道",
            district_zh,
            code,
            int(p),
            float(np.clip(elderly + rng.normal(0, 0.025) + (0.02 if dist_km < 6 else 0), 0.05, 0.4)),
            float(np.clip(old, 0.02, 0.95)),
        )
        unit = {
            "code": unit_code,
            "prefix": prefix,
            "geom": g,
            "pop": int(p),
            "town": town,
            "urban_frac": uf,
            "district": code,
            "name_zh": uname_zh,
            "name": uname,
        }
        return row, unit

    def _network(self):
        """A noded walking network: a jittered 400 m lattice in built-up areas, rural roads every 2.4 km."""
        rng = self.rng
        s = self.scale.lattice_m
        k = max(1, int(round(2400.0 / s)))
        jitter = 45.0 * s / 400.0
        minx, miny, maxx, maxy = self.boundary.bounds
        nx, ny = int((maxx - minx) / s) + 2, int((maxy - miny) / s) + 2
        gx = minx + np.arange(nx) * s
        gy = miny + np.arange(ny) * s
        X, Y = np.meshgrid(gx, gy, indexing="ij")
        X = X + rng.normal(0, jitter, X.shape)
        Y = Y + rng.normal(0, jitter, Y.shape)
        inside = shapely.contains_xy(self.boundary, X, Y)
        urban = shapely.contains_xy(self.urban, X, Y) & inside
        mountain = shapely.contains_xy(self.mountain, X, Y)
        self.lattice = (X, Y, s, k, minx, miny)
        edges = {}
        drop = rng.uniform(0, 1, (2, nx, ny)) < 0.06
        for d, (di, dj) in enumerate(((1, 0), (0, 1))):
            a = urban[: nx - di, : ny - dj] & urban[di:, dj:] & ~drop[d, : nx - di, : ny - dj]
            for i, j in zip(*np.nonzero(a)):
                edges[(i, j, i + di, j + dj)] = ("street", "街巷", [(X[i, j], Y[i, j]), (X[i + di, j + dj], Y[i + di, j + dj])])
        for di, dj in ((1, 0), (0, 1)):
            for i in range(0, nx - k * di, k if di else 1):
                for j in range(0, ny - k * dj, 1 if di else k):
                    if (di and j % k) or (dj and i % k):
                        continue
                    ii = [i + t * di for t in range(k + 1)]
                    jj = [j + t * dj for t in range(k + 1)]
                    if not (inside[ii[0], jj[0]] and inside[ii[-1], jj[-1]]):
                        continue
                    if mountain[ii[k // 2], jj[k // 2]] and rng.uniform() < 0.45:
                        continue
                    if urban[ii, jj].any():
                        for t in range(k):
                            key = (ii[t], jj[t], ii[t + 1], jj[t + 1])
                            if key not in edges:
                                edges[key] = (
                                    "rural_road",
                                    "乡村道路",
                                    [(X[ii[t], jj[t]], Y[ii[t], jj[t]]), (X[ii[t + 1], jj[t + 1]], Y[ii[t + 1], jj[t + 1]])],
                                )
                    else:
                        edges[(ii[0], jj[0], ii[-1], jj[-1])] = (
                            "rural_road",
                            "乡村道路",
                            [(X[a, b], Y[a, b]) for a, b in zip(ii, jj)],
                        )
        rows, gs = [], []
        for key in sorted(edges):
            cls, cls_zh, pts = edges[key]
            g = LineString(pts)
            rows.append((cls, cls_zh))
            gs.append(g)
        self.layers["walking_network"] = Layer(
            "walking_network",
            "Walking network 步行网络",
            "LINESTRING",
            METRIC_EPSG,
            [("road_class", str), ("road_class_zh", str)],
            rows,
            gs,
        )

    def _communities(self):
        rng = self.rng
        X, Y, s, k, minx, miny = self.lattice
        coarse = np.column_stack([X[::k, ::k].ravel(), Y[::k, ::k].ravel()])
        rows, gs = [], []
        self.communities = []
        for u in self.units:
            g = u["geom"]
            shapely.prepare(g)
            urban_part = shapely.intersection(g, self.urban)
            n_urban = int(round(u["pop"] * u["urban_frac"] / self.scale.persons_per_community)) if not urban_part.is_empty else 0
            if not u["town"]:
                n_urban = max(n_urban, 2)
            n_village = max(2, int(round(g.area / 1e6 / self.scale.km2_per_village))) if u["town"] else 0
            pts = []
            if n_urban:
                p = _random_points_in(urban_part if not urban_part.is_empty else g, n_urban, rng)
                # on the lattice's blocks, within a short walk of the nearest street
                ii = np.clip(np.round((p[:, 0] - minx) / s).astype(int), 0, X.shape[0] - 1)
                jj = np.clip(np.round((p[:, 1] - miny) / s).astype(int), 0, X.shape[1] - 1)
                p = np.column_stack([X[ii, jj], Y[ii, jj]]) + rng.uniform(-120, 120, (n_urban, 2)) * (s / 400.0)
                pts += [(x, y, "community") for x, y in p]
            if n_village:
                inside = coarse[shapely.contains_xy(g, coarse[:, 0], coarse[:, 1])]
                if len(inside):
                    pick = inside[rng.randint(0, len(inside), n_village)] + rng.uniform(-220, 220, (n_village, 2))
                else:
                    pick = _random_points_in(g, n_village, rng)
                pts += [(x, y, "village") for x, y in pick]
            pts = [(x, y, kind) for x, y, kind in pts if g.contains(Point(x, y))] or [
                (g.representative_point().x, g.representative_point().y, "community")
            ]
            shares = rng.dirichlet(np.full(len(pts), 4.0))
            pops = np.floor(u["pop"] * shares).astype(int)
            pops[0] += u["pop"] - pops.sum()
            vcount = ccount = 0
            for (x, y, kind), p in zip(pts, pops):
                if kind == "village":
                    vcount += 1
                    ch = _VILLAGE[vcount % len(_VILLAGE)]
                    zh = f"{u['prefix']}{ch}{vcount}村" if vcount > len(_VILLAGE) else f"{u['prefix']}{ch}村"
                    en = f"{u['name'].split()[0]} {_VILLAGE_PY[ch].capitalize()} Village {vcount}"
                else:
                    ccount += 1
                    zh = f"{u['prefix']}第{ccount}社区"
                    en = f"{u['name'].split()[0]} Community {ccount}"
                code = f"{u['code']}{len(self.communities) % 1000:03d}"
                self.communities.append({"x": x, "y": y, "pop": int(p), "unit": u})
                rows.append((code, en, zh, kind, "村" if kind == "village" else "社区", u["code"], int(p)))
                gs.append(Point(x, y))
        self.layers["communities"] = Layer(
            "communities",
            "Communities and villages 社区与村庄",
            "POINT",
            METRIC_EPSG,
            [
                ("code", str),
                ("name", str),
                ("name_zh", str),
                ("kind", str),
                ("kind_zh", str),
                ("unit_code", str),
                ("population", int),
            ],
            rows,
            gs,
        )

    def _hazards(self):
        """The hazard layers, in this order: faults, rivers, flood-risk zones, geological hazard points, and the
        greenbelts."""
        self._faults()
        rivers, river_names_zh = self._rivers()
        self._flood_zones(rivers, river_names_zh)
        self._geohazards()
        self._greenbelts()

    def _faults(self):
        """The named active faults as wiggled lines, each with the profile's avoidance distance."""
        rng = self.rng
        rows, gs = [], []
        avoid = self.profile.quantity("seismic.avoidance_distance_default")
        for name, name_zh, activity, activity_zh, pts in FAULTS:
            line = LineString(_wiggle(lonlat_to_metric(pts), rng, 350, 5))
            rows.append((name, name_zh, activity, activity_zh, float(avoid.value), avoid.source))
            gs.append(line)
        self.faults = gs
        self.layers["faults"] = Layer(
            "faults",
            "Active faults (schematic) 活动断裂（示意）",
            "LINESTRING",
            METRIC_EPSG,
            [
                ("name", str),
                ("name_zh", str),
                ("activity", str),
                ("activity_zh", str),
                ("avoidance_m", float),
                ("avoidance_source", str),
            ],
            rows,
            gs,
        )

    def _rivers(self) -> Tuple[List[LineString], List[str]]:
        """The named rivers as wiggled lines; returns the lines and their Chinese names."""
        rng = self.rng
        rivers, rrows = [], []
        for name, name_zh, pts in RIVERS:
            line = LineString(_wiggle(lonlat_to_metric(pts), rng, 900, 8))
            rivers.append(line)
            rrows.append((name, name_zh))
        self.layers["rivers"] = Layer("rivers", "Rivers 河流", "LINESTRING", METRIC_EPSG, [("name", str), ("name_zh", str)], rrows, rivers)
        return rivers, [name_zh for _name, name_zh in rrows]

    def _flood_zones(self, rivers: Sequence[LineString], river_names_zh: Sequence[str]):
        """Flood-risk zones: three bands of rising width along each river (high, medium, low risk), and
        waterlogging spots (下凹桥区) in the central city."""
        rng = self.rng
        frows, fgs = [], []
        widths = [(1, "high", "高", 600), (2, "medium", "中", 1500), (3, "low", "低", 3000)]
        for line, rname_zh in zip(rivers, river_names_zh):
            inner = Polygon()
            for cls, risk, risk_zh, w in widths:
                outer = shapely.intersection(line.buffer(w), self.boundary)
                ring = _as_multipolygon(shapely.difference(outer, inner))
                inner = outer
                if not ring.is_empty:
                    frows.append(("river_flood", "河道洪涝", cls, risk, risk_zh, rname_zh))
                    fgs.append(ring)
        spots = _random_points_in(Point(self.cx, self.cy).buffer(14000), 24, rng)
        for x, y in spots:
            frows.append(("waterlogging", "易积水点（下凹桥区）", 1, "high", "高", "第75条"))
            fgs.append(MultiPolygon([Point(x, y).buffer(160, 16)]))
        self.layers["flood_zones"] = Layer(
            "flood_zones",
            "Flood-risk zones 洪涝风险区",
            "MULTIPOLYGON",
            METRIC_EPSG,
            [("hazard", str), ("hazard_zh", str), ("risk_class", int), ("risk", str), ("risk_zh", str), ("source", str)],
            frows,
            fgs,
        )

    def _geohazards(self):
        """Geological hazard points in the mountains, denser in Mentougou and Fangshan."""
        rng = self.rng
        mtg, fs = self.districts["110109"], self.districts["110111"]
        shapely.prepare(mtg)
        shapely.prepare(fs)

        def w(x, y):
            return np.where(shapely.contains_xy(mtg, x, y) | shapely.contains_xy(fs, x, y), 1.0, 0.35)

        pts = _random_points_in(self.mountain, 180, rng, w)
        kinds = [("collapse", "崩塌"), ("landslide", "滑坡"), ("debris_flow", "泥石流")]
        grows, ggs = [], []
        for i, (x, y) in enumerate(pts):
            kind, kind_zh = kinds[rng.randint(0, 3)]
            level = int(rng.choice([1, 2, 3], p=[0.2, 0.35, 0.45]))
            grows.append((f"GH{i + 1:04d}", kind, kind_zh, level))
            ggs.append(Point(x, y))
        self.layers["geohazards"] = Layer(
            "geohazards",
            "Geological hazard points 地质灾害隐患点",
            "POINT",
            METRIC_EPSG,
            [("code", str), ("kind", str), ("kind_zh", str), ("risk_level", int)],
            grows,
            ggs,
        )

    def _greenbelts(self):
        """The two greenbelts: a ring around the central city broken by four wedges, and a band along the 6th Ring
        Road."""
        g1 = shapely.difference(Point(self.cx, self.cy).buffer(15500, 128), Point(self.cx, self.cy).buffer(11000, 128))
        wedges = shapely.union_all([_sector(self.cx, self.cy, 16000, a, a + 14) for a in (20, 110, 200, 290)])
        g1 = shapely.difference(g1, wedges)
        six = Polygon(_superellipse(self.cx + 5000, self.cy, 29000, 25000, 2.2))
        g2 = shapely.intersection(shapely.difference(six.buffer(3500), six.buffer(-3000)), self.boundary)
        self.greenbelts = [g1, g2]
        self.layers["greenbelts"] = Layer(
            "greenbelts",
            "Greenbelts 绿化隔离地区",
            "MULTIPOLYGON",
            METRIC_EPSG,
            [("name", str), ("name_zh", str), ("ring", str), ("ring_zh", str), ("clause", str)],
            [
                ("First greenbelt", "第一道绿化隔离地区", "Capital function support ring", "首都功能保障环", "第25条"),
                ("Second greenbelt", "第二道绿化隔离地区", "City operation support ring", "城市运行支撑环", "第25条"),
            ],
            [_as_multipolygon(g1), _as_multipolygon(g2)],
        )

    def _corridors(self):
        rng = self.rng
        grades = self.profile.value("corridors.grades")
        rows, gs = [], []

        def add(name, name_zh, grade, geom, kind, kind_zh):
            geom = shapely.intersection(geom, self.boundary)
            if geom.is_empty:
                return
            g = grades[str(grade)]
            rows.append((name, name_zh, grade, g["name_zh"], float(g["min_width"]), kind, kind_zh))
            gs.append(
                shapely.multilinestrings(list(shapely.get_parts(shapely.line_merge(geom))))
                if geom.geom_type != "LineString"
                else shapely.multilinestrings([geom])
            )

        for name, name_zh, a, b, p, east, grade in RINGS:
            ring = _superellipse(self.cx + east * 1000, self.cy, a * 1000, b * 1000, p, 240)
            add(name, name_zh, grade, LineString(np.vstack([ring, ring[:1]])), "ring road", "环路")
        r0 = 9000
        for name, name_zh, bearing, grade in RADIALS:
            t = math.radians(bearing)
            pts = np.array([(self.cx + r * math.cos(t), self.cy + r * math.sin(t)) for r in (r0, 40000, 80000, 130000)])
            line = LineString(_wiggle(pts, rng, 1200, 4))
            add(name, name_zh, grade, line, "radial corridor (八廊)", "韧性保障通廊")
        axis = [
            ("Chang'an Avenue axis", "长安街及其延长线", [(-30000, 0), (30000, 0)]),
            ("Central axis", "中轴线及其延长线", [(0, -28000), (0, 22000)]),
        ]
        for name, name_zh, pts in axis:
            line = LineString([(self.cx + x, self.cy + y) for x, y in pts])
            add(name, name_zh, 2, line, "axis road", "轴线道路")
        towns = self.town_centres[2:]
        order = ["Changping", "Shunyi", "Tongzhou", "Yizhuang", "Daxing", "Liangxiang", "Mentougou", "Changping"]
        by_name = {t[0]: t for t in towns}
        for a, b in zip(order[:-1], order[1:]):
            ta, tb = by_name[a], by_name[b]
            line = LineString(_wiggle(np.array([(ta[2], ta[3]), (tb[2], tb[3])]), rng, 800, 5))
            add(f"{a}-{b} link", f"{ta[1]}—{tb[1]}联络线", 3, line, "new-town link", "新城联络道路")
        for name in ("Huairou", "Miyun", "Pinggu", "Yanqing"):
            t = by_name[name]
            line = LineString(
                _wiggle(np.array([(t[2], t[3]), (self.cx + (t[2] - self.cx) * 0.45, self.cy + (t[3] - self.cy) * 0.45)]), rng, 900, 5)
            )
            add(f"{name} mountain road", f"{t[1]}山区通道", 3, line, "mountain road", "山区道路")
        self.layers["corridors"] = Layer(
            "corridors",
            "Emergency corridors 应急疏散救援通道",
            "MULTILINESTRING",
            METRIC_EPSG,
            [
                ("name", str),
                ("name_zh", str),
                ("grade", int),
                ("grade_zh", str),
                ("min_width_m", float),
                ("kind", str),
                ("kind_zh", str),
            ],
            rows,
            gs,
        )

    def _lifelines(self):
        rng = self.rng
        self.zones = {}
        for system, system_zh, n, prefix in (("water", "供水", 10, "W"), ("power", "电力", 8, "P"), ("gas", "燃气", 6, "G")):
            seeds = _random_points_in(self.boundary, n, rng)
            cells = _voronoi_cells(seeds, self.boundary)
            rows, gs = [], []
            for i, c in enumerate(cells):
                g = _as_multipolygon(c)
                rows.append((f"{prefix}{i + 1:02d}", system, system_zh, f"{system_zh}分区{prefix}{i + 1:02d}"))
                gs.append(g)
            self.zones[system] = (seeds, gs)
            self.layers[f"{system}_zones"] = Layer(
                f"{system}_zones",
                f"Lifeline service zones: {system} 生命线分区（{system_zh}）",
                "MULTIPOLYGON",
                METRIC_EPSG,
                [("zone", str), ("system", str), ("system_zh", str), ("name_zh", str)],
                rows,
                gs,
            )

    def _facilities(self):
        """The facilities layer, in WGS84: facilities of each unit and community, city-wide ones, and hotels."""
        items: List[tuple] = []  # category, x, y, name prefix[, name_zh, name_en]
        items += self._unit_facilities()
        items += self._community_facilities()
        items += self._citywide_facilities()
        # added later, on their own random stream so that everything above stays as it was: hotels, a
        # conversion space of 第51条 (平急两用), and each reserve depot's capacity for the three-threes check (第77条)
        extra = np.random.RandomState(self.seed + 1)
        for x, y in _random_points_in(self.urban, 60, extra):
            items.append(("hotel", x, y, "城市"))
        rows, gs = self._facility_rows(items, extra)
        self.layers["facilities"] = Layer(
            "facilities",
            "Facilities (WGS84) 设施",
            "POINT",
            GEOGRAPHIC_EPSG,
            [
                ("code", str),
                ("name", str),
                ("name_zh", str),
                ("category", str),
                ("category_zh", str),
                ("shelter_area_m2", float),
                ("beds", int),
                ("capacity_pd", float),
            ],
            rows,
            gs,
        )

    def _near_communities(self, u: dict, n: int) -> List[Tuple[float, float]]:
        """n places near communities of unit ``u``, picked in proportion to their population."""
        rng = self.rng
        comms = [c for c in self.communities if c["unit"] is u]
        w = np.array([c["pop"] + 1 for c in comms], dtype=float)
        pick = rng.choice(len(comms), size=n, p=w / w.sum())
        return [(comms[i]["x"] + rng.normal(0, 250), comms[i]["y"] + rng.normal(0, 250)) for i in pick]

    def _unit_facilities(self) -> List[tuple]:
        """Each unit's facilities: the everyday categories at a rate per 10,000 residents, fire stations by area,
        then police stations and short-term shelters; fewer in towns."""
        rng = self.rng
        near = self._near_communities
        per_10k = {
            "emergency_shelter": 0.5,
            "hospital": 0.12,
            "clinic": 0.9,
            "supermarket": 0.7,
            "vegetable_market": 0.4,
            "pharmacy": 0.8,
            "school": 1.0,
            "park": 0.4,
        }
        items: List[tuple] = []
        for u in self.units:
            g = u["geom"]
            area_km2 = g.area / 1e6
            scale = 1.0 if not u["town"] else 0.6
            for cat, rate in per_10k.items():
                n = rng.poisson(u["pop"] / 1e4 * rate * scale * self.scale.facility_rate)
                items += [(cat, x, y, u["prefix"]) for x, y in near(u, n)] if n else []
            n = rng.poisson(area_km2 / (9 if not u["town"] else 60) * self.scale.facility_rate)
            items += [("fire_station", x, y, u["prefix"]) for x, y in near(u, n)] if n else []
            n = int(rng.uniform() < 0.88) + int(u["pop"] > 150000)
            items += [("police_station", x, y, u["prefix"]) for x, y in near(u, n)] if n else []
            n = int(rng.uniform() < 0.75) + int(u["pop"] // 150000)
            items += [("short_term_shelter", x, y, u["prefix"]) for x, y in near(u, n)] if n else []
        return items

    def _community_facilities(self) -> List[tuple]:
        """Community level (第54条): micro fire stations (微型消防站) and community police rooms (社区警务室)."""
        rng = self.rng
        items: List[tuple] = []
        for c in self.communities:
            for cat, share, zh, en in (
                ("fire_station", 0.3, "微型消防站", "Micro fire station"),
                ("police_station", 0.35, "社区警务室", "Community police room"),
            ):
                if rng.uniform() < share:
                    items.append((cat, c["x"] + rng.normal(0, 150), c["y"] + rng.normal(0, 150), c["unit"]["prefix"], zh, en))
        return items

    def _citywide_facilities(self) -> List[tuple]:
        """City-wide facilities: long-term shelters in the greenbelts, stadiums, reserve depots on the plain, a
        command centre in each district's most populous unit, water plants and substations in their zones."""
        rng = self.rng
        items: List[tuple] = []
        for x, y in _random_points_in(shapely.union_all(self.greenbelts), 28, rng):
            items.append(("long_term_shelter", x, y, "绿隔"))
        for x, y in _random_points_in(self.urban, 30, rng):
            items.append(("stadium", x, y, "城市"))
        plain = shapely.difference(self.boundary, self.mountain)
        for x, y in _random_points_in(plain, 22, rng):
            items.append(("reserve_depot", x, y, "应急"))
        for code, _name, name_zh, *_rest in DISTRICTS:
            best = max((u for u in self.units if u["district"] == code), key=lambda u: u["pop"])
            p = best["geom"].representative_point()
            items.append(("command_centre", p.x, p.y, name_zh[:-1]))
        for system, cat, per_zone in (("water", "water_plant", 1), ("power", "substation", 3)):
            seeds, gs = self.zones[system]
            for zg in gs:
                for x, y in _random_points_in(zg, per_zone, rng):
                    items.append((cat, x, y, "市政"))
        return items

    def _facility_rows(self, items: Sequence[tuple], extra: np.random.RandomState) -> Tuple[list, list]:
        """The attribute rows and WGS84 points of ``items``: names numbered per label and prefix, shelter areas,
        beds, and reserve depots' capacities (hotel areas and capacities drawn from ``extra``)."""
        rng = self.rng
        cats = self.profile.categories
        shelter = {
            "emergency_shelter": (1000, 20000),
            "short_term_shelter": (2000, 30000),
            "long_term_shelter": (50000, 400000),
            "school": (2000, 15000),
            "park": (5000, 200000),
            "stadium": (10000, 60000),
        }
        beds = {"hospital": (100, 1500), "clinic": (0, 30)}
        xs = np.array([i[1] for i in items])
        ys = np.array([i[2] for i in items])
        lon, lat = _to_geographic.transform(xs, ys)
        rows, gs = [], []
        counts: Dict[Tuple[str, str], int] = {}
        for (cat, _x, _y, prefix, *label), lo, la in zip(items, lon, lat):
            label_zh, label_en = label or (cats[cat]["name_zh"], cats[cat]["name"])
            counts[(label_zh, prefix)] = counts.get((label_zh, prefix), 0) + 1
            k = counts[(label_zh, prefix)]
            zh = f"{prefix}{label_zh}" + (f"{k}号" if k > 1 else "")
            en = f"{label_en} {prefix} {k}"
            if cat == "hotel":
                area = float(round(extra.uniform(3000, 30000), -1))
            else:
                area = float(round(rng.uniform(*shelter[cat]), -1)) if cat in shelter else 0.0
            nbeds = int(rng.uniform(*beds[cat])) if cat in beds else 0
            capacity = float(round(extra.uniform(2e6, 1.2e7), -4)) if cat == "reserve_depot" else 0.0
            rows.append((f"F{len(rows) + 1:05d}", en, zh, cat, cats[cat]["name_zh"], area, nbeds, capacity))
            gs.append(Point(round(lo, 7), round(la, 7)))
        return rows, gs

    def _about(self):
        rows = [
            ("title", "Resilience Planner sample city (synthetic) 韧性规划示例城市（合成）"),
            ("disclaimer", DISCLAIMER),
            ("generator", "python3 -m resilience_plugin.core.samplecity"),
            ("seed", str(self.seed)),
            ("crs", f"EPSG:{METRIC_EPSG} (CGCS2000 / 3-degree Gauss-Kruger CM 117E); facilities in EPSG:4326"),
            ("populations", "District totals from the 2020 census (第七次全国人口普查); their split into units is synthetic"),
            ("layers", ", ".join(sorted(self.layers))),
        ]
        self.layers["about"] = Layer("about", "About this sample city", "", 0, [("key", str), ("value", str)], rows, None)


def build_sample_city(seed: int = SEED, scale: Scale = SAMPLE_SCALE) -> Dict[str, Layer]:
    return SampleCityBuilder(seed, scale).build()


def write_sample_city(path, seed: int = SEED, scale: Scale = SAMPLE_SCALE) -> Path:
    layers = build_sample_city(seed, scale)
    tables = [
        Table(
            name=lay.name,
            fields=lay.fields,
            rows=lay.rows,
            geometries=lay.geometries,
            geometry_type=lay.geometry_type or "GEOMETRY",
            epsg=lay.epsg or 4326,
            title=lay.title,
            description=DISCLAIMER,
        )
        for lay in layers.values()
    ]
    return write_geopackage(path, tables)


if __name__ == "__main__":  # pragma: no cover - command-line entry
    args = sys.argv[1:]
    scale = SAMPLE_SCALE
    if args[:1] == ["--scale"]:
        scale = {"sample": SAMPLE_SCALE, "beijing": BEIJING_SCALE}[args[1]]
        args = args[2:]
    out = Path(args[0] if args else "resources/sample/sample_city.gpkg")
    write_sample_city(out, scale=scale)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")

"""Facility siting (补短板选址, 第51、69、86–88、91条): where the next shelters, fire stations, police stations or
clinics should go, chosen among candidate sites, solved exactly with ``scipy.optimize.milp`` (HiGHS).

Four models, each a question a planner asks:

- ``coverage`` (maximal covering, MCLP): which ``count`` new sites bring the most people within the service distance
  of a facility?
- ``set_cover`` (location set covering, LSCP): how few new sites bring everyone who can be reached within the distance?
- ``p_median``: which ``count`` new sites make the average trip to the nearest facility, per person, the shortest?
- ``capacitated`` (shelters): which ``count`` new sites let the most people reach a shelter with room for them within
  the distance (each shelter holding its capacity in persons)?

Existing facilities serve first and are never closed. Candidates excluded by a hazard (a fault's avoidance zone,
GB 50011 §4.1.7 and 第86条; a flood-risk or geohazard area, 第86、88条) are dropped and listed with the reason.
Distances are straight-line between points (a polygon stands for its point on surface) unless the caller gives
demand-to-site distances along a network (:class:`Pairs`).

The entry point is :func:`site`; it returns :class:`Siting`. The solver is given a time limit; where it stops there,
the best solution found is returned with its proven bound and the gap between them (never a heuristic without a
bound). HiGHS cannot be interrupted from Python: a cancel takes effect when the solver returns, at the latest at
the time limit.
"""

from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from .messages import QT_TRANSLATE_NOOP, CoreError, Message, Note, refuse_most_left_out

MODELS = ("coverage", "set_cover", "p_median", "capacitated")
CLAUSES = "第51、69、86、87、88、91条"
# the relative gap at which HiGHS may call a solution optimal: exact for populations up to tens of millions
MIP_GAP = 1e-9
# the linking constraint x_ij <= w_i y_j of the capacitated model (a much tighter relaxation) up to this many pairs
STRONG_LINKS_MAX = 400_000
# p-median without a distance cap needs every demand-candidate distance; refuse more than this many
P_MEDIAN_PAIRS_MAX = 3_000_000


@dataclass
class Pairs:
    """Demand-to-site distances within reach: demand ``i[k]`` is ``d[k]`` metres from site ``j[k]``."""

    i: np.ndarray
    j: np.ndarray
    d: np.ndarray

    @classmethod
    def empty(cls) -> "Pairs":
        return cls(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0))

    def within(self, distance: float) -> "Pairs":
        keep = self.d <= distance
        return Pairs(self.i[keep], self.j[keep], self.d[keep])


def require_milp() -> None:
    """A :class:`CoreError` saying what to install where scipy or its ``optimize.milp`` (scipy ≥ 1.9) is missing."""
    try:
        from scipy.optimize import milp  # noqa: F401
        from scipy.spatial import cKDTree  # noqa: F401
    except ImportError:
        raise CoreError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Facility siting needs scipy 1.9 or later (scipy.optimize.milp), which is not installed. Install it "
                "(Debian/Ubuntu: sudo apt install python3-scipy; OSGeo4W Shell: python -m pip install --upgrade scipy), "
                "then restart QGIS.",
            )
        ) from None


def straight_pairs(demand_xy: np.ndarray, site_xy: np.ndarray, distance: float) -> Pairs:
    """Every (demand, site) pair of points at most ``distance`` apart (inf: every pair), with the distance."""
    demand_xy = np.asarray(demand_xy, dtype=float).reshape(-1, 2)
    site_xy = np.asarray(site_xy, dtype=float).reshape(-1, 2)
    if len(demand_xy) == 0 or len(site_xy) == 0:
        return Pairs.empty()
    if not np.isfinite(distance):
        i, j = np.divmod(np.arange(len(demand_xy) * len(site_xy)), len(site_xy))
    else:
        from scipy.spatial import cKDTree

        found = cKDTree(demand_xy).sparse_distance_matrix(cKDTree(site_xy), distance, output_type="ndarray")
        i, j = found["i"].astype(np.int64), found["j"].astype(np.int64)
    d = np.hypot(demand_xy[i, 0] - site_xy[j, 0], demand_xy[i, 1] - site_xy[j, 1])
    order = np.lexsort((j, d, i))  # by demand, then distance, then site: ties broken the same way every run
    return Pairs(i[order], j[order], d[order])


def exclusions(
    candidates: Sequence,
    faults: Optional[Sequence] = None,
    avoidance_distance: float = 0.0,
    fault_names: Optional[Sequence[str]] = None,
    zones: Sequence[Tuple[str, Sequence, Optional[Sequence[str]]]] = (),
    fault_ages: Optional[Sequence[Optional[str]]] = None,
    rule: str = "plan",
    depth=None,
    depth_limit: float = 0.5,
) -> List[Optional[Message]]:
    """Why each candidate may not be used (None: it may): within ``avoidance_distance`` metres of a fault (GB 50011
    §4.1.7, 第86条), or touching a polygon of one of ``zones`` (``(layer name, polygons, labels or None)``: flood-risk
    zones of the chosen classes, geohazard areas, any area a planner excludes; 第86、88条). The first reason found
    is given. A fault's reason gives its latest activity (``fault_ages``: core.faults.fault_age, None unknown) and
    the clauses of the profile's avoidance ``rule`` (core.faults.RULE_CLAUSES). With a flood-depth raster ``depth``
    (:class:`.population.Raster` of metres), a candidate in water ``depth_limit`` m deep or deeper (a point in such
    a cell, a polygon over any part of one) is excluded too, as the emergency transfer leaves such a shelter unused
    (GB 21734 §5.2.1; 第86、88条)."""
    from .faults import FAULT_AGE_ZH, RULE_CLAUSES

    geoms = np.asarray(candidates, dtype=object)
    reasons: List[Optional[Message]] = [None] * len(geoms)
    ok = np.nonzero(~shapely.is_missing(geoms))[0]
    if faults is not None and len(faults) and avoidance_distance >= 0:
        faults = np.asarray(faults, dtype=object)
        tree = shapely.STRtree(faults)
        ci, fj = tree.query(geoms[ok], predicate="dwithin", distance=float(avoidance_distance))
        for c, f in zip(ok[ci], fj):
            if reasons[c] is None:
                name = fault_names[f] if fault_names is not None and fault_names[f] else f"#{f + 1}"
                age = fault_ages[f] if fault_ages is not None else None
                template = QT_TRANSLATE_NOOP("Core", "within {0:g} m of fault {1}, latest activity {2} ({3})")
                shown = f"{age} {FAULT_AGE_ZH[age]}" if age else "?"
                reasons[c] = Message(template, avoidance_distance, name, shown, RULE_CLAUSES.get(rule, RULE_CLAUSES["plan"]))
    for layer, polygons, labels in zones:
        polygons = np.asarray(polygons, dtype=object)
        if not len(polygons):
            continue
        ci, zj = shapely.STRtree(polygons).query(geoms[ok], predicate="intersects")
        for c, z in zip(ok[ci], zj):
            if reasons[c] is None:
                label = labels[z] if labels is not None and labels[z] not in (None, "") else f"#{z + 1}"
                reasons[c] = Message(QT_TRANSLATE_NOOP("Core", "inside {0} ({1}) (第86、88条)"), layer, label)
    if depth is not None and len(ok):
        from .evacuation import Hazard, _deep_share

        wet = _deep_share(geoms[ok], None, Hazard(depth=depth, evacuate_depth=depth_limit), None) > 0
        for c in ok[wet].tolist():
            if reasons[c] is None:
                template = QT_TRANSLATE_NOOP("Core", "in water {0:g} m deep or deeper on {1} (GB 21734 §5.2.1; 第86、88条)")
                reasons[c] = Message(template, depth_limit, getattr(depth, "name", "") or "the flood-depth raster")
    return reasons


def chosen_classes(text: str) -> Tuple[set, List[str]]:
    """The hazard classes a planner lists (``1,2``, ``高, 中``, ``一级;二级``, ``high``) as the profile's keys "1" (high),
    "2" (medium), "3" (low); and the items no class could be read from."""
    import re

    from .labels import class_rank

    keys, unread = set(), []
    for item in (t.strip() for t in re.split(r"[,;，；、\s]+", text or "") if t.strip()):
        key = class_rank(item)
        if key is None:
            unread.append(item)
        else:
            keys.add(key)
    return keys, unread


def in_classes(values: Sequence, keys: set) -> np.ndarray:
    """Which zones to exclude: those whose class (as written, read as 1/2/3) is one of ``keys``; a zone whose class
    cannot be read is excluded too (the safe side: 第86、88条 keep new facilities out of risk areas)."""
    from .labels import class_rank

    ranks = [class_rank(v) for v in values]
    return np.array([r is None or r in keys for r in ranks], dtype=bool)


@dataclass
class Siting:
    """What :func:`site` returns.

    Per chosen site, in the order a greedy reading adds them (the one that adds most first): ``chosen`` (candidate
    index), ``adds`` (people newly within the distance when it is added), ``serves`` (people for whom it is the
    nearest open facility within reach; capacitated: the people it takes in) and ``gain`` (what it adds to the
    objective in that order: people, or person-metres saved for p-median).

    Per demand: ``facility`` (a candidate index, or ``-2 - k`` for existing facility ``k``, or -1: none within
    reach), ``facility_distance`` (m, NaN: none), ``served_before`` and ``served_after`` (people within reach of a
    facility; capacitated: people with room in one).

    The solve: ``objective`` (people covered or served; the number of new sites for set cover; person-metres for
    p-median), its proven ``bound``, the relative ``gap`` (0: proven optimal), ``optimal``, ``greedy_objective`` (what
    adding the best site one at a time reaches), ``seconds``, and ``excluded`` (candidate index, reason)."""

    model: str
    distance: float
    count: int
    chosen: np.ndarray
    adds: np.ndarray
    serves: np.ndarray
    gain: np.ndarray
    facility: np.ndarray
    facility_distance: np.ndarray
    served_before: np.ndarray
    served_after: np.ndarray
    objective: float
    bound: float
    gap: float
    optimal: bool
    greedy_objective: float
    seconds: float
    excluded: List[Tuple[int, Message]] = field(default_factory=list)
    uncoverable: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # demand no site reaches
    population: float = 0.0  # people of all demand features
    notes: List[Note] = field(default_factory=list)
    # per demand: True where it could not be placed (no geometry; along a network, no line within the snapping
    # tolerance): what serves it is not assessed, never "none" (issue 29 §3)
    unplaced: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    unplaced_people: float = 0.0  # the people of the demand with a geometry but off the network (in ``population``)

    def unplaced_of(self, n: int) -> np.ndarray:
        """``unplaced`` for ``n`` demand points or pieces; none unplaced when the result does not say (made by hand)."""
        return self.unplaced if len(self.unplaced) == n else np.zeros(n, dtype=bool)

    @property
    def before(self) -> float:
        """People served before the new sites."""
        return float(self.served_before.sum())

    @property
    def after(self) -> float:
        """People served after the new sites."""
        return float(self.served_after.sum())


@dataclass
class _Solved:
    chosen: np.ndarray  # allowed-column indices
    objective: float
    bound: float
    optimal: bool
    flows: Optional[Tuple[np.ndarray, np.ndarray, np.ndarray]] = None  # capacitated: (demand, site column, people)
    flows_before: Optional[Tuple[np.ndarray, np.ndarray, np.ndarray]] = None  # the same with the existing ones only


def _milp(c, rows, lower, upper, integral, time_limit: float):
    """scipy's milp on the constraint matrix ``rows`` (sparse), variables in [0, 1] unless given otherwise (HiGHS's
    presolve checked: core.milp)."""
    from scipy.optimize import Bounds, LinearConstraint

    from .milp import milp_checked

    c = np.asarray(c, dtype=float)
    options = {"time_limit": float(time_limit), "mip_rel_gap": MIP_GAP, "disp": False}
    return milp_checked(c, [LinearConstraint(rows, lower, upper)], integral, Bounds(np.zeros(len(c)), np.ones(len(c))), options)


def _csr(rows_i, cols_j, values, shape):
    from scipy import sparse

    return sparse.csr_matrix((np.asarray(values, dtype=float), (np.asarray(rows_i), np.asarray(cols_j))), shape=shape)


def _unique_rows(matrix) -> Tuple[np.ndarray, np.ndarray]:
    """Rows of a 0/1 sparse matrix with the same columns, grouped: (first row of each group, group of each row)."""
    keys = {}
    group = np.empty(matrix.shape[0], dtype=np.int64)
    first = []
    for r in range(matrix.shape[0]):
        key = matrix.indices[matrix.indptr[r] : matrix.indptr[r + 1]].tobytes()
        g = keys.get(key)
        if g is None:
            g = keys[key] = len(first)
            first.append(r)
        group[r] = g
    return np.asarray(first, dtype=np.int64), group


def _status(res, sense: float) -> Tuple[Optional[np.ndarray], float, float, bool]:
    """(solution or None, objective, proven bound, optimal) of a milp result; ``sense`` -1 for a maximisation."""
    x = res.x if res.x is not None and res.status in (0, 1) else None
    objective = sense * float(res.fun) if x is not None else float("nan")
    bound = getattr(res, "mip_dual_bound", None)
    bound = sense * float(bound) if bound is not None and np.isfinite(bound) else (objective if res.status == 0 else float("nan"))
    return x, objective, bound, res.status == 0


def _coverage(cover, w, p: int, time_limit: float) -> _Solved:
    """MCLP on ``cover`` (demand x column 0/1, rows of demand not yet covered that some column reaches)."""
    from scipy import sparse

    first, group = _unique_rows(cover)
    weights = np.bincount(group, weights=w, minlength=len(first))
    a = cover[first]
    n_rows, n_cols = a.shape
    rows = sparse.vstack(
        [
            sparse.hstack([-a, sparse.identity(n_rows, format="csr")]),
            _csr(np.zeros(n_cols), np.arange(n_cols), np.ones(n_cols), (1, n_cols + n_rows)),
        ]
    ).tocsr()
    upper = np.r_[np.zeros(n_rows), p]
    res = _milp(np.r_[np.zeros(n_cols), -weights], rows, -np.inf, upper, np.r_[np.ones(n_cols), np.zeros(n_rows)], time_limit)
    x, objective, bound, optimal = _status(res, -1.0)
    chosen = np.nonzero(x[:n_cols] > 0.5)[0] if x is not None else None
    return _Solved(chosen, objective, bound, optimal)


def _set_cover(cover, time_limit: float) -> _Solved:
    first, _group = _unique_rows(cover)
    a = cover[first]
    n_cols = a.shape[1]
    res = _milp(np.ones(n_cols), a, 1.0, np.inf, np.ones(n_cols), time_limit)
    x, objective, bound, optimal = _status(res, 1.0)
    chosen = np.nonzero(x > 0.5)[0] if x is not None else None
    if bound == bound:
        bound = float(np.ceil(bound - 1e-6))  # a count of sites: the bound rounds up
    return _Solved(chosen, objective, bound, optimal)


def _p_median(pairs: Pairs, w, ceiling: np.ndarray, n_cols: int, p: int, time_limit: float) -> _Solved:
    """p-median, assignment formulation (faster with HiGHS here than the radius formulation, 3x on the bench's
    instances): x_ij (demand i goes to column j, only pairs nearer than i's ``ceiling``),
    u_i (i keeps its ceiling: an existing facility, or the cap), x_ij <= y_j, sum y <= p."""
    from scipy import sparse

    n_pairs = len(pairs.i)
    if n_pairs == 0:
        return _Solved(np.arange(min(p, n_cols)), 0.0, 0.0, True)
    demand, local = np.unique(pairs.i, return_inverse=True)
    n_d = len(demand)
    fallback = np.isfinite(ceiling[demand])  # a demand without ceiling must go to a site
    n_var = n_cols + n_pairs + n_d
    x = n_cols + np.arange(n_pairs)
    u = n_cols + n_pairs + np.arange(n_d)
    rows = sparse.csr_matrix(
        (
            np.r_[np.ones(n_pairs), np.ones(n_d), np.ones(n_pairs), -np.ones(n_pairs), np.ones(n_cols)],
            (
                np.r_[local, np.arange(n_d), n_d + np.arange(n_pairs), n_d + np.arange(n_pairs), np.full(n_cols, n_d + n_pairs)],
                np.r_[x, u, x, pairs.j, np.arange(n_cols)],
            ),
        ),
        shape=(n_d + n_pairs + 1, n_var),
    )
    lower = np.r_[np.ones(n_d), np.full(n_pairs, -np.inf), -np.inf]
    upper = np.r_[np.ones(n_d), np.zeros(n_pairs), p]
    cost = np.r_[np.zeros(n_cols), w[pairs.i] * pairs.d, np.where(fallback, w[demand] * np.where(fallback, ceiling[demand], 0.0), 0.0)]
    from scipy.optimize import Bounds, LinearConstraint, milp

    res = milp(
        cost,
        constraints=[LinearConstraint(rows, lower, upper)],
        integrality=np.r_[np.ones(n_cols), np.zeros(n_pairs + n_d)],
        bounds=Bounds(np.zeros(n_var), np.r_[np.ones(n_cols + n_pairs), fallback.astype(float)]),
        options={"time_limit": float(time_limit), "mip_rel_gap": MIP_GAP, "disp": False},
    )
    x_, objective, bound, optimal = _status(res, 1.0)
    chosen = np.nonzero(x_[:n_cols] > 0.5)[0] if x_ is not None else None
    return _Solved(chosen, objective, bound, optimal)


def _capacitated(pairs: Pairs, w, capacity, existing_pairs: Pairs, existing_capacity, n_cols: int, p: int, time_limit: float) -> _Solved:
    """Most people with room in a shelter within reach: flows x (people of a demand to a site), y (site opened)."""
    from scipy import sparse

    n_x, n_e = len(pairs.i), len(existing_pairs.i)
    n_demand = len(w)
    n_existing = len(existing_capacity)
    # variables: y (n_cols), x (n_x, to candidates), v (n_e, to existing); all scaled to [0, 1] of the demand's people
    wx, wv = w[pairs.i], w[existing_pairs.i]
    n_var = n_cols + n_x + n_e
    r, c, v = [], [], []
    # each demand sends at most its people: sum of shares <= 1
    r += [pairs.i, existing_pairs.i]
    c += [n_cols + np.arange(n_x), n_cols + n_x + np.arange(n_e)]
    v += [np.ones(n_x), np.ones(n_e)]
    row = n_demand
    # each candidate takes at most its capacity when open: sum w x - cap y <= 0
    r += [row + pairs.j, row + np.arange(n_cols)]
    c += [n_cols + np.arange(n_x), np.arange(n_cols)]
    v += [wx, -np.asarray(capacity, dtype=float)]
    row += n_cols
    # each existing facility takes at most its capacity (inf: no limit)
    r += [row + existing_pairs.j]
    c += [n_cols + n_x + np.arange(n_e)]
    v += [wv]
    row += n_existing
    # at most p new sites
    r += [np.full(n_cols, row)]
    c += [np.arange(n_cols)]
    v += [np.ones(n_cols)]
    row += 1
    lower = [np.full(n_demand, -np.inf), np.full(n_cols, -np.inf), np.full(n_existing, -np.inf), [-np.inf]]
    upper = [np.ones(n_demand), np.zeros(n_cols), np.asarray(existing_capacity, dtype=float), [p]]
    if n_x <= STRONG_LINKS_MAX:  # x_ij <= y_j: nobody goes to a closed site, also in the relaxation
        r += [row + np.arange(n_x), row + np.arange(n_x)]
        c += [n_cols + np.arange(n_x), pairs.j]
        v += [np.ones(n_x), -np.ones(n_x)]
        lower.append(np.full(n_x, -np.inf))
        upper.append(np.zeros(n_x))
        row += n_x
    matrix = sparse.csr_matrix((np.concatenate(v), (np.concatenate(r), np.concatenate(c))), shape=(row, n_var))
    cost = -np.r_[np.zeros(n_cols), wx, wv]
    res = _milp(cost, matrix, np.concatenate(lower), np.concatenate(upper), np.r_[np.ones(n_cols), np.zeros(n_x + n_e)], time_limit)
    x, objective, bound, optimal = _status(res, -1.0)
    if x is None:
        return _Solved(None, objective, bound, optimal)
    chosen = np.nonzero(x[:n_cols] > 0.5)[0]
    people = np.r_[x[n_cols : n_cols + n_x] * wx, x[n_cols + n_x :] * wv]
    sites = np.r_[pairs.j, -2 - existing_pairs.j]
    demand = np.r_[pairs.i, existing_pairs.i]
    return _Solved(chosen, objective, bound, optimal, (demand, sites, people))


def _existing_flows(pairs: Pairs, w: np.ndarray, capacity: np.ndarray):
    """The most people the existing shelters take in within reach (a max-flow LP): (demand, -2 - shelter, people)."""
    from scipy import sparse
    from scipy.optimize import linprog

    n_e = len(pairs.i)
    if n_e == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0)
    people = w[pairs.i]
    rows = sparse.vstack(
        [_csr(pairs.i, np.arange(n_e), np.ones(n_e), (len(w), n_e)), _csr(pairs.j, np.arange(n_e), people, (len(capacity), n_e))]
    ).tocsr()
    upper = np.r_[np.ones(len(w)), np.where(np.isfinite(capacity), capacity, 1e300)]
    res = linprog(-people, A_ub=rows, b_ub=upper, bounds=(0, 1), method="highs")
    share = res.x if res.x is not None else np.zeros(n_e)
    return pairs.i, -2 - pairs.j, share * people


# the stand-in distance of a demand without any facility yet: a first facility counts once, its gain reported as NaN
_BIG = 1e12


def _one_at_a_time(
    n_sites: int,
    gain: Callable[[], np.ndarray],
    take: Callable[[int], None],
    steps: int,
    fixed: bool = False,
    stop_when_nothing: bool = False,
    finished: Optional[Callable[[], bool]] = None,
) -> Tuple[np.ndarray, np.ndarray]:
    """The one greedy loop of siting: ``steps`` times, add the site (of ``n_sites``) whose ``gain()`` is largest
    (ties: the lower index) and ``take`` it; ``fixed``: add them in their order and only measure. It stops early where
    ``finished()`` says so or, with ``stop_when_nothing``, where the best site adds nothing. Returns (sites, what each
    added when it was added)."""
    done = np.zeros(n_sites, dtype=bool)
    sites, gains = [], []
    for step in range(steps):
        if finished is not None and finished():
            break
        values = gain()
        if fixed:
            pick = step
        else:
            values[done] = -np.inf
            pick = int(np.argmax(values))
            if stop_when_nothing and values[pick] <= 0:
                break
        done[pick] = True
        sites.append(pick)
        gains.append(values[pick])
        take(pick)
    return np.asarray(sites, dtype=np.int64), np.asarray(gains, dtype=float)


class _ReachByPairs:
    """People newly within reach as sites are added, over ``pairs`` (demand ``i``, site ``j`` of ``n_sites``);
    ``covered``: who is within reach already."""

    def __init__(self, pairs: Pairs, w: np.ndarray, covered: np.ndarray, n_sites: int):
        self.pairs, self.w, self.n_sites = pairs, w, n_sites
        self.covered = np.array(covered, copy=True)

    def gain(self) -> np.ndarray:
        p = self.pairs
        return np.bincount(p.j, weights=self.w[p.i] * ~self.covered[p.i], minlength=self.n_sites)

    def take(self, site: int) -> None:
        self.covered[self.pairs.i[self.pairs.j == site]] = True


class _DistanceSaved:
    """Person-metres saved as sites are added, over ``pairs`` (demand ``i``, site ``j`` of ``n_sites``);
    ``nearest``: each demand's distance so far (inf: none yet, counted as _BIG)."""

    def __init__(self, pairs: Pairs, w: np.ndarray, nearest: np.ndarray, n_sites: int):
        self.pairs, self.w, self.n_sites = pairs, w, n_sites
        self.nearest = np.array(nearest, copy=True)

    def gain(self) -> np.ndarray:
        p = self.pairs
        now = np.where(np.isinf(self.nearest[p.i]), _BIG, self.nearest[p.i])
        return np.bincount(p.j, weights=self.w[p.i] * np.maximum(now - p.d, 0.0), minlength=self.n_sites)

    def take(self, site: int) -> None:
        mine = self.pairs.j == site
        self.nearest[self.pairs.i[mine]] = np.minimum(self.nearest[self.pairs.i[mine]], self.pairs.d[mine])


class _ReachByMatrix:
    """Demand newly covered as columns of ``cover`` (demand x column, 0/1) are added: its people (``people``), or the
    number of demand features with people (set cover); ``covered``: who is covered already."""

    def __init__(self, cover, w: np.ndarray, covered: np.ndarray, people: bool):
        self.cover_t = cover.T.tocsr()
        self.w, self.people = w, people
        self.covered = covered.copy()
        self.coverable = self.covered | (np.diff(cover.indptr) > 0)

    def gain(self) -> np.ndarray:
        if self.people:
            return self.cover_t @ (self.w * ~self.covered)
        return self.cover_t @ ((~self.covered & (self.w > 0)).astype(float))

    def take(self, column: int) -> None:
        t = self.cover_t
        self.covered[t.indices[t.indptr[column] : t.indptr[column + 1]]] = True

    def everyone(self) -> bool:
        """Whether everyone with people who can be covered is."""
        return bool((self.covered | ~self.coverable | (self.w <= 0)).all())


def _greedy_reading(chosen: np.ndarray, w: np.ndarray, pairs: Pairs, start: np.ndarray, kind: str, fixed: bool = False):
    """``chosen`` in the order a greedy reading adds them, each step the site that adds most (ties: the lower index),
    with what each adds: ``kind`` "cover" (people newly within reach; ``start``: who is covered already) or
    "distance" (person-metres saved; ``start``: each demand's distance so far, inf: none). ``fixed``: keep the order
    given and only measure."""
    chosen = np.asarray(chosen, dtype=np.int64)
    if len(chosen) == 0:
        return chosen, np.empty(0)
    local = {int(c): k for k, c in enumerate(chosen)}
    sel = np.isin(pairs.j, chosen)
    mine = Pairs(pairs.i[sel], np.array([local[int(j)] for j in pairs.j[sel]], dtype=np.int64), pairs.d[sel])
    measure = (_ReachByPairs if kind == "cover" else _DistanceSaved)(mine, w, start, len(chosen))
    picks, gains = _one_at_a_time(len(chosen), measure.gain, measure.take, len(chosen), fixed=fixed)
    return chosen[picks], np.where(gains < _BIG, gains, np.nan)


@dataclass
class _Problem:
    """What every model is solved and read on, built once for all four: people ``w`` per demand, the usable
    candidate ``columns``, demand-to-column pairs within ``reach`` (``cand_pairs``; ``within``: those within the
    service ``distance``) and to existing facilities, each demand's nearest existing facility (``near_ex`` m, inf:
    none; ``near_ex_idx``), who is served before, the 0/1 ``cover`` matrix (demand x column) and the demand no site
    reaches (``uncoverable``)."""

    model: str
    distance: float
    reach: float
    w: np.ndarray
    columns: np.ndarray
    capacity: Optional[np.ndarray]  # persons per candidate (capacitated)
    existing_capacity: Optional[Sequence[float]]  # persons per existing facility, as given (capacitated)
    n_existing: int
    cand_pairs: Pairs
    existing_pairs: Pairs
    near_ex: np.ndarray
    near_ex_idx: np.ndarray
    covered_before: np.ndarray
    within: Pairs
    cover: object
    reachable: np.ndarray
    uncoverable: np.ndarray

    @property
    def ceiling(self) -> np.ndarray:
        """p-median: the distance each demand keeps without a new site (its nearest existing one, capped at reach)."""
        return np.minimum(self.near_ex, self.reach)

    def uncovered_rows(self) -> np.ndarray:
        """Demand with people, not covered before, that some column reaches."""
        return np.nonzero(~self.covered_before & self.reachable & (self.w > 0))[0]


def site(
    demand: Sequence,
    population: Sequence[float],
    candidates: Sequence,
    model: str,
    count: int,
    distance: float,
    existing: Optional[Sequence] = None,
    capacity: Optional[Sequence[float]] = None,
    existing_capacity: Optional[Sequence[float]] = None,
    excluded: Optional[Sequence[Optional[Message]]] = None,
    pairs: Optional[Pairs] = None,
    existing_pairs: Optional[Pairs] = None,
    max_distance: Optional[float] = None,
    network: Optional[Sequence] = None,
    snap_tolerance: float = 100.0,
    time_limit: float = 60.0,
    demand_name: str = "demand",
    candidates_name: str = "candidates",
    network_name: str = "network",
    progress: Optional[Callable[[float], None]] = None,
    canceled: Optional[Callable[[], bool]] = None,
    left_out_max: Optional[float] = None,
) -> Siting:
    """Choose new facility sites among ``candidates`` (see the module's docstring for the four ``model`` s).

    All geometries are shapely geometries in one projected CRS in metres (a polygon stands for its point on
    surface). ``population``: people per demand feature (NaN or negative: an error). ``count``: the number of new
    sites (coverage, p-median, capacitated; set cover finds its own). ``distance``: the service distance in metres.
    ``existing``: facilities already open. ``capacity`` / ``existing_capacity``: persons each can hold (capacitated
    model; None for existing: no limit). ``excluded``: per candidate, why it may not be used (see
    :func:`exclusions`), or None. ``pairs`` / ``existing_pairs``: demand-to-site distances along a network, every pair
    within reach (straight-line when not given). ``network``: walking or road network lines; distances are then
    measured along it between the points where demand and sites join it (their nearest network point within
    ``snap_tolerance`` metres, as the life circles do; a feature farther away is reached by nothing).
    ``max_distance``: p-median counts a farther trip as this distance (None: no cap, where every demand-candidate
    distance is known; along a network the cap is then 4 x ``distance``, said in the notes). ``time_limit``: seconds
    for the solver. ``left_out_max``: the share of the demand (points or pieces with a geometry) that may lie off the
    network before the run is refused (the profile's quality.left_out_max_share; None: never refused, only said).

    Raises :class:`CoreError` for input that cannot give an answer: an unknown model, no candidate left, a
    ``count`` below 1 or above the candidates left, no population, inputs in different CRSs."""
    import time

    from .cancel import check, reporter

    report = reporter(progress)
    started = time.perf_counter()
    notes: List[Note] = []
    require_milp()
    demand, candidates, existing, w, has_demand = _checked_inputs(
        model, demand, population, candidates, existing, distance, demand_name, candidates_name
    )
    reasons = list(excluded) if excluded is not None else [None] * len(candidates)
    columns, capacity = _usable_columns(model, reasons, candidates, capacity, count, candidates_name, notes)
    check(canceled)

    # distances: demand to allowed candidates, demand to existing
    reach = _reach(model, distance, max_distance, network, notes)
    placed = has_demand
    if network is not None and pairs is None:
        pairs, existing_pairs, placed = _network_pairs(
            network, network_name, demand, candidates, existing, reach, snap_tolerance, notes, demand_name, report, canceled, left_out_max
        )
    cand_pairs, existing_pairs = _pairs_within_reach(
        model, distance, reach, demand, has_demand, candidates, columns, existing, pairs, existing_pairs
    )
    report(0.2)
    check(canceled)
    problem = _problem(
        model, distance, reach, w, has_demand, columns, capacity, existing_capacity, len(existing), cand_pairs, existing_pairs
    )
    _note_uncoverable(problem, demand_name, notes)

    result = _solve_and_read(problem, count, time_limit, reasons, notes, started, report, canceled)
    result.unplaced = ~np.asarray(placed, dtype=bool)
    result.unplaced_people = float(w[result.unplaced].sum())
    return result


def _solve_and_read(
    problem: _Problem, count: int, time_limit: float, reasons, notes: List[Note], started: float, report, canceled
) -> Siting:
    """Solve ``problem`` with its model, never worse than greedy, and read the answer per site and per demand."""
    import time

    from .cancel import check

    model, w = problem.model, problem.w
    solved = _SOLVERS[model](problem, count, time_limit, canceled)
    check(canceled)
    report(0.8)
    greedy = _greedy(problem, count)
    gap, optimal = _settle(model, solved, greedy, time_limit, notes)

    # the answer read per site and per demand
    chosen_cols = np.asarray(solved.chosen, dtype=np.int64)
    facility, fdist, served_after, served_before = _read_out(problem, chosen_cols, solved)
    chosen, adds, serves, gains = _read_sites(problem, chosen_cols, solved, facility, count, notes)
    report(1.0)
    return Siting(
        model,
        float(problem.distance),
        int(count),
        chosen,
        adds,
        serves,
        gains,
        facility,
        fdist,
        served_before,
        served_after,
        float(solved.objective),
        float(solved.bound),
        float(gap),
        bool(optimal),
        float(greedy[1]),
        time.perf_counter() - started,
        [(i, r) for i, r in enumerate(reasons) if r is not None],
        problem.uncoverable,
        float(w.sum()),
        notes,
    )


def _checked_inputs(model, demand, population, candidates, existing, distance, demand_name, candidates_name):
    """(demand, candidates, existing as arrays, people per demand, which demand has a geometry), or a
    :class:`CoreError` saying why the input cannot give an answer."""
    from .geometry import extent_gap, present_mask
    from .lifecircles import INPUTS_APART, MAX_GAP_M

    if model not in MODELS:
        raise CoreError(QT_TRANSLATE_NOOP("Core", "Unknown siting model '{0}'; one of {1}."), model, ", ".join(MODELS))
    demand = np.asarray(demand, dtype=object)
    candidates = np.asarray(candidates, dtype=object)
    existing = np.asarray(existing if existing is not None else [], dtype=object)
    n, k = len(demand), len(existing)
    w = np.asarray(population, dtype=float)
    if len(w) != n:
        raise CoreError(QT_TRANSLATE_NOOP("Core", "{0}: {1} population values for {2} features."), demand_name, len(w), n)
    if (~np.isfinite(w)).any() or (w < 0).any():
        raise CoreError(QT_TRANSLATE_NOOP("Core", "{0}: population must be a number of 0 or more for every feature."), demand_name)
    has_demand = present_mask(demand)
    w = np.where(has_demand, w, 0.0)
    if w.sum() <= 0:
        raise CoreError(QT_TRANSLATE_NOOP("Core", "{0}: no population to serve (every value is 0 or empty)."), demand_name)
    if distance is None or not distance > 0:
        raise CoreError(QT_TRANSLATE_NOOP("Core", "The service distance must be more than 0 m."))
    gap = max(extent_gap(demand, candidates), extent_gap(demand, existing) if k else 0.0)
    if gap > MAX_GAP_M:
        other = candidates_name if extent_gap(demand, candidates) > MAX_GAP_M else "existing"
        raise CoreError(INPUTS_APART, other, gap / 1000, demand_name)
    return demand, candidates, existing, w, has_demand


def _usable_columns(model, reasons, candidates, capacity, count, candidates_name, notes) -> Tuple[np.ndarray, Optional[np.ndarray]]:
    """(the candidate index of each column the solver may open: not excluded, with a geometry and, capacitated, with
    room; the capacities, in persons for the capacitated model), or a :class:`CoreError` where ``count`` cannot be
    met."""
    from .geometry import present_mask

    allowed = np.array([r is None for r in reasons], dtype=bool) & present_mask(candidates)
    if model == "capacitated":
        if capacity is None:
            raise CoreError(QT_TRANSLATE_NOOP("Core", "{0}: the capacitated model needs each candidate's capacity."), candidates_name)
        capacity = np.nan_to_num(np.asarray(capacity, dtype=float), nan=0.0)
        if (capacity <= 0).any():
            notes.append(
                Note(
                    "warning",
                    Message(
                        QT_TRANSLATE_NOOP("Core", "{0}: {1} candidate(s) without a capacity cannot hold anyone and are not used."),
                        candidates_name,
                        int((allowed & (capacity <= 0)).sum()),
                    ),
                )
            )
            allowed &= capacity > 0
    columns = np.nonzero(allowed)[0]  # candidate index of each allowed column
    if len(columns) == 0:
        raise CoreError(
            QT_TRANSLATE_NOOP("Core", "{0}: no candidate site is left after the exclusions ({1} excluded of {2})."),
            candidates_name,
            sum(r is not None for r in reasons),
            len(candidates),
        )
    if model != "set_cover":
        if count < 1:
            raise CoreError(QT_TRANSLATE_NOOP("Core", "The number of new sites must be 1 or more."))
        if count > len(columns):
            raise CoreError(
                QT_TRANSLATE_NOOP("Core", "{0} new sites asked for, but only {1} candidate site(s) of '{2}' can be used."),
                count,
                len(columns),
                candidates_name,
            )
    return columns, capacity


def _reach(model, distance, max_distance, network, notes) -> float:
    """How far distances are measured: the service distance; p-median up to its cap (none: inf; along a network
    4 x ``distance``, said in the notes)."""
    reach = distance
    if model == "p_median":
        reach = np.inf if max_distance is None else max(float(max_distance), distance)
        if network is not None and max_distance is None:
            reach = 4.0 * distance
            notes.append(
                Note(
                    "info",
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Core",
                            "p-median along the network counts a trip longer than {0:g} m as {0:g} m "
                            "(set a maximum distance to change it).",
                        ),
                        reach,
                    ),
                )
            )
    return reach


def _pairs_within_reach(model, distance, reach, demand, has_demand, candidates, columns, existing, pairs, existing_pairs):
    """(demand to usable column, demand to existing facility) within ``reach``: from ``pairs`` / ``existing_pairs``
    where given (candidates renumbered as columns), straight-line otherwise."""
    from .geometry import present_mask, representative_points

    points = representative_points(demand)
    demand_xy = np.full((len(demand), 2), np.nan)
    demand_xy[has_demand] = shapely.get_coordinates(points[has_demand])
    idx = np.nonzero(has_demand)[0]
    if pairs is None:
        cand_xy = shapely.get_coordinates(representative_points(candidates[columns]))
        if model == "p_median" and not np.isfinite(reach) and len(idx) * len(columns) > P_MEDIAN_PAIRS_MAX:
            raise CoreError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "p-median over {0:,} demand-site pairs is too large without a maximum distance: set one (for example "
                    "{1:g} m); a longer trip then counts as that distance.",
                ),
                len(idx) * len(columns),
                4 * distance,
            )
        found = straight_pairs(demand_xy[idx], cand_xy, reach)
        cand_pairs = Pairs(idx[found.i], found.j, found.d)
    else:
        col_of = np.full(len(candidates), -1, dtype=np.int64)
        col_of[columns] = np.arange(len(columns))
        keep = (col_of[pairs.j] >= 0) & (pairs.d <= reach) & has_demand[pairs.i]
        cand_pairs = Pairs(pairs.i[keep], col_of[pairs.j[keep]], pairs.d[keep])
        order = np.lexsort((cand_pairs.j, cand_pairs.d, cand_pairs.i))
        cand_pairs = Pairs(cand_pairs.i[order], cand_pairs.j[order], cand_pairs.d[order])
    if existing_pairs is None:
        ex_present = present_mask(existing) if len(existing) else np.zeros(0, dtype=bool)
        if len(existing) and ex_present.any():
            ex_idx = np.nonzero(ex_present)[0]
            found = straight_pairs(demand_xy[idx], shapely.get_coordinates(representative_points(existing[ex_idx])), reach)
            existing_pairs = Pairs(idx[found.i], ex_idx[found.j], found.d)
        else:
            existing_pairs = Pairs.empty()
    return cand_pairs, existing_pairs


def _problem(
    model, distance, reach, w, has_demand, columns, capacity, existing_capacity, n_existing, cand_pairs, existing_pairs
) -> _Problem:
    """The shared problem: the pairs, each demand's nearest existing facility (within what was measured), who is
    served before, the cover matrix and who no site reaches."""
    n = len(w)
    near_ex = np.full(n, np.inf)
    near_ex_idx = np.full(n, -1, dtype=np.int64)
    if len(existing_pairs.i):
        order = np.lexsort((existing_pairs.j, existing_pairs.d, existing_pairs.i))
        ei, ej, ed = existing_pairs.i[order], existing_pairs.j[order], existing_pairs.d[order]
        firsts = np.r_[True, ei[1:] != ei[:-1]]
        near_ex[ei[firsts]] = ed[firsts]
        near_ex_idx[ei[firsts]] = ej[firsts]
    covered_before = near_ex <= distance
    within = cand_pairs.within(distance)
    cover = _csr(within.i, within.j, np.ones(len(within.i)), (n, len(columns)))
    cover.data[:] = 1.0
    reachable = np.diff(cover.indptr) > 0
    uncoverable = np.nonzero(has_demand & (w > 0) & ~covered_before & ~reachable)[0]
    return _Problem(
        model,
        distance,
        reach,
        w,
        columns,
        capacity,
        existing_capacity,
        n_existing,
        cand_pairs,
        existing_pairs,
        near_ex,
        near_ex_idx,
        covered_before,
        within,
        cover,
        reachable,
        uncoverable,
    )


def _note_uncoverable(problem: _Problem, demand_name: str, notes: List[Note]) -> None:
    """A warning for the demand that no facility and no usable candidate reaches."""
    if len(problem.uncoverable):
        notes.append(
            Note(
                "warning",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{0} demand point(s) or piece(s) of '{1}' ({2:,.0f} people) have no facility and no usable candidate "
                        "within {3:g} m.",
                    ),
                    len(problem.uncoverable),
                    demand_name,
                    float(problem.w[problem.uncoverable].sum()),
                    problem.distance,
                ),
            )
        )


def _nothing_to_solve() -> _Solved:
    return _Solved(np.empty(0, dtype=np.int64), 0.0, 0.0, True)


def _solve_coverage(problem: _Problem, count: int, time_limit: float, canceled) -> _Solved:
    """MCLP on the demand not yet covered; the people covered before count in the objective and its bound."""
    rows = problem.uncovered_rows()
    solved = _coverage(problem.cover[rows], problem.w[rows], count, time_limit) if len(rows) else _nothing_to_solve()
    base = float(problem.w[problem.covered_before].sum())
    solved.objective += base
    solved.bound += base
    return solved


def _solve_set_cover(problem: _Problem, count: int, time_limit: float, canceled) -> _Solved:
    """LSCP on the demand not yet covered (``count`` is not used: set cover finds its own)."""
    rows = problem.uncovered_rows()
    return _set_cover(problem.cover[rows], time_limit) if len(rows) else _nothing_to_solve()


def _solve_p_median(problem: _Problem, count: int, time_limit: float, canceled) -> _Solved:
    """p-median on the pairs nearer than each demand's ceiling; the demand that keeps its ceiling counts as a
    constant in the objective and its bound."""
    w, cand_pairs, ceiling = problem.w, problem.cand_pairs, problem.ceiling
    keep = cand_pairs.d < ceiling[cand_pairs.i]
    mine = Pairs(cand_pairs.i[keep], cand_pairs.j[keep], cand_pairs.d[keep])
    solved = _p_median(mine, w, ceiling, len(problem.columns), count, time_limit)
    outside = np.isfinite(ceiling) & ~np.isin(np.arange(len(w)), mine.i)
    constant = float((w[outside] * ceiling[outside]).sum())
    solved.objective += constant
    solved.bound += constant
    return solved


def _solve_capacitated(problem: _Problem, count: int, time_limit: float, canceled) -> _Solved:
    """Capacitated shelters, with the flows the existing shelters alone would take in."""
    from .cancel import check

    if problem.existing_capacity is None:
        ex_cap = np.full(problem.n_existing, np.inf)
    else:
        ex_cap = np.nan_to_num(np.asarray(problem.existing_capacity, dtype=float), nan=0.0)
    columns = problem.columns
    solved = _capacitated(
        problem.within, problem.w, problem.capacity[columns], problem.existing_pairs, ex_cap, len(columns), count, time_limit
    )
    check(canceled)
    solved.flows_before = _existing_flows(problem.existing_pairs, problem.w, ex_cap)
    return solved


# one unit per model, each over the shared problem: (problem, count, time limit, canceled) -> _Solved
_SOLVERS = {
    "coverage": _solve_coverage,
    "set_cover": _solve_set_cover,
    "p_median": _solve_p_median,
    "capacitated": _solve_capacitated,
}


def _settle(model: str, solved: _Solved, greedy: Tuple[np.ndarray, float], time_limit: float, notes: List[Note]) -> Tuple[float, bool]:
    """Take the greedy answer where the solver found none in time (with the solver's bound, said in the notes) or a
    worse one; the bound where none is proven. Returns (relative gap, optimal)."""
    if solved.chosen is None:  # the solver found no solution in time: the greedy one, with the solver's bound
        solved.chosen = greedy[0]
        solved.objective = greedy[1]
        solved.optimal = False
        notes.append(
            Note(
                "warning",
                Message(QT_TRANSLATE_NOOP("Core", "The solver found no solution within {0:g} s; the greedy one is given."), time_limit),
            )
        )
    elif model != "capacitated" and _better(model, greedy[1], solved.objective):  # never worse than greedy
        solved.chosen, solved.objective = greedy[0], greedy[1]
    if solved.bound != solved.bound:
        solved.bound = solved.objective if solved.optimal else float("nan")
    if model == "set_cover":
        gap = 0.0 if solved.objective <= solved.bound else (solved.objective - solved.bound) / max(solved.objective, 1.0)
    elif solved.objective and solved.bound == solved.bound:
        gap = abs(solved.bound - solved.objective) / max(abs(solved.objective), 1e-9)
    else:
        gap = 0.0 if solved.optimal else float("nan")
    return gap, solved.optimal or gap <= 1e-7


def _read_sites(problem: _Problem, chosen_cols: np.ndarray, solved: _Solved, facility: np.ndarray, count: int, notes: List[Note]):
    """Per chosen site, in the order a greedy reading adds them: (candidate index, people it adds, people it serves,
    what it adds to the objective). Coverage proposes no site that brings nobody within reach, and says so."""
    model, w, columns, within = problem.model, problem.w, problem.columns, problem.within
    if model == "capacitated":
        _demand, sites, people = solved.flows
        took = np.bincount(sites[sites >= 0], weights=people[sites >= 0], minlength=len(columns))[chosen_cols]
        order = chosen_cols[np.lexsort((chosen_cols, -took))]
        gains = np.bincount(sites[sites >= 0], weights=people[sites >= 0], minlength=len(columns))[order]
        serves = gains.copy()
    else:
        if model == "p_median":
            order, gains = _greedy_reading(chosen_cols, w, problem.cand_pairs, problem.ceiling, "distance")
        else:
            order, gains = _greedy_reading(chosen_cols, w, within, problem.covered_before, "cover")
        serves = np.array([float(w[facility == columns[c]].sum()) for c in order])
    _order, adds = _greedy_reading(order, w, within, problem.covered_before, "cover", fixed=True)
    if model == "coverage":  # a site that brings nobody newly within reach is not proposed
        useful = np.array([a > 0 or s_ > 0 for a, s_ in zip(adds, serves)], dtype=bool)
        order, adds, serves, gains = order[useful], adds[useful], serves[useful], gains[useful]
    if model in ("coverage", "capacitated") and len(order) < count:
        notes.append(
            Note(
                "warning",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "Only {0} of the {1} new sites asked for bring anyone within reach; more would add nobody, so {0} are proposed.",
                    ),
                    len(order),
                    count,
                ),
            )
        )
    return columns[order], adds, serves, gains


def _network_pairs(
    network, network_name, demand, candidates, existing, reach, tolerance, notes, demand_name, report, canceled, left_out_max=None
):
    """Demand-to-candidate and demand-to-existing distances along ``network`` within ``reach``, and per demand
    whether it lies on the network (a geometry and a line within ``tolerance``); a :class:`CoreError` when more of
    the demand than ``left_out_max`` lies off it."""
    from .cancel import check
    from .geometry import present_mask, representative_points
    from .network import network_for

    walk = network_for(network, network_name, notes, canceled)
    check(canceled)
    has = present_mask(demand)
    points = np.full(len(demand), None, dtype=object)
    points[has] = representative_points(demand[has])
    found = []
    for k, sites in enumerate((candidates, existing)):
        ok = present_mask(sites) if len(sites) else np.zeros(0, dtype=bool)
        site_points = np.full(len(sites), None, dtype=object)
        site_points[ok] = representative_points(sites[ok])
        src_idx, dem_idx = np.nonzero(ok)[0], np.nonzero(has)[0]
        a, b, d = walk.point_distances(
            site_points[src_idx],
            points[dem_idx],
            reach,
            tolerance,
            progress=lambda f, k=k: report(0.05 + 0.1 * k + 0.1 * f),
            canceled=canceled,
        )
        check(canceled)
        order = np.lexsort((src_idx[a], d, dem_idx[b]))
        found.append(Pairs(dem_idx[b][order], src_idx[a][order], d[order]))
    snapped = walk.snap(points[has], tolerance)[0]
    on = np.zeros(len(demand), dtype=bool)
    on[np.nonzero(has)[0][np.unique(snapped)]] = True
    off = int(has.sum()) - int(on.sum())
    refuse_most_left_out(
        off,
        int(has.sum()),
        left_out_max,
        CoreError,
        QT_TRANSLATE_NOOP(
            "Core",
            "{0}: {1} of {2} demand point(s) or piece(s) have no line of the network {3} within {4:g} m, more than "
            "{5:.0%} of them (the profile's quality.left_out_max_share). Check that both layers cover the same area, "
            "or raise the snapping tolerance.",
        ),
        demand_name,
        off,
        int(has.sum()),
        network_name,
        tolerance,
        left_out_max,
    )
    if off:
        notes.append(
            Note(
                "warning",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Core", "{0} demand point(s) or piece(s) of '{1}' have no network within {2:g} m and are reached by no site."
                    ),
                    off,
                    demand_name,
                    tolerance,
                ),
            )
        )
    return found[0], found[1], on


def _better(model: str, a: float, b: float) -> bool:
    """Whether objective ``a`` is strictly better than ``b`` for ``model``."""
    if a != a:
        return False
    if b != b:
        return True
    return a < b - 1e-9 * max(1.0, abs(b)) if model in ("set_cover", "p_median") else a > b + 1e-9 * max(1.0, abs(b))


def _greedy(problem: _Problem, count: int) -> Tuple[np.ndarray, float]:
    """The greedy answer (chosen columns, objective): add the site that adds most until ``count`` (set cover: until
    everyone coverable is covered). For capacitated shelters, greedy is not computed (NaN)."""
    model, w, n_cols = problem.model, problem.w, len(problem.columns)
    if model == "capacitated":
        return np.empty(0, dtype=np.int64), float("nan")
    if model == "p_median":
        saving = _DistanceSaved(problem.cand_pairs, w, problem.ceiling, n_cols)
        chosen, _gains = _one_at_a_time(n_cols, saving.gain, saving.take, count)
        current = saving.nearest
        value = float((w * np.where(np.isinf(current), 0.0, current)).sum())
        if np.isinf(current[w > 0]).any():
            value = float("nan")
        return chosen, value
    covering = _ReachByMatrix(problem.cover, w, problem.covered_before, people=model == "coverage")
    if model == "coverage":
        chosen, _gains = _one_at_a_time(n_cols, covering.gain, covering.take, count, stop_when_nothing=True)
        return chosen, float(w[covering.covered].sum())
    chosen, _gains = _one_at_a_time(n_cols, covering.gain, covering.take, n_cols, stop_when_nothing=True, finished=covering.everyone)
    return chosen, float(len(chosen))


def _read_out(problem: _Problem, chosen_cols: np.ndarray, solved: _Solved):
    """Per demand: facility (candidate index, -2-k existing, -1 none), its distance, people served after and before."""
    if problem.model == "capacitated":
        return _read_out_flows(problem, solved)
    model, columns, near_ex = problem.model, problem.columns, problem.near_ex
    open_col = np.zeros(len(columns), dtype=bool)
    open_col[chosen_cols] = True
    facility = np.where(np.isfinite(near_ex), -2 - problem.near_ex_idx, -1)
    fdist = np.where(np.isfinite(near_ex), near_ex, np.nan)
    source = problem.cand_pairs if model == "p_median" else problem.within
    sel = open_col[source.j]
    order = np.lexsort((source.j[sel], source.d[sel], source.i[sel]))
    si, sj, sd = source.i[sel][order], source.j[sel][order], source.d[sel][order]
    firsts = np.r_[True, si[1:] != si[:-1]] if len(si) else np.zeros(0, dtype=bool)
    for i, j, d in zip(si[firsts], sj[firsts], sd[firsts]):
        if not d >= fdist[i]:  # a new site nearer than the nearest existing one (or none)
            facility[i] = columns[j]
            fdist[i] = d
    if model != "p_median":  # only facilities within the distance serve
        far = ~(fdist <= problem.distance)
        facility[far] = -1
        fdist[far] = np.nan
    served_after = np.where(fdist <= problem.distance, problem.w, 0.0)
    served_before = np.where(problem.covered_before, problem.w, 0.0)
    return facility, fdist, served_after, served_before


def _read_out_flows(problem: _Problem, solved: _Solved):
    """:func:`_read_out` of the capacitated model, from the solver's flows: each demand's facility is the one that
    takes in most of its people."""
    n, w, columns = len(problem.w), problem.w, problem.columns
    demand_, sites_, people_ = solved.flows
    served_after = np.bincount(demand_, weights=people_, minlength=n)
    served_after = np.minimum(served_after, w)
    main = np.full(n, -1, dtype=np.int64)
    best = np.zeros(n)
    for i, s, p in zip(demand_, sites_, people_):
        if p > best[i] + 1e-9:
            best[i] = p
            main[i] = columns[s] if s >= 0 else s
    facility = main
    fdist = np.full(n, np.nan)
    for pairs_, is_new in ((problem.within, True), (problem.existing_pairs, False)):
        for i, j, d in zip(pairs_.i, pairs_.j, pairs_.d):
            target = columns[j] if is_new else -2 - j
            if facility[i] == target:
                fdist[i] = d
    served_before = np.zeros(n)
    if solved.flows_before is not None:
        demand_b, _sites_b, people_b = solved.flows_before
        served_before = np.minimum(np.bincount(demand_b, weights=people_b, minlength=n), w)
    return facility, fdist, served_after, served_before


# what is sited: the profile key of its service distance, and its refuge period for the area per person (shelters)
CATEGORY_RULES = {
    "emergency_shelter": ("shelter.emergency_walk_distance", "emergency"),
    "short_term_shelter": ("shelter.short_term_walk_distance", "short_term"),
    "long_term_shelter": ("shelter.long_term_walk_distance", "long_term"),
    "fire_station": ("fire.proxy_distance", None),
    "police_station": ("police.proxy_distance", None),
    "clinic": ("life_circle.radius_default", None),
    "hospital": ("health.hospital_service_distance", None),
    "reserve_depot": ("reserves.depot_service_distance", None),
    "custom": (None, None),
}


def category_defaults(profile, category: str, chinese: bool = False) -> Tuple[Optional[float], Optional[float], str]:
    """(service distance in m, effective shelter area per person in m², source) of a siting category from the
    profile; None where the category has none (a custom service; anything but a shelter for the area). The source
    names the profile key and where its value comes from (in Chinese when ``chinese`` and the profile says it)."""
    if category not in CATEGORY_RULES:
        raise CoreError(QT_TRANSLATE_NOOP("Core", "Unknown siting category '{0}'; one of {1}."), category, ", ".join(CATEGORY_RULES))
    key, period = CATEGORY_RULES[category]
    distance = float(profile.value(key)) if key else None
    source = f"{key}: {profile.source(key, chinese)}" if key else ""
    area = None
    if period:
        area = float(profile.value("shelter.area_per_person_by_period")[period])
    return distance, area, source


def distance_confidence(profile, category: str) -> str:
    """The confidence of the profile's service distance for ``category`` ("plan", "A" … "C", "assumption"), or ""
    where it has none (a custom service)."""
    key = CATEGORY_RULES.get(category, (None, None))[0]
    return profile.quantity(key).confidence if key else ""


# confidences of a profile value that is a guide, not a rule of the plan or a standard: a run says so
LOW_CONFIDENCE = ("C", "assumption")


_PERSON_WORDS = ("人", "person", "people", "capacity_p", "容纳", "容量")
_AREA_UNITS = ("平方米", "平米", "m2", "m²", "㎡", "公顷", "hm", "ha", "亩", "平方公里", "平方千米", "km")


def capacities(values: Sequence, field_name: str = "", unit: str = "auto", area_per_person: Optional[float] = None):
    """Capacities in persons from values as written: ``2.5万平方米``, ``1.2万人``, ``3000``, ``0.8公顷``.

    A value that names its unit is read in it (人: persons; 平方米, ㎡, 公顷, 亩 …: area). A bare number is read as
    ``unit`` says: "persons", "area" (m², or as the field's name declares: ``面积(公顷)``), or "auto": persons when
    the field's name speaks of people (人, 容纳, capacity_p …), shelter area otherwise. An area becomes persons by
    ``area_per_person`` (m² each, GB 51143's effective area by refuge period).

    Returns (persons per value, NaN where unreadable or empty; positions unreadable; positions read as area)."""
    import unicodedata

    from .numbers import field_unit, parse_number

    name = unicodedata.normalize("NFKC", str(field_name or "")).lower()
    bare_as = unit
    if unit == "auto":
        bare_as = "persons" if any(word in name for word in _PERSON_WORDS) else "area"
    out = np.full(len(values), np.nan)
    unreadable, as_area = [], []
    for k, value in enumerate(values):
        if value is None or (hasattr(value, "isNull") and value.isNull()) or (isinstance(value, str) and not value.strip()):
            continue
        text = unicodedata.normalize("NFKC", str(value)).lower()
        if isinstance(value, str) and any(word in text for word in _PERSON_WORDS[:3]):
            kind = "persons"
        elif isinstance(value, str) and any(u in text for u in _AREA_UNITS):
            kind = "area"
        else:
            kind = bare_as
        number = parse_number(value, "count" if kind == "persons" else "area")
        if number is None or number < 0:
            unreadable.append(k)
            continue
        if kind == "area":
            if not isinstance(value, str) or not any(u in text for u in _AREA_UNITS):
                number *= field_unit(field_name, "area")
            if not area_per_person:
                raise CoreError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "Field '{0}' holds shelter area; reading it as people needs an area per person: site a shelter "
                        "category, or give capacities in persons.",
                    ),
                    field_name,
                )
            number /= area_per_person
            as_area.append(k)
        out[k] = number
    return out, unreadable, as_area


def responsibility_zones(demand: Sequence, facility: np.ndarray, distance: Optional[float] = None):
    """Each facility's responsibility zone (责任区): the area of the demand it serves. Polygon demand is dissolved
    by facility; point demand stands for its Voronoi cell among all demand points, cut to ``distance`` around the
    point when given. Returns (facility keys as in :class:`Siting`, one (multi)polygon each), facilities in key
    order; demand served by none (-1) has no zone."""
    from .geometry import present_mask

    demand = np.asarray(demand, dtype=object)
    facility = np.asarray(facility, dtype=np.int64)
    present = present_mask(demand) & (facility != -1)
    if not present.any():
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=object)
    areas = np.full(len(demand), None, dtype=object)
    kinds = shapely.get_type_id(demand[present])
    idx = np.nonzero(present)[0]
    polygonal = idx[np.isin(kinds, (3, 6))]
    areas[polygonal] = demand[polygonal]
    pointy = idx[~np.isin(kinds, (3, 6))]
    if len(pointy):
        from .geometry import representative_points

        every = np.nonzero(present_mask(demand))[0]
        seeds = representative_points(demand[every])
        hull = shapely.convex_hull(shapely.multipoints(seeds))
        extent = shapely.buffer(hull, distance if distance else max(1.0, np.sqrt(max(shapely.area(shapely.envelope(hull)), 1.0))))
        cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=extent))
        tree = shapely.STRtree(cells)
        points = representative_points(demand[pointy])
        pi, ci = tree.query(points, predicate="within")
        cell_of = np.full(len(pointy), -1, dtype=np.int64)
        cell_of[pi] = ci  # a point on a cell edge falls in one of them: the last found
        for k, d in enumerate(pointy):
            if cell_of[k] < 0:
                pi2 = tree.query_nearest(points[k])
                cell_of[k] = int(pi2[0])
            cell = shapely.intersection(cells[cell_of[k]], extent)
            if distance:
                cell = shapely.intersection(cell, shapely.buffer(points[k], distance, quad_segs=16))
            areas[d] = cell
    keys = np.unique(facility[present])
    zones = np.array([shapely.union_all(areas[present & (facility == key)]) for key in keys], dtype=object)
    return keys, zones


@dataclass
class BySource:
    """A siting solved on pieces of people (:mod:`.population`), per source feature: its ``people``, those served
    before and after (``served_before``, ``served_after``) and their ``share_before`` / ``share_after`` (NaN where it
    has nobody); ``facility``, the facility that serves the most of its people after (as :class:`Siting`'s; -1: none)
    and ``facility_distance``, the people-weighted mean distance to their facility of those served (NaN: none);
    ``unplaced``: True where none of its pieces could be placed (see :class:`Siting`); ``placed_people``, the people
    of its pieces that could: the shares are of those, the others neither served nor unserved."""

    people: np.ndarray
    served_before: np.ndarray
    served_after: np.ndarray
    share_before: np.ndarray
    share_after: np.ndarray
    facility: np.ndarray
    facility_distance: np.ndarray
    unplaced: np.ndarray
    placed_people: np.ndarray


def by_source(result: Siting, source: np.ndarray, people: np.ndarray, n: int) -> BySource:
    """``result`` (solved with one demand per piece; ``source``: each piece's feature, ``people`` its people) per
    source feature of ``n``."""
    source = np.asarray(source, dtype=np.int64)
    people = np.asarray(people, dtype=float)
    total = np.bincount(source, weights=people, minlength=n)
    before = np.bincount(source, weights=result.served_before, minlength=n)
    after = np.bincount(source, weights=result.served_after, minlength=n)
    placed = ~result.unplaced_of(len(source))
    placed_people = np.bincount(source, weights=np.where(placed, people, 0.0), minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        share_b = np.where(placed_people > 0, before / placed_people, np.nan)
        share_a = np.where(placed_people > 0, after / placed_people, np.nan)
        served = np.isfinite(result.facility_distance) & (result.served_after > 0)
        weight = np.bincount(source[served], weights=result.served_after[served], minlength=n)
        dist = np.bincount(source[served], weights=(result.served_after * np.nan_to_num(result.facility_distance))[served], minlength=n)
        mean = np.where(weight > 0, dist / weight, np.nan)
    facility = np.full(n, -1, dtype=np.int64)
    has = np.nonzero(result.facility != -1)[0]
    if len(has):  # per source, the facility that serves the most of its people
        key = np.unique(np.c_[source[has], result.facility[has]], axis=0, return_inverse=True)
        pairs, inverse = key[0], key[1].ravel()
        load = np.bincount(inverse, weights=np.maximum(result.served_after[has], 1e-12))
        order = np.lexsort((-load, pairs[:, 0]))
        first = order[np.r_[True, pairs[order, 0][1:] != pairs[order, 0][:-1]]]
        facility[pairs[first, 0]] = pairs[first, 1]
    unplaced = np.bincount(source, weights=placed.astype(float), minlength=n) == 0
    return BySource(total, before, after, share_b, share_a, facility, mean, unplaced, placed_people)

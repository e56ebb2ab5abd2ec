"""scipy's MILP solver (HiGHS), with the one guard every model of the plugin needs: HiGHS's presolve can call a
feasible model infeasible (a capacitated siting case did). A model that a known point satisfies (by default the zero
vector: opening nothing, placing nobody) is solved again without presolve before "infeasible" is believed."""

import numpy as np


def milp_checked(c, constraints, integrality, bounds, options: dict, feasible=None):
    """``scipy.optimize.milp(c, constraints=..., integrality=..., bounds=..., options=...)``; when it says infeasible
    although ``feasible`` (default: zeros) satisfies every constraint and bound, solved again with presolve off."""
    from scipy.optimize import milp

    res = milp(c, constraints=constraints, integrality=integrality, bounds=bounds, options={**options, "presolve": True})
    if res.status == 2 and _satisfies(np.zeros(len(c)) if feasible is None else np.asarray(feasible, dtype=float), constraints, bounds):
        res = milp(c, constraints=constraints, integrality=integrality, bounds=bounds, options={**options, "presolve": False})
    return res


def _satisfies(x, constraints, bounds, tol: float = 1e-9) -> bool:
    if not (np.all(x >= np.asarray(bounds.lb) - tol) and np.all(x <= np.asarray(bounds.ub) + tol)):
        return False
    for con in constraints:
        ax = con.A @ x
        if not (np.all(ax >= np.asarray(con.lb) - tol) and np.all(ax <= np.asarray(con.ub) + tol)):
            return False
    return True

"""Properties of unit scoring on random indicator values (hypothesis): scores, dimensions and indicator scores
stay in 0–10 whatever the values (missing, equal, huge, negative), ranks are a permutation, the class agrees
with the breaks, and a unit that is worse on every hazard and vulnerability indicator and no better on capacity
never scores lower."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from resilience_plugin.core import scoring as sc
from resilience_plugin.core.profile import load_profile

PROFILE = load_profile()
WEIGHTS = PROFILE.value("scoring.dimensions")
BREAKS = PROFILE.value("scoring.class_breaks")
MARGIN = PROFILE.value("scoring.type_margin")

values = st.one_of(st.floats(-1e6, 1e9, allow_nan=False), st.just(float("nan")), st.just(0.0))


@st.composite
def indicator_table(draw):
    n = draw(st.integers(2, 30))
    keys = draw(st.sets(st.sampled_from(list(sc.INDICATORS)), min_size=1))
    return {k: draw(arrays(np.float64, n, elements=values)) for k in sorted(keys)}


def _weighed(raw) -> dict:
    """The indicators of ``raw`` that the profile weighs above 0 (transfer_share weighs 0: shown, not scored)."""
    return {k: v for k, v in raw.items() if float(WEIGHTS[sc.INDICATORS[k][0]].get(k, 0.0)) > 0}


@settings(max_examples=150, deadline=None)
@given(indicator_table())
def test_scores_stay_in_0_10_and_ranks_are_a_permutation(raw):
    if not _weighed(raw):
        with pytest.raises(sc.ScoringError, match="all weigh 0"):  # said, not a score from nothing
            sc.score(raw, WEIGHTS, BREAKS, MARGIN)
        return
    if not any(np.isfinite(v).any() for v in _weighed(raw).values()):
        with pytest.raises(sc.ScoringError, match="no unit has a value"):  # said clearly, not a numpy error
            sc.score(raw, WEIGHTS, BREAKS, MARGIN)
        return
    result = sc.score(raw, WEIGHTS, BREAKS, MARGIN)
    n = len(next(iter(raw.values())))
    assert np.all((result.score >= 0) & (result.score <= 10 + 1e-9))
    for dim in sc.DIMENSIONS:
        d = result.dimensions[dim]
        assert np.all(np.isnan(d) | ((d >= -1e-9) & (d <= 10 + 1e-9)))
    for k, s in result.normalised.items():
        assert np.all(np.isnan(s) | ((s >= -1e-9) & (s <= 10 + 1e-9))), k
    assert sorted(result.rank.tolist()) == list(range(1, n + 1))
    for s, c in zip(result.score, result.klass):
        assert c == sc.CLASSES[int(np.searchsorted(BREAKS, s, side="right"))]
    assert set(result.unit_type) <= set(sc.TYPES)


@settings(max_examples=100, deadline=None)
@given(indicator_table(), st.integers(0, 29), st.integers(0, 29))
def test_a_unit_worse_on_everything_never_scores_lower(raw, a, b):
    if not _weighed(raw):
        return  # nothing weighs: no score (the test above checks that it is said)
    n = len(next(iter(raw.values())))
    a, b = a % n, b % n
    for k, v in raw.items():
        worse = sc.INDICATORS[k][1]
        if not (np.isfinite(v[a]) and np.isfinite(v[b])):
            v[a] = v[b] = 1.0  # both known, so that the comparison is fair
        hi, lo = max(v[a], v[b]), min(v[a], v[b])
        v[a], v[b] = (hi, lo) if worse else (lo, hi)  # unit a: more hazard and vulnerability, less capacity
    result = sc.score(raw, WEIGHTS, BREAKS, MARGIN)  # every indicator has its two values now
    assert result.score[a] >= result.score[b] - 1e-9

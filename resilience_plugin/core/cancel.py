"""Cancellation and progress, shared by core and the QGIS adapters (no QGIS here)."""


class Cancelled(Exception):  # noqa: N818 - not an error: the user asked for it
    """The user cancelled the work. Whoever started it removes what was half done and says so; it is not an error."""


def check(canceled) -> None:
    """Raise :class:`Cancelled` when ``canceled()`` (a callable, or None for work that cannot be cancelled) says so."""
    if canceled is not None and canceled():
        raise Cancelled()


def interruptible(fn, canceled, poll: float = 0.1):
    """``fn()``, run on a worker thread while this one checks ``canceled()`` every ``poll`` seconds.

    For one long call that cannot check for cancel itself (a single GEOS operation over a whole layer; shapely
    releases the GIL). On cancel, :class:`Cancelled` is raised at once; the abandoned call finishes in the
    background and its result is dropped."""
    if canceled is None:
        return fn()
    import threading

    box = {}

    def work():
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc

    worker = threading.Thread(target=work, name="resilience-interruptible", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(poll)
        if worker.is_alive() and canceled():
            raise Cancelled()
    if "error" in box:
        raise box["error"]
    return box.get("value")


def reporter(progress, start: float = 0.0, span: float = 1.0):
    """A ``report(fraction)`` that passes ``start + span * fraction`` (fraction clamped to 0…1) to ``progress``, a
    callable taking 0…1 or None for work whose progress nobody follows."""

    def report(fraction: float) -> None:
        if progress is not None:
            progress(start + span * min(max(float(fraction), 0.0), 1.0))

    return report

"""Messages of core's errors, in English and translatable, without Qt.

Core never imports qgis, so it cannot translate. Its errors carry a :class:`Message`: an English template, marked
with :func:`QT_TRANSLATE_NOOP` so that ``make transup`` (pylupdate5) collects it under the context ``Core``, and the
values that fill it. ``str()`` of the error is the English text; the QGIS side shows
``resilience_plugin.qgisside.translation.core_message(error)``, the same message in the user's language.
"""

from dataclasses import dataclass
from typing import Callable, Optional, Type

CONTEXT = "Core"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pylupdate5 collects
    """Marks ``text`` for translation under ``context``; returns it unchanged."""
    return text


def _same(text: str) -> str:
    return text


class Message:
    """A template with ``{0}``, ``{1}`` … and its values; a value may itself be a Message."""

    def __init__(self, template: str, *values):
        self.template, self.values = template, values

    def text(self, tr: Callable[[str], str] = _same) -> str:
        """The message, with each template passed through ``tr`` (identity: English)."""
        values = [v.text(tr) if isinstance(v, Message) else v for v in self.values]
        return tr(self.template).format(*values) if values else tr(self.template)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Message({self.text()!r})"


class CoreError(ValueError):
    """An error of core: ``message`` says, in a translatable form, what is wrong and names the key, layer or field."""

    def __init__(self, template, *values):
        self.message = template if isinstance(template, Message) else Message(template, *values)
        super().__init__(self.message.text())


@dataclass
class Note:
    """Something an analysis tells its user: ``level`` is "info" or "warning", ``message`` a translatable
    :class:`Message` (``str()`` gives the English)."""

    level: str
    message: Message


def refuse_most_left_out(left_out: int, total: int, max_share: Optional[float], error: Type[CoreError], template: str, *values):
    """Raise ``error(template, *values)`` when more than ``max_share`` of ``total`` (the profile's
    quality.left_out_max_share; None: never) are ``left_out``: a run that leaves most of a layer off the network, or
    out in any other way, does not finish as if nothing had happened (issue 29). Each analysis says in its own words
    what was left out, and why."""
    if max_share is not None and total > 0 and left_out / total > max_share:
        raise error(template, *values)

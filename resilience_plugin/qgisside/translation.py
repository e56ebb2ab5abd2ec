"""Translation helpers.

pylupdate5 (``make transup``) records ``self.tr("...")`` under the name of the class the
call is written in, and ``translate("Ctx", "...")`` under its literal context. So classes
translate with ``type(self).__name__`` and call ``self.tr`` only in leaf classes, and
module-level code calls ``translate("Resilience", "...")`` with the literal context.
``tests/test_i18n.py`` checks both rules and that every string has a translation.
"""

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ..core.messages import CONTEXT as CORE_CONTEXT
from ..core.messages import Message
from ..core.paths import i18n_dir

CONTEXT = "Resilience"


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def core_message(error: BaseException) -> str:
    """An error's message in the user's language: core's errors carry a :class:`Message` whose templates are
    translated under the context ``Core``; any other error gives its own text."""
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return message.text(lambda text: translate(CORE_CONTEXT, text))
    return str(error)


def core_text(template: str) -> str:
    """A core template marked with ``QT_TRANSLATE_NOOP("Core", …)`` (a table entry, not an error), translated."""
    return translate(CORE_CONTEXT, template)


def indicator_label(key: str) -> str:
    """The translated name of an indicator (the alias of its i_* field): core.scoring.INDICATOR_NAMES."""
    from ..core.scoring import INDICATOR_NAMES

    return core_text(INDICATOR_NAMES[key])


# The translated names of core.scoring's classes and types, for the algorithm's fields, the dock, the report and the
# legend. Kept under the context of the algorithm that first showed them, so the .ts entries did not move.
def class_label(klass: str) -> str:
    """The translated name of a risk class (one of core.scoring.CLASSES), for the dock, the report and the legend."""
    return {
        "very low": translate("ScoreUnitsAlgorithm", "Very low"),
        "low": translate("ScoreUnitsAlgorithm", "Low"),
        "medium": translate("ScoreUnitsAlgorithm", "Medium"),
        "high": translate("ScoreUnitsAlgorithm", "High"),
        "very high": translate("ScoreUnitsAlgorithm", "Very high"),
    }[klass]


def type_label(kind: str) -> str:
    """The translated name of a unit type (one of core.scoring.TYPES)."""
    return {
        "hazard-led": translate("ScoreUnitsAlgorithm", "Hazard-led"),
        "vulnerability-led": translate("ScoreUnitsAlgorithm", "Vulnerability-led"),
        "capacity-gap": translate("ScoreUnitsAlgorithm", "Capacity gap"),
        "balanced": translate("ScoreUnitsAlgorithm", "Balanced"),
    }[kind]


def speaks_chinese() -> bool:
    """Whether the plugin's Chinese translation is installed: the marker "en" is translated "zh" in zh_CN.ts. Texts
    that come from the plan profile, not from the code (the measures), are then taken in their Chinese form."""
    return translate("Resilience", "en") == "zh"


def qgis_locale() -> str:
    """The locale QGIS runs in: the user's override when set, else the system's."""
    settings = QgsSettings()
    locale = settings.value("locale/userLocale", "", type=str)
    if not settings.value("locale/overrideFlag", False, type=bool) or not locale:
        locale = QLocale.system().name()
    return locale or "en"


def install_translator(locale: str = ""):
    """Install the plugin's translator for ``locale``; returns it, or None for English."""
    locale = locale or qgis_locale()
    candidates = [locale, locale.split("_")[0]]
    if locale.lower().startswith("zh") and locale not in ("zh_TW", "zh_HK"):
        candidates.insert(0, "zh_CN")
    for name in candidates:
        qm = i18n_dir() / f"resilience_plugin_{name}.qm"
        if qm.is_file():
            translator = QTranslator()
            if translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                return translator
    return None


def remove_translator(translator) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)

"""Translation helpers.

Every user-visible string goes through :func:`translate` with the literal context
"Resilience", so that ``pylupdate5`` (``make transup``) records the context the
runtime looks up. ``tests/test_i18n.py`` checks that the .ts file has only that context.
"""

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .core.paths import i18n_dir

CONTEXT = "Resilience"


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


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

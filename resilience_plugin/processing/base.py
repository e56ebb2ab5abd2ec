"""The base of every Resilience Planner algorithm (QGIS core Processing skeleton)."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core.paths import resources_dir
from ..translation import translate


class ResilienceAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``GROUP_ID`` and implement the usual methods; ``_group_name`` is translated."""

    GROUP_ID = ""
    # sample-city layers drawn under this algorithm's outputs in the demo report (top first)
    DEMO_BACKDROP = ("districts",)

    def tr(self, text: str) -> str:
        """Translate with the concrete class's name as context, as pylupdate5 records it.

        Call ``self.tr`` only in leaf classes; base classes use ``translate("Resilience", ...)``.
        """
        return translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802 - QGIS API
        return type(self)()

    def icon(self) -> QIcon:
        own = resources_dir() / "icons" / f"{self.name()}.svg"
        return QIcon(str(own if own.is_file() else resources_dir() / "icons" / "icon.svg"))

    def groupId(self) -> str:  # noqa: N802 - QGIS API
        return self.GROUP_ID

    def helpUrl(self) -> str:  # noqa: N802 - QGIS API
        return (resources_dir() / "help" / "index.html").as_uri()

    PROFILE = "PROFILE"

    def add_with_help(self, param, help_text: str) -> None:
        """Add ``param`` with its help text; a parameter defined twice is a programming error."""
        param.setHelp(help_text)
        if not self.addParameter(param):
            raise ValueError(f"{self.name()}: parameter {param.name()} is defined twice")

    def add_profile_parameter(self) -> None:
        """The optional PROFILE parameter; new runs default to the profile chosen in the Plan profile dialog."""
        from qgis.core import QgsProcessingParameterFile

        from ..compat import FILE_BEHAVIOR_FILE
        from ..settings import active_profile_path

        param = QgsProcessingParameterFile(
            self.PROFILE,
            translate("Resilience", "Plan profile"),
            behavior=FILE_BEHAVIOR_FILE,
            extension="json",
            optional=True,
            defaultValue=active_profile_path() or None,
        )
        self.add_with_help(param, translate("Resilience", "A plan profile file (JSON). Empty: the built-in Beijing profile."))

    def demo_parameters(self, sample_gpkg: str) -> dict:
        """Parameters that run this algorithm on the sample city (``make demo``); outputs are added by the demo."""
        raise NotImplementedError(f"{self.id()} declares no demo parameters")

    @staticmethod
    def load_profile_or_raise(path: str):
        """The plan profile at ``path`` (built-in when empty), or a QgsProcessingException naming the key."""
        from ..core.profile import ProfileError, load_profile

        try:
            return load_profile(path or None)
        except ProfileError as exc:
            raise QgsProcessingException(str(exc)) from None

    def optional_field(self, parameters, key, context, source, label, layer, feedback) -> str:
        """The chosen field; a default that the layer lacks is dropped with a note, a named one must exist."""
        from .io import field_index

        name = self.parameterAsString(parameters, key, context)
        if not name:
            return ""
        if source.fields().lookupField(name) < 0 and not parameters.get(key):
            feedback.pushInfo(translate("Resilience", "{0}: layer '{1}' has no field '{2}'; not used.").format(label, layer, name))
            return ""
        field_index(source, name, label, layer)
        return name

    def layer_name(self, parameters, key, context, source) -> str:
        """The layer's name as the user sees it (or the source's name)."""
        layer = self.parameterAsVectorLayer(parameters, key, context)
        return layer.name() if layer is not None else (source.sourceName() or key)

    def read_facilities(self, parameters, context, feedback, crs, profile, key, category_key, extra_keys=(), progress_span=(0.0, 0.0)):
        """The facilities of parameter ``key`` classified by the profile's vocabulary, or None when not given.

        Returns (read layer, layer name, vocabulary, category column per facility, chosen extra field names);
        the read attributes are the category, then the ``extra_keys`` fields (None where a field is not used).
        Categories outside the vocabulary count as "other" and are listed in the log.
        """
        from ..core.lifecircles import Vocabulary
        from .io import field_index, read_source

        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            return None
        name = self.layer_name(parameters, key, context, source)
        category = self.parameterAsString(parameters, category_key, context)
        if not category:
            raise QgsProcessingException(
                translate("Resilience", "Choose the field of layer '{0}' that holds the facility category.").format(name)
            )
        field_index(source, category, translate("Resilience", "Facility category field"), name)
        extras = [
            self.optional_field(parameters, k, context, source, self.parameterDefinition(k).description(), name, feedback)
            for k in extra_keys
        ]
        read = read_source(
            source,
            name,
            crs,
            context,
            feedback,
            fields=[category] + [e or "" for e in extras],
            keep_null=False,
            progress_span=progress_span,
        )
        read.report(feedback)
        vocab = Vocabulary.from_profile(profile)
        column, unknown = vocab.classify([a[0] for a in read.attributes])
        if unknown:
            feedback.pushWarning(
                translate(
                    "Resilience", "{0}: {1} facility(ies) in categories outside the profile's vocabulary, counted as 'other': {2}"
                ).format(name, sum(unknown.values()), ", ".join(f"{k} ({v})" for k, v in unknown.most_common(20)))
            )
        return read, name, vocab, column, extras

    @staticmethod
    def style_output(context, dest: str, kind: str) -> None:
        """Style the output ``dest`` as ``kind`` (see styles.output_styler) when Processing loads it."""
        if context.willLoadLayerOnCompletion(dest):
            from ..styles import output_styler

            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(output_styler(kind))

    def source_or_raise(self, parameters, key, context, expected=None, label: str = ""):
        """The feature source of ``key`` and its name; an error names a layer that is missing, empty or of the wrong kind."""
        from qgis.core import QgsWkbTypes

        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, key))
        name = self.layer_name(parameters, key, context, source)
        if source.featureCount() == 0:
            raise QgsProcessingException(translate("Resilience", "Layer '{0}' has no features.").format(name))
        if expected is not None:
            kind = QgsWkbTypes.geometryType(source.wkbType())
            if kind not in expected:
                raise QgsProcessingException(
                    translate("Resilience", "{0}: layer '{1}' holds {2}; {3} expected.").format(
                        label or key, name, QgsWkbTypes.geometryDisplayString(kind), " / ".join(_kind_names(expected))
                    )
                )
        return source, name


def _kind_names(kinds):
    from ..compat import GEOMETRY_LINE, GEOMETRY_POINT, GEOMETRY_POLYGON

    names = {
        GEOMETRY_POINT: translate("Resilience", "points"),
        GEOMETRY_LINE: translate("Resilience", "lines"),
        GEOMETRY_POLYGON: translate("Resilience", "polygons"),
    }
    return [names.get(k, str(k)) for k in kinds]

"""The base of every Resilience Planner algorithm (QGIS core Processing skeleton)."""

import sqlite3

import numpy as np
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core.paths import resources_dir
from ..qgisside.compat import OPTIONAL_FLAG
from ..qgisside.io import display_name, sink_values, text
from ..qgisside.translation import core_message, translate


class OutputSink:
    """A feature sink of one run, which the run can close and discard (see ``ResilienceAlgorithm.processAlgorithm``).

    Algorithms hold this handle, never the QGIS sink itself, so that closing the handle really closes the file."""

    def __init__(self, algorithm, parameters, key: str, sink, dest: str):
        self._algorithm, self._parameters, self.key, self._sink, self.dest = algorithm, parameters, key, sink, dest
        self._layer = None  # the layer whose provider is written to after reopen()
        self.before = 0  # features the destination held before this run (an output appended to an existing table)

    def addFeatures(self, features, flags=None):  # noqa: N802 - QgsFeatureSink API
        if self._layer is not None:  # a reopened table: its provider's fields (a GeoPackage's fid first), by name
            return self._add_to_provider(features)
        return self._sink.addFeatures(features, flags) if flags is not None else self._sink.addFeatures(features)

    def _add_to_provider(self, features) -> bool:
        from qgis.core import QgsFeature

        fields = self._layer.fields()
        out = []
        for f in features:
            g = QgsFeature(fields)
            g.setAttributes(sink_values([f[name] if f.fields().lookupField(name) >= 0 else None for name in fields.names()]))
            if f.hasGeometry():
                g.setGeometry(f.geometry())
            out.append(g)
        ok, _added = self._sink.addFeatures(out)
        return ok

    def addFeature(self, feature, flags=None):  # noqa: N802 - QgsFeatureSink API
        feature.setAttributes(sink_values(feature.attributes()))  # NULL as NULL in PostGIS: see sink_values
        return self._sink.addFeature(feature, flags) if flags is not None else self._sink.addFeature(feature)

    def failed(self) -> QgsProcessingException:
        """The exception for a refused write, naming the output and the writer's error."""
        said = self._algorithm.writeFeatureError(self._sink, self._parameters, self.key)
        cause = self._sink.lastError() if hasattr(self._sink, "lastError") else ""
        if not cause:
            try:
                from osgeo import gdal

                cause = gdal.GetLastErrorMsg()
            except ImportError:
                cause = ""
        return QgsProcessingException(f"{said} ({self.dest}{': ' + cause if cause else ''})")

    def close(self) -> None:
        """Flush and close the output (the QGIS sink is deleted with its last reference)."""
        self._sink = self._layer = None

    def reopen(self, uri: str) -> None:
        """Write on through the OGR provider of ``uri``, the closed output's own table (see ``write_output``)."""
        from qgis.core import QgsVectorLayer

        self._layer = QgsVectorLayer(uri, "", "ogr")
        if not self._layer.isValid():
            raise QgsProcessingException(translate("Resilience", "Could not open the output {0} to write to it.").format(uri))
        self._sink = self._layer.dataProvider()


class ResilienceAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``GROUP_ID``, implement ``process`` (not ``processAlgorithm``) and the usual methods.

    ``processAlgorithm`` runs ``process`` and closes its outputs. When the run is cancelled or fails, it deletes the
    outputs already created (file, GeoPackage table, PostGIS table or memory layer), so that no half-written layer is
    left behind or loaded. A cancelled run returns no results and says "Cancelled: no output was written." in the
    log; a failed one raises its QgsProcessingException."""

    GROUP_ID = ""
    # Memory (see core.memory): the peak this algorithm is built for, in MB, and its estimate of a run's peak in MB
    # per 1,000 features of each layer input. Both come from `make bench` at Beijing scale; the docstring says so.
    MEMORY_CEILING_MB = 0  # 0: no ceiling stated
    MEMORY_MB_PER_1000: dict = {}
    # sample-city layers drawn under this algorithm's outputs in the demo report (top first)
    DEMO_BACKDROP = ("districts",)
    # pairs of layer parameters that one layer cannot fill both of (corridors and faults, units and facilities …)
    DISTINCT_INPUTS: tuple = ()
    # required layer parameter -> its role (core.fields.LAYER_ROLES): the dialog pre-fills it with the project layer
    # whose name, table or fields say it plays that role, never one layer for two parameters
    LAYER_ROLES: dict = {}
    # field parameter -> its role, where this algorithm's key means something else than FIELD_ROLES says
    FIELD_ROLES: dict = {}

    def tr(self, text: str) -> str:
        """Translate with the concrete class's name as context, as pylupdate5 records it.

        Call ``self.tr`` only in leaf classes; base classes use ``translate("Resilience", ...)``.
        """
        return translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802 - QGIS API
        return type(self)()

    def addParameter(self, parameter, createOutput=True):  # noqa: N802 - QGIS API
        """As QGIS's, and a required layer input of ``LAYER_ROLES`` gets as default the project layer that plays its
        role (only required ones: an optional input left out of a script must stay out)."""
        role = self.LAYER_ROLES.get(parameter.name())
        if role and not (parameter.flags() & OPTIONAL_FLAG) and parameter.defaultValue() in (None, "") and _on_main_thread():
            guess = self._project_layer_for(role, parameter)
            if guess:
                parameter.setDefaultValue(guess)
                self._prefilled_params = {**getattr(self, "_prefilled_params", {}), parameter.name(): guess}
        elif parameter.type() == "field":
            self._prefill_field(parameter)
        return super().addParameter(parameter, createOutput)

    def _prefill_field(self, parameter) -> None:
        """A field parameter of a pre-filled layer defaults to the field a planner would pick (its role's guess) when
        its own default is not a field of that layer."""
        from qgis.core import QgsProject

        from ..core.fields import guess_field

        layer_id = getattr(self, "_prefilled_params", {}).get(parameter.parentLayerParameterName())
        role = self.FIELD_ROLES.get(parameter.name()) or FIELD_ROLES.get(parameter.name())
        layer = QgsProject.instance().mapLayer(layer_id) if layer_id and role else None
        if layer is None or parameter.defaultValue() in layer.fields().names():
            return
        guess = guess_field(role, layer.fields().names())
        if guess:
            parameter.setDefaultValue(guess)

    def _project_layer_for(self, role: str, parameter) -> str:
        """The id of the layer of the current project that plays ``role`` and fits ``parameter``'s geometry, or ""."""
        from qgis.core import QgsProject, QgsVectorLayer

        from ..core.fields import guess_layer

        taken = getattr(self, "_prefilled", set())
        kinds = set(parameter.dataTypes()) if hasattr(parameter, "dataTypes") else set()
        candidates = []
        for layer in QgsProject.instance().mapLayers().values():
            if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
                continue
            if kinds and not kinds & _source_types(layer):
                continue
            table = layer.source().split("layername=")[1].split("|")[0] if "layername=" in layer.source() else ""
            candidates.append((layer.id(), f"{layer.name()} {table}", layer.fields().names()))
        guess = guess_layer(role, candidates, list(taken)) or ""
        if guess:
            taken.add(guess)
            self._prefilled = taken
        return guess

    def process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError(f"{self.id()} does not implement process()")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        from ..core.memory import collection_paused

        self._run = (parameters, context, feedback)  # for write_output, during this run only
        try:
            # NaN is "not assessed" throughout: numpy's and shapely's "invalid value" warnings about it (for example
            # from line_locate_point) are no news to a planner and stay out of QGIS's log (issue 29)
            with collection_paused(), np.errstate(invalid="ignore", divide="ignore"):
                return self._run_process(parameters, context, feedback)
        finally:
            # no reference to the run's context or feedback outlives it: an algorithm instance that QGIS keeps
            # would otherwise keep them to the interpreter's exit, after QGIS itself is gone
            self._run = None
            self._outputs = []
            from ..qgisside.io import set_left_out_max

            set_left_out_max(None)

    def _run_process(self, parameters, context, feedback):
        from ..core.cancel import Cancelled
        from ..core.messages import CoreError

        self._outputs = []
        self.refuse_one_layer_in_two_roles(parameters, context)
        self._files = self._file_outputs(parameters, context)
        self.warn_about_memory(parameters, context, feedback)
        try:
            results = self.process(parameters, context, feedback)
            cancelled = feedback is not None and feedback.isCanceled()
        except Cancelled:
            cancelled = True
        except CoreError as exc:  # core refused its inputs: said in the user's language, naming the layer or field
            self._discard_outputs(context, feedback)
            raise QgsProcessingException(core_message(exc)) from None
        except BaseException:
            self._discard_outputs(context, feedback)
            raise
        if cancelled:
            # no exception: a cancel is the user's choice, not an error of the algorithm, so no error message and
            # no traceback; the log says nothing was written (the Processing dialog still adds "Execution failed")
            self._discard_outputs(context, feedback)
            feedback.pushWarning(translate("Resilience", "Cancelled: no output was written."))
            return {}
        for out in self._outputs:
            out.close()
        self._outputs = []
        if feedback is not None:
            feedback.setProgress(100)
        return results

    @staticmethod
    def push_notes(feedback, notes) -> None:
        """Log what a core analysis says (its ``notes``: level and translatable message) in the user's language."""
        for note in notes:
            text = note.message.text(lambda template: translate("Core", template))
            if note.level == "warning":
                feedback.pushWarning(text)
            else:
                feedback.pushInfo(text)

    def refuse_one_layer_in_two_roles(self, parameters, context) -> None:
        """One layer given for two parameters of ``DISTINCT_INPUTS`` is an error naming both: a dialog that pre-filled
        the faults with the corridors layer would otherwise find corridors crossing themselves."""
        for a, b in self.DISTINCT_INPUTS:
            if not (is_given(parameters.get(a)) and is_given(parameters.get(b))):
                continue
            la, lb = self.parameterAsVectorLayer(parameters, a, context), self.parameterAsVectorLayer(parameters, b, context)
            if la is not None and lb is not None and (la.id() == lb.id() or la.source() == lb.source()):
                raise QgsProcessingException(
                    translate("Resilience", "'{0}' and '{1}' are both layer '{2}': choose the right layer for each.").format(
                        self.parameterDefinition(a).description(), self.parameterDefinition(b).description(), display_name(la)
                    )
                )

    def input_sizes(self, parameters, context) -> dict:
        """Features of each layer input given (several layers of one parameter count together)."""
        sizes = {}
        for key in self.MEMORY_MB_PER_1000:
            definition = self.parameterDefinition(key)
            if definition is None or parameters.get(key) in (None, "", []):
                continue
            if definition.type() == "multilayer":
                layers = self.parameterAsLayerList(parameters, key, context)
                sizes[key] = sum(max(0, getattr(layer, "featureCount", lambda: 0)()) for layer in layers)
            else:
                source = self.parameterAsSource(parameters, key, context)
                if source is not None:
                    sizes[key] = max(0, source.featureCount())
        return sizes

    def memory_estimate_mb(self, sizes: dict) -> float:
        """The expected peak memory of a run on inputs of ``sizes`` features (see ``MEMORY_MB_PER_1000``)."""
        from ..core.memory import estimate_mb

        return estimate_mb(sizes, self.MEMORY_MB_PER_1000)

    def warn_about_memory(self, parameters, context, feedback) -> None:
        """A warning before the run when its estimated peak memory is above the ceiling or above the free memory."""
        if not self.MEMORY_CEILING_MB or feedback is None:
            return
        from ..core.memory import available_mb

        estimate = self.memory_estimate_mb(self.input_sizes(parameters, context))
        if estimate > self.MEMORY_CEILING_MB:
            feedback.pushWarning(
                translate(
                    "Resilience",
                    "This run needs about {0:,.0f} MB of memory, above this tool's ceiling of {1:,.0f} MB (measured at "
                    "Beijing scale). It may be slow or run out of memory: consider running it district by district.",
                ).format(estimate, self.MEMORY_CEILING_MB)
            )
        free = available_mb()
        if free is not None and estimate > free:
            feedback.pushWarning(
                translate(
                    "Resilience",
                    "This run needs about {0:,.0f} MB of memory and only {1:,.0f} MB is free: close other programs, or "
                    "run it on a smaller area.",
                ).format(estimate, free)
            )

    def output_sink(self, parameters, key, context, fields, wkb_type, crs=None, optional=False):
        """The sink of output ``key`` (its destination in ``.dest``); None for an optional output not asked for.

        A sink that cannot be created is a QgsProcessingException naming the output."""
        from qgis.core import QgsCoordinateReferenceSystem

        self._refuse_piped_destination(parameters, key)
        sink, dest = self.parameterAsSink(parameters, key, context, fields, wkb_type, crs or QgsCoordinateReferenceSystem())
        if sink is None:
            if optional:
                return None
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        out = OutputSink(self, parameters, key, sink, dest)
        definition = parameters.get(key)
        if hasattr(definition, "useRemapping") and definition.useRemapping():  # appended to a table: what it held before
            from ..qgisside.io import written_count

            out.before = written_count(dest, context) or 0
        self._outputs.append(out)
        return out

    def _refuse_piped_destination(self, parameters, key) -> None:
        """``X.gpkg|layername=t`` as a destination: QGIS writes a file literally so named (``X.gpkg|layername=t.gpkg``,
        which Windows cannot even name), not table t of X.gpkg. Refused, with the form that writes the table."""
        value = parameters.get(key)
        sink = getattr(value, "sink", None)
        text = sink.staticValue() if sink is not None and hasattr(sink, "staticValue") else value
        if isinstance(text, str) and "|layername=" in text and not text.startswith(("ogr:", "postgres:", "memory:")):
            path, _sep, table = text.partition("|layername=")
            raise QgsProcessingException(
                translate(
                    "Resilience",
                    "Output '{0}': '{1}' would be written as a file literally so named, not as table '{2}' of {3}. To write "
                    "the table into that GeoPackage, choose “Save to GeoPackage…” in the output's menu (or give "
                    "ogr:dbname='{3}' table=\"{2}\" (geom)).",
                ).format(self.parameterDefinition(key).description() if self.parameterDefinition(key) else key, text, table, path)
            )

    def write_output(self, key, fields, wkb_type, crs, rows, geoms, span, style="", optional=False):
        """Create output ``key`` of this run, write ``rows`` (attribute lists in the order of ``fields``) with shapely
        ``geoms``, and style it as ``style`` when Processing loads it. Returns its destination, or None for an optional
        output not asked for; a cancel during writing raises core.cancel.Cancelled (processAlgorithm then removes what
        was written)."""
        from ..core.cancel import Cancelled
        from ..qgisside.io import bulk_geopackage, unique_fids, write_rows

        parameters, context, feedback = self._run

        if optional and parameters.get(key) is None:
            return None
        sink = self.output_sink(parameters, key, context, fields, wkb_type, crs, optional)
        if sink is None:
            return None
        rows = unique_fids(fields, rows, feedback)  # a GeoPackage output needs unique fids, however it is written
        bulk = bulk_geopackage(parameters.get(key), sink.dest, fields, wkb_type, rows, geoms)
        if bulk is not None and not self._fill_geopackage(sink, bulk, fields, rows, geoms, span):
            # not a table core fills exactly as GDAL would: write on through QGIS
            sink.reopen(f"{bulk[0]}|layername={bulk[1]}" if bulk[1] else bulk[0])
            bulk = None
        if bulk is None and not write_rows(sink, fields, rows, geoms, feedback, sink.failed, span):
            raise Cancelled()
        self._check_written(sink, sink.before + len(rows))
        aliases = {f.name(): f.alias() for f in fields if f.alias() and f.alias() != f.name()}
        if style or aliases:
            self.style_output(context, sink.dest, style, aliases)
        return sink.dest

    def _fill_geopackage(self, sink, target, fields, rows, geoms, span) -> bool:
        """Close ``sink`` (GDAL then writes its GeoPackage table empty: fields, CRS, spatial index) and fill the table
        ``target`` (see ``io.bulk_geopackage``) in bulk (``core.gpkg.fill_feature_table``); False, with nothing
        written, where the file is not as expected (the caller then writes through QGIS). A cancel raises
        core.cancel.Cancelled."""
        from ..core.gpkg import Unsupported, fill_feature_table

        _parameters, _context, feedback = self._run
        sink.close()
        lo, hi = span
        try:
            fill_feature_table(
                target[0],
                target[1],
                fields.names(),
                rows,
                geoms,
                progress=lambda f: feedback.setProgress(lo + (hi - lo) * f) if hi > lo else None,
                canceled=feedback.isCanceled,
                checked=(target[2], target[3]),
            )
        except Unsupported:
            return False
        except (OSError, sqlite3.Error) as exc:  # a full disk, an I/O error, a locked file: no second try through QGIS
            raise QgsProcessingException(
                translate("Resilience", "Could not write the output {0}: {1}. Nothing of it was kept.").format(target[0], exc)
            ) from None
        return True

    def _check_written(self, sink, expected: int) -> None:
        """Close ``sink`` and check that its output exists and holds every row written: GDAL reports a failed commit
        (a full disk) only to its log when QGIS's sink closes, and the run would otherwise succeed with a file that
        has no table, or fewer rows. A QgsProcessingException names the output and GDAL's words; processAlgorithm
        then removes what was left."""
        from ..qgisside.io import GdalFailures, written_count

        _parameters, context, _feedback = self._run
        failures = GdalFailures()
        with failures:
            sink.close()
            found = written_count(sink.dest, context)
        if found == expected and not failures.messages:
            return
        said = "; ".join(dict.fromkeys(failures.messages))[:300]
        if found is None:
            text = translate("Resilience", "The output {0} could not be written: it cannot be opened after writing. {1}")
            raise QgsProcessingException(text.format(sink.dest, said).strip())
        if found != expected:
            text = translate("Resilience", "The output {0} holds {1} of the {2} feature(s) written. {3}")
            raise QgsProcessingException(text.format(sink.dest, found, expected, said).strip())
        text = translate("Resilience", 'The output {0} may be incomplete: GDAL reported "{1}".')
        raise QgsProcessingException(text.format(sink.dest, said))

    def _file_outputs(self, parameters, context) -> list:
        """(path, modification time or None) of each file this run may write (reports, HTML): what to remove if it stops."""
        import os

        files = []
        for d in self.destinationParameterDefinitions():
            if d.type() == "fileDestination" and parameters.get(d.name()):
                path = self.parameterAsFileOutput(parameters, d.name(), context)
                files.append((path, os.path.getmtime(path) if os.path.exists(path) else None))
        return files

    def _discard_outputs(self, context, feedback) -> None:
        import os

        from ..qgisside.io import delete_output

        for path, mtime in getattr(self, "_files", []):
            if os.path.exists(path) and os.path.getmtime(path) != mtime:  # written (or begun) by this run
                os.remove(path)
        outputs, self._outputs = getattr(self, "_outputs", []), []
        for out in outputs:
            out.close()
            try:
                delete_output(out.dest, context)
            except Exception as exc:  # never hide the reason the run stopped behind a clean-up problem
                if feedback is not None:
                    feedback.pushWarning(translate("Resilience", "Could not remove the partial output {0}: {1}").format(out.dest, exc))

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

        from ..qgisside.compat import FILE_BEHAVIOR_FILE
        from ..qgisside.settings import active_profile_path

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
        from ..qgisside.io import set_left_out_max

        try:
            profile = load_profile(path or None)
        except ProfileError as exc:
            raise QgsProcessingException(core_message(exc)) from None
        set_left_out_max(float(profile.value("quality.left_out_max_share")))  # for the layers this run reads
        return profile

    def optional_field(self, parameters, key, context, source, label, layer, feedback, role: str = "") -> str:
        """The field of parameter ``key``: the one named, which must exist; else (left empty, or a default the layer
        lacks) the field that :func:`core.fields.guess_field` takes for the parameter's role (``FIELD_ROLES``), said in
        the log; "" when the layer has none."""
        from ..core.fields import guess_field
        from ..qgisside.io import field_index

        name = self.parameterAsString(parameters, key, context)
        fields = source.fields()
        if name and is_given(parameters.get(key)):
            field_index(source, name, label, layer)
            return name
        if name and fields.lookupField(name) >= 0:  # the default (the dialog's guess, or the usual name): said
            feedback.pushInfo(translate("Resilience", "{0}: took field '{1}' of layer '{2}'.").format(label, name, layer))
            return name
        role = role or self.FIELD_ROLES.get(key) or FIELD_ROLES.get(key, "")
        guess = guess_field(role, fields.names()) if role else None
        if guess:
            feedback.pushInfo(translate("Resilience", "{0}: took field '{1}' of layer '{2}'.").format(label, guess, layer))
            return guess
        if role:  # not found by its name: garbled names (GBK read as Latin-1) are said with the remedy
            from ..qgisside.io import refuse_garbled_names

            refuse_garbled_names(source, layer)
        if role in REPORTED_ROLES:
            feedback.pushWarning(
                translate("Resilience", "{0}: layer '{1}' has no field that looks like one; not used. Its fields are: {2}.").format(
                    label, layer, ", ".join(fields.names())
                )
            )
        elif name:
            feedback.pushInfo(translate("Resilience", "{0}: layer '{1}' has no field '{2}'; not used.").format(label, layer, name))
        return ""

    def optional_source(self, parameters, key, context):
        """The source of an optional layer input: None only when none was given. A layer given that cannot be
        opened (a moved file, an unreachable database) is an error naming it, never quietly left out."""
        return self._plain(self._opened(self.parameterAsSource(parameters, key, context), parameters, key), parameters, key, context)

    def _plain(self, source, parameters, key, context):
        """``source`` carrying its layer as ``plain_layer`` where the layer can be read straight from its
        GeoPackage file (io.read_plain_geopackage); unchanged otherwise."""
        from ..qgisside.io import plain_layer

        if source is not None:
            source.plain_layer = plain_layer(self.parameterAsVectorLayer(parameters, key, context), parameters.get(key))
        return source

    def vector_layer(self, parameters, key, context):
        """The layer of a vector-layer input: None only when none was given (Processing refuses a run without a
        required one); one given that cannot be opened is an error naming it."""
        return self._opened(self.parameterAsVectorLayer(parameters, key, context), parameters, key)

    def _opened(self, layer, parameters, key):
        """``layer`` as opened from parameter ``key``; None given for a layer that was named is an error naming it."""
        if layer is None and is_given(parameters.get(key)):
            raise QgsProcessingException(self.invalidSourceError(parameters, key))
        return layer

    def layer_list(self, parameters, key, context) -> list:
        """The layers of a multi-layer input; one given that cannot be opened is an error naming it. A layer given
        with "selected features only" (a model passes its input so) counts with its selected features alone."""
        from qgis.core import QgsFeatureRequest, QgsProcessingFeatureSourceDefinition, QgsProcessingUtils

        given = parameters.get(key)
        given = [g for g in (given if isinstance(given, (list, tuple)) else [given]) if is_given(g)]
        if not any(isinstance(g, QgsProcessingFeatureSourceDefinition) for g in given):
            layers = self.parameterAsLayerList(parameters, key, context)
        else:  # QGIS's own parameterAsLayerList does not open these
            layers = []
            for g in given:
                if not isinstance(g, QgsProcessingFeatureSourceDefinition):
                    layers += self.parameterAsLayerList({key: [g]}, key, context)
                    continue
                layer = QgsProcessingUtils.mapLayerFromString(str(g.source.staticValue()), context)
                if layer is not None and g.selectedFeaturesOnly:
                    name = layer.name()
                    layer = layer.materialize(QgsFeatureRequest().setFilterFids(layer.selectedFeatureIds()))
                    layer.setName(name)
                layers += [layer] if layer is not None else []
        if len(layers) < len(given):
            raise QgsProcessingException(
                translate("Resilience", "{0}: could not open {1}.").format(
                    self.parameterDefinition(key).description(), ", ".join(str(g) for g in given)
                )
            )
        return layers

    def layer_name(self, parameters, key, context, source) -> str:
        """The layer's name as the user sees it: its name in the project, or its table's when it was given as a
        path (``city.gpkg|layername=facilities`` is 'facilities', not 'city'); else the source's name."""
        from ..qgisside.io import display_name

        layer = self.parameterAsVectorLayer(parameters, key, context)
        return display_name(layer) if layer is not None else (source.sourceName() or key)

    CATEGORY_MAP = "CATEGORY_MAP"

    FAULTS = "FAULTS"
    FAULT_NAME_FIELD = "FAULT_NAME_FIELD"
    AVOIDANCE_DISTANCE = "AVOIDANCE_DISTANCE"

    def add_optional_fault_parameters(self, profile, layer_help: str, name_help: str, distance_help: str) -> None:
        """The optional FAULTS layer, its FAULT_NAME_FIELD and the AVOIDANCE_DISTANCE (the profile's default)."""
        from qgis.core import QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterNumber

        from ..qgisside.compat import NUMBER_DOUBLE, SOURCE_LINE

        self.add_with_help(
            QgsProcessingParameterFeatureSource(self.FAULTS, translate("Resilience", "Active faults"), [SOURCE_LINE], optional=True),
            layer_help,
        )
        self.add_with_help(
            QgsProcessingParameterField(
                self.FAULT_NAME_FIELD, translate("Resilience", "Fault name field"), "name", self.FAULTS, optional=True
            ),
            name_help,
        )
        self.add_with_help(
            QgsProcessingParameterNumber(
                self.AVOIDANCE_DISTANCE,
                translate("Resilience", "Fault avoidance distance (m)"),
                NUMBER_DOUBLE,
                defaultValue=profile.value("seismic.avoidance_distance_default"),
                minValue=0.0,
            ),
            distance_help,
        )

    def read_fault_lines(self, parameters, context, feedback, faults, name, crs, extra_fields=(), progress_span=(0.0, 0.0)):
        """The one reading of an active-faults layer: its FAULT_NAME_FIELD first (column 0, empty when not given),
        then ``extra_fields``; features without geometry are set aside and said. Returns (the read layer, the name
        field or None)."""
        from ..qgisside.io import read_source

        field = self.optional_field(
            parameters, self.FAULT_NAME_FIELD, context, faults, translate("Resilience", "Fault name field"), name, feedback
        )
        fields = [field or "", *extra_fields]
        read = read_source(faults, name, crs, context, feedback, fields=fields, keep_null=False, progress_span=progress_span)
        read.report(feedback)
        return read, field

    def read_optional_faults(self, parameters, context, feedback, crs, profile=None):
        """The faults of the optional FAULTS parameter: (read layer, layer name, one name per fault: its name field's
        value, or None, and one latest activity per fault: core.faults.fault_age, or None), or None when not given; a
        layer of other than lines is refused. With ``profile``, the faults that need no avoidance under its
        ``seismic.fault_avoidance_rule`` are taken out (hazards.apply_fault_rule)."""
        from qgis.core import QgsWkbTypes

        from ..qgisside.compat import GEOMETRY_LINE
        from .hazards import apply_fault_rule, fault_age_field

        faults = self.optional_source(parameters, self.FAULTS, context)
        if faults is None:
            return None
        name = self.layer_name(parameters, self.FAULTS, context, faults)
        if QgsWkbTypes.geometryType(faults.wkbType()) != GEOMETRY_LINE:
            raise QgsProcessingException(translate("Resilience", "Active faults: layer '{0}' must hold lines.").format(name))
        age_field = fault_age_field(faults) if profile is not None else ""
        read, field = self.read_fault_lines(parameters, context, feedback, faults, name, crs, [age_field])
        names = [text(v) for v in read.column(0)] if field else [None] * len(read.fids)
        ages = [None] * len(read.fids)
        if profile is not None:
            intensity = int(profile.value("seismic.design_intensity"))
            ages = apply_fault_rule(read, read.column(1), names, profile, intensity, name, age_field, feedback)
        return read, name, names, ages

    POPULATION_RASTER = "POPULATION_RASTER"
    RASTER_KIND = "RASTER_KIND"
    RESIDENTIAL = "RESIDENTIAL"

    def add_population_surface_parameters(self, residential: bool = True) -> None:
        """The optional population raster (and what its cells hold) and residential land, beside a population field:
        people counted where they live (core.population)."""
        from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource, QgsProcessingParameterRasterLayer

        from ..qgisside.compat import SOURCE_POLYGON
        from ..qgisside.rasters import KIND_LABELS

        param = QgsProcessingParameterRasterLayer(self.POPULATION_RASTER, translate("Resilience", "Population raster"), optional=True)
        self.add_with_help(
            param,
            translate(
                "Resilience",
                "Optional population grid (WorldPop, GHSL, LandScan, a city grid): people are counted from it, each cell "
                "with the share of its area inside, where no population field is given; with a field on polygons, it "
                "says where inside each polygon the people live.",
            ),
        )
        param = QgsProcessingParameterEnum(
            self.RASTER_KIND,
            translate("Resilience", "Raster values are"),
            options=[translate("Resilience", k) for k in KIND_LABELS],
            defaultValue=0,
        )
        self.add_with_help(param, translate("Resilience", "People per cell, or people per km² (multiplied by each cell's area)."))
        if residential:
            param = QgsProcessingParameterFeatureSource(
                self.RESIDENTIAL, translate("Resilience", "Residential land"), [SOURCE_POLYGON], optional=True
            )
            self.add_with_help(
                param,
                translate(
                    "Resilience",
                    "Optional residential land (居住用地) or building polygons: a polygon's people are spread over its "
                    "residential part only (dasymetric); without it, evenly over its area.",
                ),
            )

    def raster_population(self, parameters, context, feedback, crs, zones, zones_name: str):
        """The people of each zone (polygons in ``crs``) from this run's population raster, exactly
        (core.population.zonal_population), said in the log; a zone with no raster data is an error naming it."""
        from ..core.population import zonal_population
        from ..qgisside.io import id_list

        raster, _residential = self.read_population_surface(parameters, context, feedback, crs, zones_name)
        result = zonal_population(zones, raster, canceled=feedback.isCanceled)
        self.push_notes(feedback, result.notes)
        missing = [k + 1 for k, v in enumerate(result.people) if v != v and zones[k] is not None]
        if missing:
            raise QgsProcessingException(
                translate(
                    "Resilience",
                    "Layer '{0}': {1} feature(s) have no population raster data under them (numbers {2}); give a population "
                    "field, or a raster that covers them.",
                ).format(zones_name, len(missing), id_list(missing))
            )
        feedback.pushInfo(
            translate("Resilience", "Population of each feature of '{0}' from raster '{1}': {2}; {3:,.0f} people in all.").format(
                zones_name, raster.name, result.method.text(lambda t: translate("Core", t)), float(sum(v for v in result.people if v == v))
            )
        )
        return result.people

    def read_population_surface(self, parameters, context, feedback, crs, zones_name: str = ""):
        """(core.population.Raster or None, residential polygons in ``crs`` or None) of this run."""
        from ..qgisside.io import read_source
        from ..qgisside.rasters import population_raster, raster_layer_or_raise

        raster = None
        if is_given(parameters.get(self.POPULATION_RASTER)):
            layer, name = raster_layer_or_raise(self, parameters, self.POPULATION_RASTER, context)
            kind = self.parameterAsEnum(parameters, self.RASTER_KIND, context)
            raster = population_raster(layer, 1, kind, crs, name, zones_name)
        residential = None
        if self.parameterDefinition(self.RESIDENTIAL) is not None:
            source = self.optional_source(parameters, self.RESIDENTIAL, context)
            if source is not None:
                name = self.layer_name(parameters, self.RESIDENTIAL, context, source)
                read = read_source(source, name, crs, context, feedback, fields=[], keep_null=False)
                read.report(feedback)
                residential = read.geometries
        return raster, residential

    FLOOD_ZONES = "FLOOD_ZONES"
    FLOOD_CLASS_FIELD = "FLOOD_CLASS_FIELD"
    FLOOD_MIN_CLASS = "FLOOD_MIN_CLASS"
    TIME_LIMIT = "TIME_LIMIT"

    def add_flood_zone_parameters(self, layer_help: str, which_label: str, which_help: str, default_class: int) -> None:
        """The optional FLOOD_ZONES, their FLOOD_CLASS_FIELD and FLOOD_MIN_CLASS (0: class 1 only, 1: classes 1 and 2,
        2: every class; ``default_class``), as corridor failure and emergency transfer take them."""
        from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource, QgsProcessingParameterField

        from ..qgisside.compat import SOURCE_POLYGON

        self.add_with_help(
            QgsProcessingParameterFeatureSource(self.FLOOD_ZONES, translate("Resilience", "Flood zones"), [SOURCE_POLYGON], optional=True),
            layer_help,
        )
        self.add_with_help(
            QgsProcessingParameterField(
                self.FLOOD_CLASS_FIELD, translate("Resilience", "Flood class field"), "", self.FLOOD_ZONES, optional=True
            ),
            translate(
                "Resilience",
                "Optional: the risk class (1/2/3, 高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ). Empty: the field named like a class; none: "
                "every zone counts.",
            ),
        )
        options = [
            translate("Resilience", "Class 1 (high) only"),
            translate("Resilience", "Classes 1 and 2 (high, medium)"),
            translate("Resilience", "Every class"),
        ]
        self.add_with_help(QgsProcessingParameterEnum(self.FLOOD_MIN_CLASS, which_label, options, defaultValue=default_class), which_help)

    def read_flood_zones(self, parameters, context, feedback, crs):
        """(read layer, layer name, class field or "", the lowest class that counts: 1, 2 or 3), or None when no flood
        zones are given. A layer without a class field is said in the log (every zone counts)."""
        from ..core.fields import guess_field
        from ..qgisside.io import read_source

        floods = self.optional_source(parameters, self.FLOOD_ZONES, context)
        if floods is None:
            return None
        name = self.layer_name(parameters, self.FLOOD_ZONES, context, floods)
        field = self.optional_field(
            parameters, self.FLOOD_CLASS_FIELD, context, floods, translate("Resilience", "Flood class field"), name, feedback
        )
        field = field or guess_field("flood_class", floods.fields().names())
        read = read_source(floods, name, crs, context, feedback, fields=[field or ""], keep_null=False)
        read.report(feedback)
        if not field:
            feedback.pushWarning(translate("Resilience", "{0}: no flood class field; every zone counts.").format(name))
        return read, name, field or "", (1, 2, 3)[self.parameterAsEnum(parameters, self.FLOOD_MIN_CLASS, context)]

    CAPACITY_UNIT = "CAPACITY_UNIT"
    CAPACITY_UNITS = ("auto", "area", "persons")

    def add_capacity_unit_parameter(self) -> None:
        """CAPACITY_UNIT: how a capacity written without a unit is read (core.siting.capacities' ``unit``)."""
        from qgis.core import QgsProcessingParameterEnum

        options = [
            translate("Resilience", "Guessed from the field name"),
            translate("Resilience", "Shelter area (m²)"),
            translate("Resilience", "Persons"),
        ]
        self.add_with_help(
            QgsProcessingParameterEnum(self.CAPACITY_UNIT, translate("Resilience", "Bare capacity numbers are"), options, defaultValue=0),
            translate(
                "Resilience",
                "How to read a capacity written without a unit. A value that names its unit (人, 平方米, 公顷 …) is read in it.",
            ),
        )

    def capacity_unit(self, parameters, context) -> str:
        return self.CAPACITY_UNITS[self.parameterAsEnum(parameters, self.CAPACITY_UNIT, context)]

    def add_time_limit_parameter(self, profile, help_text: str) -> None:
        """TIME_LIMIT, the solver's time limit in seconds (the profile's siting.time_limit)."""
        from qgis.core import QgsProcessingParameterNumber

        from ..qgisside.compat import NUMBER_DOUBLE

        param = QgsProcessingParameterNumber(
            self.TIME_LIMIT,
            translate("Resilience", "Solver time limit (s)"),
            NUMBER_DOUBLE,
            defaultValue=profile.value("siting.time_limit"),
            minValue=1.0,
        )
        self.add_with_help(param, help_text)

    def add_category_map_parameter(self) -> None:
        """The optional CATEGORY_MAP parameter: a run's own facility labels, ``label=category;label=category``."""
        from qgis.core import QgsProcessingParameterString

        param = QgsProcessingParameterString(
            self.CATEGORY_MAP, translate("Resilience", "Facility label mapping (label=category;…)"), optional=True
        )
        self.add_with_help(
            param,
            translate(
                "Resilience",
                "Your own labels, mapped before the profile's rules: label=category pairs separated by ';', for example "
                "'大型避难场所=long_term_shelter;微型站=other'. The category is a profile code, or its English or Chinese "
                "name; 'other' counts a label as none of them. Empty: the profile's labels (Amap, OSM, government lists) only.",
            ),
        )

    def read_facilities(
        self, parameters, context, feedback, crs, profile, key, category_key, extra_keys=(), progress_span=(0.0, 0.0), points_as_xy=False,
        every_field=False,
    ):  # fmt: skip
        """The facilities of parameter ``key`` classified by the profile's labels, or None when not given.

        Returns (read layer, layer name, vocabulary, category column per facility, chosen extra field names, what the
        labels mapped to: core.labels.Classified); the read attributes are the category, then the ``extra_keys``
        fields (None where a field is not used); with
        ``points_as_xy`` a plain point layer's geometries are their coordinates (see io.read_source); with
        ``every_field`` the layer's other fields follow (``read.read_fields`` names them all, in order). The
        category field left empty is guessed; OpenStreetMap key fields (amenity, shop, leisure …) are read together.
        The log says which label went to which category and which labels were not known; when more than half of the
        facilities have no known label, the run stops and says how to map them.
        """
        from ..core.labels import LabelError
        from ..core.lifecircles import Vocabulary
        from ..qgisside.io import read_source

        source = self.optional_source(parameters, key, context)
        if source is None:
            return None
        name = self.layer_name(parameters, key, context, source)
        category = self.optional_field(
            parameters, category_key, context, source, translate("Resilience", "Facility category field"), name, feedback, "category"
        )
        if not category:
            raise QgsProcessingException(
                translate("Resilience", "Choose the field of layer '{0}' that holds the facility category. Its fields are: {1}.").format(
                    name, ", ".join(source.fields().names())
                )
            )
        try:
            vocab = Vocabulary.from_profile(profile, self.parameterAsString(parameters, self.CATEGORY_MAP, context) or "")
        except LabelError as exc:
            raise QgsProcessingException(translate("Resilience", "Facility label mapping: {0}").format(core_message(exc))) from None
        warn_web_map_coordinates(source, name, feedback)
        osm_keys = [f for f in source.fields().names() if f.lower() in OSM_KEYS] if category.lower() in OSM_KEYS else []
        extras = [
            self.optional_field(parameters, k, context, source, self.parameterDefinition(k).description(), name, feedback)
            for k in extra_keys
        ]
        fields = [category] + [e or "" for e in extras] + osm_keys
        if every_field:
            fields += [f for f in source.fields().names() if f not in fields]
        read = read_source(
            source,
            name,
            crs,
            context,
            feedback,
            fields=fields,
            keep_null=False,
            progress_span=progress_span,
            points_as_xy=points_as_xy,
        )
        read.read_fields = fields
        read.report(feedback)
        if len(osm_keys) > 1:  # QuickOSM: one field per tag key; read them as one tag list
            feedback.pushInfo(
                translate("Resilience", "{0}: facility categories read from the OpenStreetMap tag fields {1}.").format(
                    name, ", ".join(osm_keys)
                )
            )
            width = 1 + len(extras)
            labels = [",".join(f'"{k}"=>"{v}"' for k, v in zip(osm_keys, a[width:]) if text(v)) for a in read.attributes]
        else:
            labels = read.column(0)
        column, found = vocab.classify_labels(labels)
        log_label_mapping(feedback, name, category, found, vocab)
        return read, name, vocab, column, extras, found

    @staticmethod
    def style_output(context, dest: str, kind: str, aliases=None) -> None:
        """Style the output ``dest`` as ``kind`` ("": not styled) and give its fields ``aliases`` (name -> alias;
        see styles.output_styler) when Processing loads it."""
        if context.willLoadLayerOnCompletion(dest):
            from ..qgisside.styles import output_styler

            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(output_styler(kind, aliases))

    def source_or_raise(self, parameters, key, context, expected=None, label: str = ""):
        """The feature source of ``key`` and its name; an error names a layer that is missing, empty or of the wrong kind."""
        from qgis.core import QgsWkbTypes

        source = self._plain(self.parameterAsSource(parameters, key, context), parameters, key, context)
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


# parameter key -> the role core.fields.guess_field looks for when the parameter is left empty
FIELD_ROLES = {
    "POPULATION_FIELD": "population",
    "NAME_FIELD": "name",
    "CORRIDOR_NAME_FIELD": "name",
    "FAULT_NAME_FIELD": "fault_name",
    "DISTRICT_FIELD": "district",
    "CATEGORY_FIELD": "category",
    "GRADE_FIELD": "grade",
    "ID_FIELD": "code",
    "SHELTER_FIELD": "shelter_area",
    "BEDS_FIELD": "beds",
    "CAPACITY_FIELD": "capacity",
    "ELDERLY_FIELD": "elderly",
    "OLD_BUILDING_FIELD": "old_building",
    "FLOOD_CLASS_FIELD": "flood_class",
    "CLUSTER_FIELD": "cluster",
}
# roles whose absence changes a result: said as a warning, with the layer's fields
REPORTED_ROLES = ("population", "district", "category")
# OpenStreetMap keys that QuickOSM writes as fields of their own
OSM_KEYS = ("amenity", "shop", "leisure", "emergency", "tourism", "healthcare", "man_made", "power")
# a run stops when more than this share of the facilities has no known label
UNMAPPED_MAX = 0.5


def warn_web_map_coordinates(source, name: str, feedback) -> None:
    """Warn when a layer in longitude/latitude has the fields of an Amap (typecode with pname, adname or location) or a
    Baidu (uid with tag) export: those coordinates are GCJ-02 or BD-09, hundreds of metres off WGS84, whatever CRS the
    layer claims."""
    fields = {f.lower() for f in source.fields().names()}
    kind = ""
    if "typecode" in fields and fields & {"pname", "adname", "cityname", "location"}:
        kind = "Amap (GCJ-02)"
    elif "uid" in fields and fields & {"tag", "detail_info", "street_id"}:
        kind = "Baidu (BD-09)"
    if kind and source.sourceCrs().isGeographic():
        feedback.pushWarning(
            translate(
                "Resilience",
                "Layer '{0}' looks like an {1} export: such coordinates are hundreds of metres off WGS84, whatever CRS the "
                "layer claims. Unless it was converted already, convert it first with 'Convert Chinese web-map coordinates' "
                "(resilience:chinacoords).",
            ).format(name, kind)
        )


def log_label_mapping(feedback, layer: str, field: str, found, vocab, refuse: bool = True) -> None:
    """Say which label went to which category (with counts) and which were not known; stop when more than half of
    the facilities have no known label, naming the most frequent ones and how to map them."""
    from ..core.labels import mapping_hint

    total = len(found.codes)
    if refuse and total and found.share_unmapped > UNMAPPED_MAX:
        raise QgsProcessingException(
            translate(
                "Resilience",
                "{0}, field '{1}': {2} of {3} facilities have a category label that no rule knows, for example {4}. Map them "
                "with the parameter 'Facility label mapping', for example '{5}' with a category code in place of each ?, "
                "choose another category field, or add the labels to the profile (facility_labels). Known categories: {6}.",
            ).format(
                layer,
                field,
                sum(found.unmapped.values()),
                total,
                ", ".join(f"'{k}' ({n})" for k, n in found.unmapped.most_common(8)),
                mapping_hint(found.unmapped),
                ", ".join(f"{c} ({vocab.labels_zh[c]})" for c in vocab.codes),
            )
        )
    by_code = {}
    for (label, code, rule), n in found.mapping.most_common():
        by_code.setdefault(code, []).append(f"{label or '∅'} [{rule}] ×{n}")
    lines = [
        f"  {code} ({vocab.labels_zh.get(code, code)}) ← " + "; ".join(items[:6]) + (" …" if len(items) > 6 else "")
        for code, items in by_code.items()
    ]
    feedback.pushInfo(translate("Resilience", "{0}: facility labels mapped to categories:").format(layer) + "\n" + "\n".join(lines))
    if found.unmapped:
        feedback.pushWarning(
            translate(
                "Resilience",
                "{0}: {1} facility(ies) with labels that no rule knows, counted as 'other': {2}. To map them, use the "
                "parameter 'Facility label mapping', for example '{3}'. The categories are {4}; each is known by its code, "
                "its names and the labels of the profile (facility_labels), such as 应急避难场所, 消防救援站, 公安派出所 or "
                "Amap and OSM labels.",
            ).format(
                layer,
                sum(found.unmapped.values()),
                ", ".join(f"'{k}' ({v})" for k, v in found.unmapped.most_common(20)),
                mapping_hint(found.unmapped),
                ", ".join(f"{c} ({vocab.labels_zh[c]})" for c in vocab.codes),
            )
        )


def _on_main_thread() -> bool:
    """Whether this is the GUI thread (where the project's layers may be read), as when a dialog creates an algorithm."""
    from qgis.PyQt.QtCore import QCoreApplication, QThread

    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def _source_types(layer) -> set:
    """The Processing source types (QgsProcessing.SourceType values) a vector layer can serve as."""
    from ..qgisside.compat import (
        GEOMETRY_LINE,
        GEOMETRY_POINT,
        GEOMETRY_POLYGON,
        SOURCE_ANY,
        SOURCE_LINE,
        SOURCE_POINT,
        SOURCE_POLYGON,
        SOURCE_TABLE,
    )

    kind = {GEOMETRY_POINT: SOURCE_POINT, GEOMETRY_LINE: SOURCE_LINE, GEOMETRY_POLYGON: SOURCE_POLYGON}.get(layer.geometryType())
    return {SOURCE_TABLE} | ({SOURCE_ANY, kind} if kind is not None else set())


def is_given(value) -> bool:
    """Whether a parameter value names something (not None, empty or NULL)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    return not (hasattr(value, "isNull") and value.isNull())


def _kind_names(kinds):
    from ..qgisside.compat import GEOMETRY_LINE, GEOMETRY_POINT, GEOMETRY_POLYGON

    names = {
        GEOMETRY_POINT: translate("Resilience", "points"),
        GEOMETRY_LINE: translate("Resilience", "lines"),
        GEOMETRY_POLYGON: translate("Resilience", "polygons"),
    }
    return [names.get(k, str(k)) for k in kinds]

"""resilience:scoreunits, the street/town unit assessment of 第51条 and the types of 第52条."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingUtils,
)

from ...qgisside.compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_POLYGON,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_MULTIPOLYGON,
)
from ...qgisside.translation import indicator_label
from ..base import is_given
from ..hazards import HazardInputs
from . import UnitsAlgorithmBase


class ScoreUnitsAlgorithm(HazardInputs, UnitsAlgorithmBase):
    """Scores street/town units against the plan's targets (第50–52条).

    Memory ceiling: 200 MB. At Beijing scale (`make bench`), its peak was 45 MB for 343 units and 50,000 facilities.
    A run estimated above the ceiling is warned about before it starts."""

    DISTINCT_INPUTS = (("INPUT", "FACILITIES"),)
    LAYER_ROLES = {"INPUT": "units"}

    MEMORY_CEILING_MB = 200
    MEMORY_MB_PER_1000 = {"INPUT": 30.0, "FACILITIES": 0.7}
    DEMO_BACKDROP = ("districts",)
    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    SCALING = "SCALING"
    ELDERLY_FIELD = "ELDERLY_FIELD"
    OLD_BUILDING_FIELD = "OLD_BUILDING_FIELD"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    SHELTER_FIELD = "SHELTER_FIELD"
    BEDS_FIELD = "BEDS_FIELD"
    SCENARIO = "SCENARIO"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "scoreunits"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Score street/town units")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "Assesses every street/town unit on the three things of 第51条 — the danger of its hazards "
                "(致灾因子风险性), the vulnerability of what is exposed (承灾体脆弱性) and the effectiveness of its rescue "
                "capacity (救灾能力有效性) — and gives it a type with its measures (第52条).\n\n"
                "Indicators: hazard — the design seismic intensity (every unit: the profile's, VIII for Beijing), "
                "share of the area within the fault avoidance distance, share in flood-risk zones weighted by class "
                "(profile), geological-hazard points per km²; vulnerability — population density, elderly share, "
                "old-building share; capacity — shelter m² per person (target 2.1), share of the area within the fire "
                "stations' 5-minute proxy distance (2.5 km), police stations in the unit (at least 1), hospital beds per "
                "1,000 people, emergency conversion space (schools, parks, stadiums, hotels) in m² per person and, with the "
                "units of 'Corridor failure scenarios', the share of the essential categories still reached after the "
                "scenario (第48、65条).\n\n"
                "Not assessed, never 0: an indicator whose input was not given, or whose facilities are absent from the "
                "layer given (no police station, no fire station, no shelter area, no beds), is left out of its dimension; "
                "the log says why, and the field indicators lists those used. A dimension with no indicator is left out too, "
                "and score_from says which dimensions formed each unit's score.\n\n"
                "Method (INFORM structure, fixed goalposts): each indicator is scaled to 0–10 between two goalposts kept "
                "in the profile with their sources (scoring.goalposts: a plan target, a national standard or a stated "
                "assumption; log(1 + x) for the skewed ones), so a unit scores the same whether it is scored alone, with "
                "its district or with the whole city, and this year's score compares with last year's. For capacity, 10 "
                "means the target is met. The option 'Scaling' can instead scale min–max over the units of the run, for a "
                "ranking relative to them. A dimension is the weighted mean of its indicators (weights in the profile); "
                "the score is the geometric mean of hazard, vulnerability and the lack of capacity (10 − capacity). "
                "Five classes by the profile's breaks; rank 1 is the highest score. The type is the "
                "leading dimension (hazard-led, vulnerability-led, capacity-gap) when it leads the next by 1 point, "
                "otherwise balanced.\n\n"
                "Output: the units' own fields, each indicator's value (i_*), score (s_*), target (t_*) and pass (ok_*), the three "
                "dimensions, score, class, rank, type and the recommended measures with their clauses. The source layer "
                "is never written to."
            )
            + "\n\n"
            + self.tr(
                "Indicator fields, per indicator used: i_seismic, i_fault, i_flood, i_geohaz, i_popden, i_elderly, i_oldbldg, i_shelter, "
                "i_fire, i_police, i_beds, i_conv, i_access, i_transfer (values); the same with s_ (0–10 scores); t_ and ok_ (target "
                "and met) for shelter, fire, police and beds. Then hazard, vulner, capacity, score, class and class_zh, rank, "
                "unit_type and type_zh, measures, measures_zh (in Chinese), indicators, score_from (the dimensions the score is "
                "formed from), clauses. i_transfer is the share of the unit's people at risk (in the flood zones, fault avoidance "
                "zones and geological-hazard danger zones given) with a shelter place within reach as the crow flies, by the "
                "exact transfer of 'Emergency transfer' (第84条); it is weighted 0 by default (give it a weight in the profile "
                "or the scorecard to count it), and not assessed without a hazard or shelter areas, nor for a unit whose people "
                "at risk have a shelter of unknown area within reach (its room would change their share)."
            )
            + "\n\n"
            + self.tr(
                "A unit's own value left empty or unreadable (population, elderly or old-building share) is not assessed for "
                "it, never 0; a field with no value at all is not used. A unit holding a shelter whose area is empty or "
                "unreadable has its shelter per person not assessed. The log names them."
            )
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...core.profile import load_profile

        profile = load_profile()

        add = self.add_with_help

        add(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Street/town units"), [SOURCE_POLYGON]),
            self.tr("Unit polygons (第50条)."),
        )
        add(
            QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), "population", self.INPUT, optional=True),
            self.tr("Residents of each unit. Empty, with a population raster: each unit's people from the raster, exactly."),
        )
        self.add_population_surface_parameters(residential=False)
        add(
            QgsProcessingParameterField(self.ELDERLY_FIELD, self.tr("Elderly share field"), "elderly_share", self.INPUT, optional=True),
            self.tr("Optional share (0-1) of residents aged 65 and over."),
        )
        add(
            QgsProcessingParameterField(
                self.OLD_BUILDING_FIELD,
                self.tr("Old-building share field"),
                "old_building_share",
                self.INPUT,
                optional=True,
            ),
            self.tr("Optional share (0-1) of old buildings."),
        )
        self.add_hazard_parameters(profile)
        add(
            QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities"), [SOURCE_POINT, SOURCE_POLYGON], optional=True),
            self.tr("Optional facilities: shelters, fire and police stations, hospitals, conversion spaces."),
        )
        add(
            QgsProcessingParameterField(
                self.CATEGORY_FIELD, self.tr("Facility category field"), "category", self.FACILITIES, optional=True
            ),
            self.tr("Field with the facility category."),
        )
        add(
            QgsProcessingParameterField(
                self.SHELTER_FIELD,
                self.tr("Shelter area field (m²)"),
                "shelter_area_m2",
                self.FACILITIES,
                optional=True,
            ),
            self.tr("Effective shelter area in m²."),
        )
        add(
            QgsProcessingParameterField(self.BEDS_FIELD, self.tr("Hospital beds field"), "beds", self.FACILITIES, optional=True),
            self.tr("Number of hospital beds."),
        )
        self.add_category_map_parameter()
        add(
            QgsProcessingParameterFeatureSource(
                self.SCENARIO, self.tr("Scenario: units' access"), [SOURCE_POLYGON, SOURCE_POINT], optional=True
            ),
            self.tr(
                "Optional: the units output of 'Corridor failure scenarios'. The share of the essential categories each unit "
                "still reaches after the scenario becomes a capacity indicator (i_access, 第48、65条)."
            ),
        )
        add(
            QgsProcessingParameterEnum(
                self.SCALING,
                self.tr("Scaling"),
                [
                    self.tr("Fixed goalposts from the profile (comparable across runs and years)"),
                    self.tr("Relative to the units of this run (min–max)"),
                ],
                defaultValue=0,
            ),
            self.tr(
                "Fixed goalposts (default): each indicator scored between two values of the profile, so a unit's score does "
                "not depend on the other units. Relative: min–max over the units of the run, a ranking among them only."
            ),
        )
        self.add_profile_parameter()
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Unit scores"), SOURCE_POLYGON), self.tr("The units with their scores."))

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.INPUT: f"{sample_gpkg}|layername=street_units",
            **self.hazard_demo_parameters(sample_gpkg),
            self.FACILITIES: f"{sample_gpkg}|layername=facilities",
        }

    # ------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        from ...core import scoring as sc
        from ...core.facilities import Facilities
        from ...qgisside.io import make_fields, numbers, polygons_only, read_source, shelter_areas, table_rows, text, working_crs

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        source, name = self.source_or_raise(parameters, self.INPUT, context, (GEOMETRY_POLYGON,), self.tr("Street/town units"))
        pop_field = self.optional_field(parameters, self.POPULATION_FIELD, context, source, self.tr("Population field"), name, feedback)
        if not pop_field and not is_given(parameters.get(self.POPULATION_RASTER)):
            raise QgsProcessingException(self.tr("Layer '{0}': choose the population field, or give a population raster.").format(name))
        elderly_field = self.optional_field(parameters, self.ELDERLY_FIELD, context, source, self.tr("Elderly share field"), name, feedback)
        old_field = self.optional_field(
            parameters, self.OLD_BUILDING_FIELD, context, source, self.tr("Old-building share field"), name, feedback
        )
        crs = working_crs(source, name, feedback)
        units = read_source(source, name, crs, context, feedback, progress_span=(0, 15))
        units.report(feedback)
        geoms = polygons_only(units.geometries)
        fields = source.fields()

        def column(field_name, kind="count", empty_ok=True):
            if not field_name:
                return None
            values = [a[fields.lookupField(field_name)] for a in units.attributes]
            # a unit's own measure: what cannot be read is not assessed (NaN), never 0 (issue 29)
            return numbers(values, field_name, name, feedback, kind=kind, fids=units.fids, empty_ok=empty_ok, unknown_is_zero=False)

        label_j = next((fields.lookupField(f) for f in ("name_zh", "name", "名称", "code") if fields.lookupField(f) >= 0), -1)
        names = [text(a[label_j]) if label_j >= 0 and text(a[label_j]) else f"#{f}" for a, f in zip(units.attributes, units.fids)]
        hazards = self.read_hazards(parameters, context, feedback, crs, profile)
        feedback.setProgress(30)
        facilities = None
        given = self.read_facilities(
            parameters, context, feedback, crs, profile, self.FACILITIES, self.CATEGORY_FIELD, (self.SHELTER_FIELD, self.BEDS_FIELD)
        )
        if given is not None:
            read, lname, vocab, columns, (area_field, beds_field), found = given
            # a shelter's unknown area: NaN, so that its unit's shelter per person is not assessed (issue 29 §3)
            area = shelter_areas(read, vocab.is_shelter(columns), area_field, lname, feedback) if area_field else None
            beds = numbers([a[2] for a in read.attributes], beds_field, lname, feedback, fids=read.fids) if beds_field else None
            facilities = Facilities.read(read.geometries, None, profile, classified=found, shelter_area=area, beds=beds)
        if feedback.isCanceled():
            return {}

        access = self._scenario_access(parameters, context, feedback, crs, geoms)

        # the analysis (core.scoring.score_units)
        result = sc.score_units(
            geoms,
            profile,
            column(pop_field, empty_ok=False) if pop_field else self.raster_population(parameters, context, feedback, crs, geoms, name),
            elderly=column(elderly_field, kind="share"),
            old_buildings=column(old_field, kind="share"),
            hazards=hazards,
            relative=self.parameterAsEnum(parameters, self.SCALING, context) == 1,
            names=names,
            units_name=name,
            facilities=facilities,
            canceled=feedback.isCanceled,
            essential_access=access,
        )
        feedback.setProgress(80)
        out_fields = QgsProcessingUtils.combineFields(fields, make_fields(self._output_fields(result.fields)))
        rows = table_rows(result.columns(), units.attributes)
        dest = self.write_output(self.OUTPUT, out_fields, WKB_MULTIPOLYGON, crs, rows, geoms, (80, 99), "scores")
        self.push_notes(feedback, result.notes)
        return {self.OUTPUT: dest}

    def _scenario_access(self, parameters, context, feedback, crs, geoms):
        """The essential-access indicator from the optional scenario units (resilience:corridorfailure), or None."""
        from ...qgisside.io import read_source
        from ..hazards import scenario_access_of, scenario_read_fields

        src = self.optional_source(parameters, self.SCENARIO, context)
        if src is None:
            return None
        s_name = self.layer_name(parameters, self.SCENARIO, context, src)
        wanted = scenario_read_fields(src.fields().names())
        if not wanted:
            raise QgsProcessingException(
                self.tr(
                    "Scenario: layer '{0}' has no d0_<category> and d1_<category> fields; give the units output of "
                    "'Corridor failure scenarios'."
                ).format(s_name)
            )
        read = read_source(src, s_name, crs, context, feedback, fields=wanted, keep_null=False)
        read.report(feedback)
        return scenario_access_of(read, wanted, geoms)

    def _output_fields(self, core_fields) -> list:
        """Field specs with their aliases, from core.scoring's (field, type, indicator key or '')."""
        kinds = {"double": FIELD_DOUBLE, "int": FIELD_INT, "text": FIELD_STRING}
        fixed = {
            "hazard": self.tr("Hazard (0-10)"),
            "vulner": self.tr("Vulnerability (0-10)"),
            "capacity": self.tr("Capacity (0-10)"),
            "score": self.tr("Risk score (0-10)"),
            "class": self.tr("Class"),
            "class_zh": self.tr("Class (Chinese)"),
            "rank": self.tr("Rank"),
            "unit_type": self.tr("Type (第52条)"),
            "type_zh": self.tr("Type (Chinese)"),
            "measures": self.tr("Recommended measures"),
            "measures_zh": self.tr("Recommended measures (Chinese)"),
            "indicators": self.tr("Indicators used"),
            "score_from": self.tr("Score formed from"),
            "clauses": self.tr("Plan clauses"),
        }
        specs = []
        for f, kind, k in core_fields:
            if not k:
                alias = fixed[f]
            elif f.startswith("i_"):
                alias = self._label(k)
            elif f.startswith("s_"):
                alias = self.tr("Score: {0}").format(self._label(k))
            elif f.startswith("t_"):
                alias = self.tr("Target: {0}").format(self._label(k))
            else:
                alias = self.tr("Target met: {0}").format(self._label(k))
            specs.append((f, kinds[kind], alias))
        return specs

    def _label(self, key: str) -> str:
        return indicator_label(key)

/// An indicator (mittari) the programme is measured by: where its values come from, the
/// baseline (lähtötaso) and target (tavoitetaso) it is judged against, and which way is better.
public struct IndicatorConfig: Sendable, Codable {
    /// Short stable name, for findings and file columns: `vakiluku`.
    public var id: String
    public var name: String
    /// The name in the other report languages (`name_sv`).
    public var names: [ReportLanguage: String] = [:]
    /// The register item it is attached to and listed under (a programme, painopiste, goal …);
    /// nil: listed under "other indicators".
    public var item: ItemPath?
    /// The unit as the report shows it; nil: the unit the statistics file gives.
    public var unit: String?
    public var units: [ReportLanguage: String] = [:]
    public var direction: IndicatorDirection
    /// For `band`: the range counted as on track.
    public var band: IndicatorBand?
    /// The year progress is measured from; its value is taken from the data unless given.
    public var baseline: IndicatorYearValue?
    public var target: IndicatorYearValue?
    public var thresholds: IndicatorThresholds
    /// Decimals shown; nil: the file's `SHOWDECIMALS`, else what the values need (at most 2).
    public var decimals: Int?
    /// A latest value older than this many years before the report's year is flagged as old.
    public var maxAgeYears: Int
    /// One or more files; with several, later files add years (and must keep the unit).
    /// None: an indicator followed by hand (`status:` set in the programme file).
    public var sources: [IndicatorSource]
    /// Where the figures come from, as readers see it ("Tilastokeskus, StatFin 11ra"), per
    /// language; the file path is never shown in a report.
    public var sourceLabels: [ReportLanguage: String] = [:]
    /// A status set by hand (a text target such as "toteutuu" that no figure can judge).
    public var manualStatus: IndicatorStatus?
    /// The figures (and the target) are examples, not statistics (`example: true`): every report
    /// says so beside them.
    public var example = false
    /// Line of the indicator in the config file, for findings about its settings.
    public var configLine: Int
}

public enum IndicatorDirection: String, Sendable, Codable, CaseIterable {
    /// Higher is better (population, employment rate).
    case higher
    /// Lower is better (unemployment %).
    case lower
    /// Within `band` is on track.
    case band
}

public struct IndicatorBand: Sendable, Codable, Hashable {
    public var low: Double
    public var high: Double
}

public struct IndicatorYearValue: Sendable, Codable, Hashable {
    public var year: Int
    public var value: Double?
    /// A range as the programme writes it (`7–8`): reached at its near end.
    public var range: IndicatorBand?
    /// A target in words ("toteutuu"), judged by the status set by hand.
    public var text: String?
    /// The value is an example, not the programme's own (`target: {…, example: true}`).
    public var example: Bool?

    public init(year: Int, value: Double?, range: IndicatorBand? = nil, text: String? = nil) {
        self.year = year
        self.value = value
        self.range = range
        self.text = text
    }
}

/// The traffic light: the share of the progress expected by now (a straight line from the
/// baseline to the target) that counts as on track, and the share at or below which the
/// indicator counts as not moving towards its target.
public struct IndicatorThresholds: Sendable, Codable, Hashable {
    public var onTrack: Double
    public var stalled: Double

    public static let `default` = IndicatorThresholds(onTrack: 0.9, stalled: 0.0)
}

/// One file of an indicator's values and the cells to take from it.
public struct IndicatorSource: Sendable, Codable {
    public var path: String
    /// nil: from the file name (`.px`, `.json`, else a long table).
    public var format: StatisticalCube.Format?
    /// The category to take from each variable other than time, by the variable's name or code
    /// and the category's code or label: `Alue: KU297`, `Tiedot: vaesto`. In order.
    public var select: [IndicatorSelection]
    /// The time variable or column; nil: found by `TIMEVAL`, role or name.
    public var time: String?
    /// For a long table: the value column; nil: `Arvo`, `Value` or the like.
    public var value: String?
    /// For a workbook: the sheet (nil: the first).
    public var sheet: String?

    public static func format(of path: String) -> StatisticalCube.Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".px") { return .px }
        if lower.hasSuffix(".json") { return .jsonstat }
        return .table
    }
}

public struct IndicatorSelection: Sendable, Codable, Hashable {
    public var variable: String
    public var category: String
}

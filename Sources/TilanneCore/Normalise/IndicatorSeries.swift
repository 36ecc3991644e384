/// Stage boundary normalise → validate for indicators: one indicator's values over time,
/// taken from its files by the selection, with the unit and the files' own labels.
public struct IndicatorSeries: Sendable {
    public var indicator: IndicatorConfig
    /// By period in time order; a missing value keeps its symbol.
    public var points: [IndicatorPoint]
    /// The unit each file gives, by language (the content variable's own unit when it has one).
    public var fileUnits: [(file: String, units: [String: String])]
    /// The file's table title and source, by language, of the first file read.
    public var tableTitle: [String: String]
    public var statisticsSource: [String: String]
    public var lastUpdated: String?
    public var files: [String]
    /// Findings of reading and selecting.
    public var diagnostics: [Diagnostic]
    /// Set when a file could not be read or its selection did not resolve (the findings say why).
    public var damaged = false
    /// Where each value came from, for the duplicate finding.
    var origins: [String: SourceLocation] = [:]
}

extension IndicatorSeries {
    /// The last period with a value.
    public var latest: IndicatorPoint? { points.last { $0.value != nil } }

    /// Periods without a value between the first and the latest value.
    public var gaps: [IndicatorPoint] {
        guard let first = points.firstIndex(where: { $0.value != nil }),
              let last = points.lastIndex(where: { $0.value != nil }) else { return [] }
        return points[first...last].filter { $0.value == nil }
    }

    /// Whether the latest value is older than the indicator allows, judged against `year`.
    public func isStale(asOf year: Int?) -> Bool {
        guard let year, let latest = latest?.year else { return false }
        return latest < year - indicator.maxAgeYears
    }
}

public struct IndicatorPoint: Sendable, Codable, Hashable {
    /// The period as the file names it: `2023`, `2024M07`, `2024Q2`.
    public var period: String
    /// Its year; nil when the period does not start with one.
    public var year: Int?
    public var value: Double?
    /// The missing-value symbol or status as written.
    public var symbol: String?
}

/// Normalise stage for indicators: the chosen cells of each file as one series.
public struct IndicatorNormaliser: Sendable {
    public init() {}

    public func normalise(_ indicator: IndicatorConfig, reads: [IndicatorIngester.Read]) -> IndicatorSeries {
        var log = DiagnosticLog()
        var series = IndicatorSeries(indicator: indicator, points: [], fileUnits: [], tableTitle: [:], statisticsSource: [:],
                                     lastUpdated: nil, files: [], diagnostics: [])
        var byPeriod: [String: IndicatorPoint] = [:]
        for read in reads {
            series.diagnostics += read.cube.diagnostics
            series.files.append(read.cube.file)
            guard let selection = read.selection, let time = selection.timeDimension, !read.cube.damaged else {
                series.damaged = true
                continue
            }
            let cube = read.cube
            // The file's own texts reach the report's cells: each made fit for one (CellText), so a
            // 40,000-character title or label is a finding here, not a workbook that cannot be written.
            func fitted(_ text: String) -> String { CellText.fitted(text, at: cube.origin, log: &log) }
            if series.tableTitle.isEmpty {
                series.tableTitle = cube.title.mapValues(fitted)
                series.statisticsSource = cube.source.mapValues(fitted)
            }
            // The unit: the chosen content category's own, else the table's.
            var units = cube.units
            var updated = cube.lastUpdated
            if let content = cube.dimensions.firstIndex(where: \.isContent), let category = selection.chosen[content],
               category < cube.dimensions[content].units.count {
                let own = cube.dimensions[content].units[category]
                if !own.isEmpty { units = own }
                updated = cube.dimensions[content].lastUpdated[category] ?? updated
            }
            series.fileUnits.append((cube.file, units.mapValues(fitted)))
            updated = updated.map(fitted)
            if series.lastUpdated == nil || (updated ?? "") > (series.lastUpdated ?? "") { series.lastUpdated = updated }
            var categories = selection.chosen.map { $0 ?? 0 }
            // A period or a missing-value symbol is named by the time variable it belongs to.
            let timeOrigin = cube.origin.at(row: nil, column: nil, columnName: CellText.excerpt(cube.dimensions[time].name, length: 200))
            func fittedValue(_ text: String) -> String { CellText.fitted(text, at: timeOrigin, log: &log) }
            for (position, code) in cube.dimensions[time].codes.enumerated() {
                categories[time] = position
                let cell = cube.cells[cube.index(of: categories)] ?? CubeCell(value: nil, symbol: nil)
                let period = fittedValue(code)
                let point = IndicatorPoint(period: period, year: Self.year(of: period), value: cell.value, symbol: cell.symbol.map(fittedValue))
                if let earlier = byPeriod[code] {
                    // A later file may fill a year an earlier one lacks; two values for one year is a finding.
                    if earlier.value != nil, point.value != nil, earlier.value != point.value {
                        log.emit(.indicatorDuplicateValue, at: cube.origin, indicator.id, code,
                                 series.origins[code]?.file ?? "?")
                    }
                    if earlier.value != nil { continue }
                }
                byPeriod[code] = point
                series.origins[code] = cube.origin
            }
        }
        series.points = byPeriod.values.sorted { ($0.year ?? 0, $0.period) < ($1.year ?? 0, $1.period) }
        series.diagnostics += log.diagnostics
        return series
    }

    /// `2023` → 2023, `2024M07` → 2024, `2024Q2` → 2024.
    static func year(of period: String) -> Int? {
        let digits = period.prefix(4)
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let year = Int(digits) else { return nil }
        return year
    }
}

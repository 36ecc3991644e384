import Foundation

/// Validate stage for indicators: what a coordinator must know about each series before the
/// council sees it. Each finding is located: in the statistics file, or at the indicator's
/// line in the configuration when the settings themselves are wrong.
public struct IndicatorRules: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    public func check(_ series: IndicatorSeries) -> [Diagnostic] {
        var log = DiagnosticLog()
        let indicator = series.indicator
        let configFile = config.file.map { DisplayPath.of($0, root: config.projectRoot) } ?? "tilanne.yml"
        let settings = SourceLocation(file: configFile, row: indicator.configLine)
        let fileOrigin = series.files.first.map { SourceLocation(file: $0) } ?? settings
        if let baseline = indicator.baseline, let target = indicator.target, target.year < baseline.year {
            log.emit(.indicatorTargetBeforeBaseline, at: settings, indicator.id, "\(target.year)", "\(baseline.year)")
        }
        let readable = !series.damaged
        let values = series.points.filter { $0.value != nil }
        // An indicator followed by hand has no files to read values from.
        if readable, values.isEmpty, !indicator.sources.isEmpty {
            log.emit(.indicatorNoValues, at: fileOrigin, indicator.id, series.files.joined(separator: ", "))
        }
        // The unit must stay the same across the files of one indicator.
        let language = config.language.rawValue
        if let first = series.fileUnits.first(where: { !($0.units[language] ?? "").isEmpty }) {
            for other in series.fileUnits where !(other.units[language] ?? "").isEmpty {
                let a = first.units[language]!, b = other.units[language]!
                if TextNormaliser.comparisonKey(a) != TextNormaliser.comparisonKey(b) {
                    log.emit(.indicatorUnitChanged, at: SourceLocation(file: other.file), indicator.id, a, first.file, b)
                }
            }
        }
        guard !values.isEmpty else { return log.diagnostics }
        if let baseline = indicator.baseline, baseline.value == nil,
           !series.points.contains(where: { $0.year == baseline.year && $0.value != nil }) {
            log.emit(.indicatorBaselineMissing, at: fileOrigin, indicator.id, "\(baseline.year)")
        }
        if series.isStale(asOf: config.periodYear), let latest = series.latest?.year, let year = config.periodYear {
            log.emit(.indicatorStale, at: fileOrigin, indicator.id, "\(latest)", "\(year)", "\(indicator.maxAgeYears)")
        }
        let gaps = series.gaps
        if !gaps.isEmpty {
            let shown = gaps.map { "\($0.period) (\($0.symbol ?? "–"))" }.joined(separator: ", ")
            log.emit(.indicatorValueMissing, at: fileOrigin, indicator.id, shown)
        }
        return log.diagnostics
    }
}

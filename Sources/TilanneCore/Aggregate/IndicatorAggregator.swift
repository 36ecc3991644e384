import Foundation

/// Aggregate stage for indicators: from each checked series, the latest value and its year,
/// the change from the baseline, the share of the way to the target, and the status by the
/// direction and thresholds. Indicators are listed under the item they are attached to, in the
/// register's order, then in the order of the config.
public struct IndicatorAggregator: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    public func aggregate(_ series: [IndicatorSeries], diagnostics: [Diagnostic]) -> [IndicatorReport] {
        let order = Dictionary(config.register.allItems.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        let reports = series.map { report($0, diagnostics: diagnostics) }
        return reports.enumerated().sorted { a, b in
            let ta = a.element.itemPath.flatMap { order[$0] } ?? Int.max
            let tb = b.element.itemPath.flatMap { order[$0] } ?? Int.max
            return (ta, a.offset) < (tb, b.offset)
        }.map(\.element)
    }

    /// The figures' report, then the status set by hand and the programme's code for it.
    func report(_ series: IndicatorSeries, diagnostics: [Diagnostic]) -> IndicatorReport {
        var report = measured(series, diagnostics: diagnostics)
        if let manual = series.indicator.manualStatus {
            report.status = manual
            report.manualStatus = true
        }
        if let code = config.indicatorCodes[report.status] {
            report.statusMark = ProgressCell(mark: .known(code: code), legend: config.legend)
        }
        return report
    }

    private func measured(_ series: IndicatorSeries, diagnostics: [Diagnostic]) -> IndicatorReport {
        let indicator = series.indicator
        let language = config.language.rawValue
        let values = series.points.filter { $0.value != nil }
        let latest = series.latest
        var baseline: IndicatorPoint?
        if let configured = indicator.baseline {
            if let value = configured.value {
                baseline = IndicatorPoint(period: "\(configured.year)", year: configured.year, value: value, symbol: nil)
            } else {
                // The baseline year's value; for monthly or quarterly data, that year's last value.
                baseline = series.points.last { $0.year == configured.year && $0.value != nil }
            }
        } else {
            baseline = values.first
        }
        // A target range is reached at its near end; a baseline range counts from its middle.
        let target = indicator.target.map { configured in
            IndicatorPoint(period: "\(configured.year)", year: configured.year,
                           value: configured.value ?? configured.range.map { indicator.direction == .lower ? $0.high : $0.low }, symbol: nil)
        }
        if let configured = indicator.baseline, configured.range != nil || configured.text != nil {
            // A range counts from its middle; words have no value, only their year.
            let middle = configured.range.map { ($0.low + $0.high) / 2 }
            baseline = IndicatorPoint(period: "\(configured.year)", year: configured.year, value: middle, symbol: nil)
        }
        var report = IndicatorReport(
            id: indicator.id, name: indicator.name, untranslatedName: nil, item: heading(indicator.item), itemPath: indicator.item,
            unit: indicator.unit ?? series.fileUnits.first?.units[language] ?? "", direction: indicator.direction, band: indicator.band,
            baseline: baseline, latest: latest, target: target, change: nil, changeShare: nil, progress: nil,
            expectedProgress: nil, status: .noData, stale: false, missing: [], series: series.points,
            decimals: indicator.decimals ?? Self.decimals(values.compactMap(\.value)),
            files: series.files, tableTitle: series.tableTitle[language], statisticsSource: series.statisticsSource[language],
            lastUpdated: series.lastUpdated, findings: [], translations: nil)
        let files = Set(series.files)
        // Its findings: those about it, and those in its files.
        report.findings = Array(Set(diagnostics.filter { finding in
            finding.subject == .indicator(indicator.id) || finding.location.map { files.contains($0.file) } == true
        }.map(\.code))).sorted { $0.rawValue < $1.rawValue }
        report.missing = series.gaps
        report.stale = series.isStale(asOf: config.periodYear)
        var translations: [ReportLanguage: IndicatorTexts] = [:]
        for other in config.reportLanguages where other != config.language {
            translations[other] = IndicatorTexts(
                name: indicator.names[other],
                unit: indicator.unit == nil ? series.fileUnits.first?.units[other.rawValue] : indicator.units[other],
                tableTitle: series.tableTitle[other.rawValue], statisticsSource: series.statisticsSource[other.rawValue])
        }
        report.translations = translations.isEmpty ? nil : translations
        report.sourceLabel = indicator.sourceLabels[config.language]
        report.example = indicator.example ? true : nil
        report.exampleTarget = indicator.example || indicator.target?.example == true ? true : nil
        report.baselineText = indicator.baseline.flatMap { Self.writtenText($0, decimals: report.decimals, language: config.language) }
        report.targetText = indicator.target.flatMap { Self.writtenText($0, decimals: report.decimals, language: config.language) }
        guard let latest, let latestValue = latest.value else { return report }
        if let baselineValue = baseline?.value {
            report.change = latestValue - baselineValue
            if baselineValue != 0 { report.changeShare = (latestValue - baselineValue) / abs(baselineValue) }
        }
        report.status = status(indicator, baseline: baseline, latest: latest, target: target, report: &report)
        // Rounded so that the model's JSON and the files are the same on every machine.
        report.change = report.change.map { Self.round($0, places: report.decimals + 4) }
        report.changeShare = report.changeShare.map { Self.round($0, places: 6) }
        report.progress = report.progress.map { Self.round($0, places: 6) }
        report.expectedProgress = report.expectedProgress.map { Self.round($0, places: 6) }
        return report
    }

    /// The traffic light: the share of the way covered against the share a straight line would
    /// have covered by the latest year; for a band, whether the value is inside it.
    private func status(_ indicator: IndicatorConfig, baseline: IndicatorPoint?, latest: IndicatorPoint, target: IndicatorPoint?,
                        report: inout IndicatorReport) -> IndicatorStatus {
        let value = latest.value!
        if indicator.direction == .band, let band = indicator.band {
            if value >= band.low && value <= band.high { return .onTrack }
            guard let start = baseline?.value else { return .wrongWay }
            let distanceNow = value < band.low ? band.low - value : value - band.high
            let distanceThen = start < band.low ? band.low - start : max(start - band.high, 0)
            return distanceNow < distanceThen ? .behind : .wrongWay
        }
        guard let start = baseline?.value, let goal = target?.value, let startYear = baseline?.year else { return .noData }
        let sign: Double = indicator.direction == .higher ? 1 : -1
        let way = goal - start
        let covered = value - start
        if sign * (value - goal) >= 0 { report.progress = way == 0 ? 1 : covered / way; return .achieved }
        guard way != 0, sign * way > 0 else { return sign * covered > 0 ? .behind : .wrongWay }
        let progress = covered / way
        report.progress = progress
        var expected = 1.0
        if let targetYear = target?.year, let latestYear = latest.year, targetYear > startYear {
            expected = min(max(Double(latestYear - startYear) / Double(targetYear - startYear), 0), 1)
        }
        report.expectedProgress = expected
        if progress >= expected * indicator.thresholds.onTrack { return progress > indicator.thresholds.stalled ? .onTrack : .behind }
        return progress > indicator.thresholds.stalled ? .behind : .wrongWay
    }

    private func heading(_ path: ItemPath?) -> String? {
        guard let path, let item = config.register.item(path) else { return nil }
        return config.register.heading(item, language: config.language, main: config.language)
    }

    /// A range or words as the report shows them (`7–8`, "toteutuu"); nil for a plain number.
    static func writtenText(_ value: IndicatorYearValue, decimals: Int, language: ReportLanguage) -> String? {
        if let text = value.text { return text }
        guard let range = value.range else { return nil }
        let strings = ReportStrings(language: language)
        return "\(strings.decimal(range.low, decimals: decimals))–\(strings.decimal(range.high, decimals: decimals))"
    }

    static func round(_ value: Double, places: Int) -> Double {
        let scale = pow(10.0, Double(places))
        return (value * scale).rounded() / scale
    }

    /// As many decimals as the values use, at most two.
    static func decimals(_ values: [Double]) -> Int {
        for places in 0...1 {
            let scale = pow(10.0, Double(places))
            if values.allSatisfy({ abs(($0 * scale).rounded() - $0 * scale) < 1e-9 }) { return places }
        }
        return 2
    }
}

import Foundation

/// `…-mittarit.csv`: the indicator table, numbers written as a Finnish reader writes them
/// (`124 025`, `7,8 %`), one row per indicator; the series is in the workbook.
public struct IndicatorsCSVRenderer: ReportRenderer {
    public let format = OutputFormat.csv
    public let variant = ReportVariant.indicators

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let strings = ReportStrings(language: model.language)
        let table = try CSVTable(url: url, header: [
            model.indicatorPlaceColumn, strings.indicator, strings.unit, "\(strings.baseline): \(strings.period.lowercased())", strings.baseline,
            "\(strings.latest): \(strings.period.lowercased())", strings.latest, "\(strings.target): \(strings.period.lowercased())",
            strings.target, strings.change, strings.progressToTarget, strings.expectedByNow, strings.progress, strings.indicatorStatus,
            strings.missingPeriodsColumn, strings.statisticsSource,
        ])
        for indicator in model.indicators ?? [] {
            let decimals = indicator.decimals
            func value(_ point: IndicatorPoint?) -> [String] {
                guard let point, let value = point.value else { return ["", ""] }
                return [point.period, strings.measure(value, decimals: decimals, unit: indicator.unit == "%" ? "%" : "")]
            }
            var target = value(indicator.target)
            if let text = indicator.targetText { target = [indicator.target?.period ?? "", text] }
            var baseline = value(indicator.baseline)
            if let text = indicator.baselineText { baseline = [indicator.baseline?.period ?? "", text] }
            if indicator.direction == .band, let band = indicator.band {
                target = ["", "\(strings.decimal(band.low, decimals: decimals))–\(strings.decimal(band.high, decimals: decimals))"]
            }
            table.row([indicator.item ?? "", indicator.shownName(model), indicator.unit]
                      + baseline + value(indicator.latest) + target + [
                          indicator.change.map { strings.signedChange($0, decimals: decimals, unit: "") } ?? "",
                          indicator.progress.map(strings.percent) ?? "",
                          indicator.expectedProgress.map(strings.percent) ?? "",
                          indicator.statusMark?.code ?? indicator.status.symbol,
                          (indicator.statusMark?.label ?? strings.indicatorStatusLabel(indicator.status))
                              + (indicator.stale ? " (\(strings.oldData))" : "") + (indicator.manualStatus == true ? " (\(strings.statusSetByHand))" : ""),
                          indicator.missing.map { "\($0.period) \($0.symbol ?? "")".trimmingCharacters(in: .whitespaces) }.joined(separator: ", "),
                          indicator.sourceNotes(strings).joined(separator: "; "),
                      ], codes: [12])
        }
        try table.close()
    }
}

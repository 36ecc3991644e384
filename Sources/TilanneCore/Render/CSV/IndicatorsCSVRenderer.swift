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
        let layout = IndicatorTableLayout(model.indicators ?? [], model: model)
        for row in layout.groups.flatMap(\.rows) {
            let indicator = row.indicator
            let decimals = indicator.decimals
            /// A figure in two cells: its period and its value, as the reader writes numbers.
            func figure(_ figure: IndicatorTableLayout.Figure) -> [String] {
                switch figure {
                case .value(let value, let period): [period, strings.measure(value, decimals: decimals, unit: indicator.unit == "%" ? "%" : "")]
                case .written(let text, let period): [period ?? "", text]
                case .band(let low, let high): ["", "\(strings.decimal(low, decimals: decimals))–\(strings.decimal(high, decimals: decimals))"]
                case .none: ["", ""]
                }
            }
            let (baseline, target) = (figure(row.baseline), figure(row.target))
            table.row([indicator.item ?? "", indicator.shownName(model), indicator.unit]
                      + baseline + figure(row.latest) + target + [
                          indicator.change.map { strings.signedChange($0, decimals: decimals, unit: "") } ?? "",
                          indicator.progress.map(strings.percent) ?? "",
                          indicator.expectedProgress.map(strings.percent) ?? "",
                          indicator.statusMark?.code ?? indicator.status.symbol,
                          (indicator.statusMark?.label ?? strings.indicatorStatusLabel(indicator.status))
                              + (row.oldData ? " (\(strings.oldData))" : "") + (row.setByHand ? " (\(strings.statusSetByHand))" : ""),
                          indicator.missing.map { "\($0.period) \($0.symbol ?? "")".trimmingCharacters(in: .whitespaces) }.joined(separator: ", "),
                          (row.examples + (row.source.map { [$0] } ?? [])).joined(separator: "; "),
                      ], codes: [12])
        }
        try table.close()
    }
}

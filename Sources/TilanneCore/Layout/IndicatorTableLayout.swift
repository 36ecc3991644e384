/// Layout of the indicators ("Mittarit"): the groups (one per item, in report order), and for
/// each indicator what its figures are — a value in its period, a text the programme wrote (a
/// range, words), a band of targets, or nothing —, where its figures come from, and what a
/// reader must be told about them (old data, missing values, examples, a status set by hand).
/// Decided once; the XLSX sheet (numbers in cells, a unit column) and the HTML tables (the unit
/// with each figure) only format it.
public struct IndicatorTableLayout: Sendable {
    /// One figure of an indicator.
    public enum Figure: Sendable, Hashable {
        case value(Double, period: String)
        /// What the programme wrote instead of a number (`7–8`, "toteutuu"), in its period if any.
        case written(String, period: String?)
        /// A band of targets: the figure should stay between the two.
        case band(low: Double, high: Double)
        /// No value (not published, or missing).
        case none
    }

    public struct Row: Sendable {
        public var indicator: IndicatorReport
        public var baseline: Figure
        public var latest: Figure
        public var target: Figure
        /// How the indicator is read (higher is better, a band …).
        public var direction: String
        /// Notes on where the figures come from: examples marked, the target an example, the source.
        public var examples: [String]
        public var source: String?
        /// The latest value is older than the period allows.
        public var oldData: Bool
        /// The periods without a value.
        public var missingPeriods: [String]
        public var setByHand: Bool
    }

    public struct Group: Sendable {
        /// The item the indicators follow, or what a group without one is called.
        public var title: String
        public var rows: [Row]
    }

    public let groups: [Group]

    public init(_ indicators: [IndicatorReport], model: ReportModel) {
        let strings = ReportStrings(language: model.language)
        func figure(_ point: IndicatorPoint?) -> Figure {
            guard let point, let value = point.value else { return .none }
            return .value(value, period: point.period)
        }
        groups = indicators.byItem.map { item, members in
            Group(title: item ?? strings.noIndicatorTheme, rows: members.map { indicator in
                let target: Figure = if indicator.direction == .band, let band = indicator.band {
                    .band(low: band.low, high: band.high)
                } else if let text = indicator.targetText {
                    .written(text, period: indicator.target?.period)
                } else {
                    figure(indicator.target)
                }
                var examples: [String] = []
                if indicator.example == true { examples.append(strings.exampleFigures) }
                if indicator.exampleTarget == true && indicator.example != true { examples.append(strings.exampleTargetNote) }
                return Row(indicator: indicator,
                           baseline: indicator.baselineText.map { .written($0, period: indicator.baseline?.period) } ?? figure(indicator.baseline),
                           latest: figure(indicator.latest), target: target,
                           direction: strings.directionLabel(indicator.direction), examples: examples,
                           source: indicator.shownSource, oldData: indicator.stale,
                           missingPeriods: indicator.missing.map(\.period), setByHand: indicator.manualStatus == true)
            })
        }
    }

    /// The layout as readable text, for reference tests: per group its title, per indicator its
    /// name, the three figures, how to read it, and what the reader is told about its figures.
    public var snapshot: String {
        func text(_ figure: Figure) -> String {
            switch figure {
            case .value(let value, let period): "\(value) (\(period))"
            case .written(let text, let period): "\"\(text)\"" + (period.map { " (\($0))" } ?? "")
            case .band(let low, let high): "\(low)…\(high)"
            case .none: "–"
            }
        }
        var lines: [String] = []
        for group in groups {
            lines.append("# \(group.title)")
            for row in group.rows {
                let notes = row.examples + (row.source.map { ["source: \($0)"] } ?? []) + (row.oldData ? ["old data"] : [])
                    + (row.missingPeriods.isEmpty ? [] : ["missing: " + row.missingPeriods.joined(separator: ", ")])
                    + (row.setByHand ? ["set by hand"] : [])
                lines.append([row.indicator.name, text(row.baseline), text(row.latest), text(row.target), row.direction]
                    .joined(separator: " | ") + (notes.isEmpty ? "" : " | " + notes.joined(separator: "; ")))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}


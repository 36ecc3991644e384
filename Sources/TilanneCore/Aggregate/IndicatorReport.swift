/// One indicator as every renderer shows it: baseline, latest value, target, how far along
/// the way it is, and its traffic-light status, with the series for a small chart.
public struct IndicatorReport: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    /// Set when the name is shown in the main language for want of a translation.
    public var untranslatedName: Bool?
    /// The heading of the item it is attached to, and the item; nil: "other indicators".
    public var item: String?
    public var itemPath: ItemPath?
    public var unit: String
    public var direction: IndicatorDirection
    public var band: IndicatorBand?
    public var baseline: IndicatorPoint?
    public var latest: IndicatorPoint?
    public var target: IndicatorPoint?
    /// Latest minus baseline, and as a share of the baseline.
    public var change: Double?
    public var changeShare: Double?
    /// Share of the way from the baseline to the target covered by the latest value (1 = reached).
    public var progress: Double?
    /// Share of the way a straight line from baseline to target would have covered by the latest year.
    public var expectedProgress: Double?
    public var status: IndicatorStatus
    /// The status as the programme's legend writes it, when the programme maps it.
    public var statusMark: ProgressCell?
    /// The status was set by hand, not judged from the figures.
    public var manualStatus: Bool?
    /// Baseline and target as written when they are a range (`7–8`) or words ("toteutuu").
    public var baselineText: String?
    public var targetText: String?
    /// Where the figures come from, as readers see it; the files are never shown.
    public var sourceLabel: String?
    /// The figures are examples (the config says so): shown marked as such everywhere.
    public var example: Bool?
    /// The target is an example, not the programme's own.
    public var exampleTarget: Bool?
    /// The latest value is older than the indicator allows.
    public var stale: Bool
    /// Periods between the first and latest value without a value, with their symbols.
    public var missing: [IndicatorPoint]
    /// Every period with its value, for the chart and the series sheet.
    public var series: [IndicatorPoint]
    public var decimals: Int
    /// The statistics files and the table they hold.
    public var files: [String]
    public var tableTitle: String?
    public var statisticsSource: String?
    public var lastUpdated: String?
    /// Codes of the findings about this indicator.
    public var findings: [DiagnosticCode]
    /// Name and unit in the other report languages (from the config, else from the files).
    public var translations: [ReportLanguage: IndicatorTexts]?
}

extension IndicatorReport {
    /// `+  Tavoite saavutettu`, in the programme's legend when it maps the statuses.
    public func statusText(_ strings: ReportStrings) -> String {
        if let mark = statusMark { return "\(mark.code)  \(mark.label ?? "")" }
        return "\(status.symbol)  \(strings.indicatorStatusLabel(status))"
    }

    /// The fill of the status cell.
    public var statusColour: String { statusMark?.colour ?? status.colour }

    /// What the source column shows: the config's label for readers, else (for figures that are
    /// not examples) the statistics file's own statement of its source or its table. Never a file's path.
    public var shownSource: String? { sourceLabel ?? (example == true ? nil : statisticsSource ?? tableTitle) }

    /// The name as the report shows it, marked when the figures are examples.
    public func shownName(_ model: ReportModel) -> String {
        let name = model.shown(self.name, untranslated: untranslatedName == true)
        return example == true ? "\(name) (\(ReportStrings(language: model.language).exampleFigure))" : name
    }
}

extension Array where Element == IndicatorReport {
    /// The indicators in runs of the same item, in report order: one table (or block) each.
    public var byItem: [(item: String?, indicators: [IndicatorReport])] {
        var groups: [(item: String?, indicators: [IndicatorReport])] = []
        for indicator in self {
            if let last = groups.last, last.item == indicator.item {
                groups[groups.count - 1].indicators.append(indicator)
            } else {
                groups.append((indicator.item, [indicator]))
            }
        }
        return groups
    }
}

public struct IndicatorTexts: Sendable, Codable, Hashable {
    public var name: String?
    public var unit: String?
    public var tableTitle: String?
    public var statisticsSource: String?
}

/// The traffic light. Each status has a symbol like the progress legend's, a colour, and a
/// text, so colour is never the only signal.
public enum IndicatorStatus: String, Sendable, Codable, CaseIterable {
    case achieved
    case onTrack = "on-track"
    case behind
    case wrongWay = "wrong-way"
    case noData = "no-data"

    public var symbol: String {
        switch self {
        case .achieved, .onTrack: "+"
        case .behind: "+/-"
        case .wrongWay: "-"
        case .noData: "?"
        }
    }

    /// Fill colours that keep black text at a contrast of at least 4.5:1 (WCAG 2.1 AA).
    public var colour: String {
        switch self {
        case .achieved: "#7FC97F"
        case .onTrack: "#B8E0B0"
        case .behind: "#FFE08A"
        case .wrongWay: "#F4A6A6"
        case .noData: "#D9D9D9"
        }
    }
}

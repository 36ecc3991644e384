/// Stage boundary aggregate → render: the whole report, format-neutral. Every renderer reads
/// this and nothing else; `tilanne run --dump-model` writes it as JSON.
public struct ReportModel: Sendable, Codable {
    /// Raised when the JSON shape changes incompatibly.
    public var schemaVersion: Int = 1
    public var programme: ProgrammeSummary
    public var period: String
    public var language: ReportLanguage
    public var legend: [LegendItem]
    public var themes: [ThemeReport]
    public var totals: ProgressCounts
    public var diagnostics: [Diagnostic]
    public var rejectedRows: [RejectedRow]
    public var accounting: RowAccounting
    public var sources: [SourceSummary]
    public var document: DocumentProperties
    /// Set when a previous period is frozen in the history.
    public var comparison: PeriodComparison?
    /// Rows to update, per responsible party; set when the history is on.
    public var updateRequests: [UpdateRequest]?
    /// In a report translated from the main language: that language (untranslated texts are in it).
    public var sourceLanguage: ReportLanguage?
    /// The indicators (mittarit); nil when the config has none.
    public var indicators: [IndicatorReport]?

    /// A text as the report shows it: marked `[på finska]` when it is in the source's language
    /// for want of a translation.
    public func shown(_ text: String, untranslated: Bool) -> String {
        guard untranslated, let sourceLanguage, !text.isEmpty else { return text }
        return ReportStrings(language: language).untranslatedMarker(sourceLanguage) + " " + text
    }

    public func shown(_ action: ActionReport, _ field: Field) -> String {
        let text = field == .action ? action.action : action.status
        return shown(text, untranslated: action.untranslated?.contains(field) == true)
    }

    /// Every action in report order (theme, goal, source order).
    public var allActions: [ActionReport] { themes.flatMap { $0.goals.flatMap(\.actions) } }
}

public struct ProgrammeSummary: Sendable, Codable, Hashable {
    public var name: String
    public var organisation: String?
    public var strategy: String?
    public var bindingGoalLabel: String
}

public struct LegendItem: Sendable, Codable, Hashable {
    public var code: String
    public var label: String
    public var colour: String
}

public struct ThemeReport: Sendable, Codable, Hashable {
    public var title: String
    /// Set when the title is shown in the source's language for want of a translation.
    public var untranslatedTitle: Bool?
    public var goals: [GoalReport]
    public var counts: ProgressCounts
}

public struct GoalReport: Sendable, Codable, Hashable {
    public var number: Int
    /// The register's official title.
    public var title: String
    public var untranslatedTitle: Bool?
    public var bindingGoal: BindingGoal?
    public var actions: [ActionReport]
    public var counts: ProgressCounts
}

public struct ActionReport: Sendable, Codable, Hashable {
    public var id: String
    public var source: SourceLocation
    public var theme: String
    public var goalNumber: Int
    public var goalTitle: String
    public var action: String
    public var projects: [Project]
    public var responsible: [String]
    public var progress: ProgressCell
    public var status: String
    /// Codes of the findings about this row (shown as a flag in the report).
    public var findings: [DiagnosticCode]
    public var change: ActionChangeNote?
    public var stale: StaleNote?
    /// The action's own texts in other report languages; nil when the source gives none.
    public var translations: [ReportLanguage: TranslatedTexts]?
    /// In a report in another language: the fields shown in the source's language because the
    /// source has no translation (marked in every format).
    public var untranslated: [Field]?
}

/// What the progress cell shows: the code as written, its label when the legend knows it,
/// and whether it needs checking. Colour is never the only signal.
public struct ProgressCell: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable { case known, unknown, missing }
    public var code: String
    public var label: String?
    public var colour: String?
    public var status: Status
}

/// How many actions carry each code, and their share of all actions in the group.
public struct ProgressCounts: Sendable, Codable, Hashable {
    public var byCode: [CodeCount]
    /// Actions whose code is not in the legend (e.g. `+?`), by the code as written.
    public var unknown: [CodeCount]
    public var missing: Int
    public var total: Int

    public struct CodeCount: Sendable, Codable, Hashable {
        public var code: String
        public var count: Int
        /// Share of `total`, 0…1, rounded to four decimals so the JSON is stable.
        public var share: Double
    }

    public var unknownTotal: Int { unknown.reduce(0) { $0 + $1.count } }
}

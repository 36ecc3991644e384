/// The progress codes a programme uses, in order from best to worst, with their labels,
/// colours and the spellings that mean the same code.
public struct ProgressLegend: Sendable, Codable {
    public var entries: [ProgressLegendEntry]

    public init(entries: [ProgressLegendEntry]) { self.entries = entries }

    public func entry(for code: String) -> ProgressLegendEntry? {
        entries.first { $0.code == code }
    }

    /// Codes whose actions are done: kept out of the lists of rows to update.
    public var doneCodes: Set<String> { Set(entries.filter { $0.state == .done }.map(\.code)) }
}

/// What a legend code says about an action, beyond better or worse.
public enum ProgressState: String, Sendable, Codable, CaseIterable {
    case done
    case inProgress = "in_progress"
    case notStarted = "not_started"
    case noInformation = "no_information"
}

/// A range of percentages (inclusive) that a code stands for, e.g. 50–99 % → "Etenee".
public struct PercentBand: Sendable, Codable, Hashable {
    public var from: Double
    public var to: Double

    public func contains(_ value: Double) -> Bool {
        // A band to 99 takes 99.4 % as shown rounded; the next band starts at 100.
        value >= from && value < to + 1 || value == to
    }
}

public struct ProgressLegendEntry: Sendable, Codable, Hashable {
    public var code: String
    public var label: String
    /// Fill colour as `#RRGGBB`. Always shown together with the code and the label.
    public var colour: String
    public var aliases: [String]
    /// Whether the code takes part in the better/worse order (`?` does not).
    public var ranked: Bool
    /// The label in the other report languages (`label_sv`).
    public var labels: [ReportLanguage: String] = [:]
    public var state: ProgressState = .inProgress
    /// Percentages that mean this code (Kouvola's 0–100 % progress).
    public var percentBand: PercentBand?
    /// A cell fill colour (`#RRGGBB`) that means this code when the cell holds no text.
    public var fill: String?

    public init(code: String, label: String, colour: String, aliases: [String], ranked: Bool, labels: [ReportLanguage: String] = [:]) {
        self.code = code
        self.label = label
        self.colour = colour
        self.aliases = aliases
        self.ranked = ranked
        self.labels = labels
    }
}

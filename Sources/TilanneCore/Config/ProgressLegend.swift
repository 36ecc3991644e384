/// The progress codes a programme uses, in order from best to worst, with their labels,
/// colours and the spellings that mean the same code.
public struct ProgressLegend: Sendable, Codable {
    public var entries: [ProgressLegendEntry]

    public init(entries: [ProgressLegendEntry]) { self.entries = entries }

    public func entry(for code: String) -> ProgressLegendEntry? {
        entries.first { $0.code == code }
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

    public init(code: String, label: String, colour: String, aliases: [String], ranked: Bool, labels: [ReportLanguage: String] = [:]) {
        self.code = code
        self.label = label
        self.colour = colour
        self.aliases = aliases
        self.ranked = ranked
        self.labels = labels
    }
}

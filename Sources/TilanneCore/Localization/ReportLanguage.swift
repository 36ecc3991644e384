/// The language everything a reader sees is written in. Code and docs stay in English.
public enum ReportLanguage: String, Codable, Sendable, CaseIterable {
    case fi
    case sv
    case en

    /// Finnish and Swedish write decimals with a comma.
    public var decimalComma: Bool { self != .en }
}

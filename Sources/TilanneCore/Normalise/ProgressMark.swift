/// The progress cell of one action after normalisation. An unknown code is kept exactly as
/// written: it is shown and counted, never dropped or coerced to a legend code.
public enum ProgressMark: Sendable, Hashable, Codable {
    case known(code: String)
    case unknown(written: String)
    case missing

    /// The text to show in the code position.
    public var shownCode: String {
        switch self {
        case .known(let code): code
        case .unknown(let written): written
        case .missing: ""
        }
    }
}

/// Maps what people write in the progress column to legend codes through the legend's
/// aliases, after removing white space and unifying dash variants (`+ / -`, `+/–`, `±`).
public struct ProgressCodeResolver: Sendable {
    private let lookup: [String: String]

    public init(legend: ProgressLegend) {
        var lookup: [String: String] = [:]
        for entry in legend.entries {
            lookup[Self.key(entry.code)] = entry.code
            for alias in entry.aliases { lookup[Self.key(alias)] = entry.code }
        }
        for entry in legend.entries where lookup[Self.key(entry.code)] != entry.code {
            lookup[Self.key(entry.code)] = entry.code
        }
        self.lookup = lookup
    }

    public func resolve(_ written: String) -> ProgressMark {
        let trimmed = TextNormaliser.singleLine(written)
        if trimmed.isEmpty { return .missing }
        if let code = lookup[Self.key(trimmed)] { return .known(code: code) }
        return .unknown(written: trimmed)
    }

    static func key(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if scalar.properties.isWhitespace || TextNormaliser.isInvisible(value) { continue }
            if TextNormaliser.isAnyDash(value) { scalars.append("-"); continue }
            switch value {
            case 0x00B1: scalars.append(contentsOf: "+/-".unicodeScalars) // ±
            case 0xFF0B, 0xFE62: scalars.append("+") // fullwidth and small plus
            case 0xFF1F: scalars.append("?")
            case 0x2044, 0x2215: scalars.append("/") // fraction and division slash
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

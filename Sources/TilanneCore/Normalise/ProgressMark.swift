import Foundation

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
/// aliases, ignoring case and white space and unifying dash variants (`+ / -`, `+/–`, `±`,
/// `keltainen` = `Keltainen`); a percentage (`60 %`, a percent cell read as `60 %`) maps to
/// the code whose band holds it; an empty cell filled with a legend colour, to that code.
public struct ProgressCodeResolver: Sendable {
    private let lookup: [String: String]
    private let bands: [(band: PercentBand, code: String)]
    private let fills: [String: String]

    public init(legend: ProgressLegend) {
        bands = legend.entries.compactMap { entry in entry.percentBand.map { ($0, entry.code) } }
        fills = Dictionary(legend.entries.compactMap { entry in entry.fill.map { ($0.uppercased(), entry.code) } }) { first, _ in first }
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

    public func resolve(_ written: String, fill: String? = nil) -> ProgressMark {
        let trimmed = TextNormaliser.singleLine(written)
        if trimmed.isEmpty {
            if let fill, let code = fills[fill.uppercased()] { return .known(code: code) }
            return .missing
        }
        if let code = lookup[Self.key(trimmed)] { return .known(code: code) }
        if !bands.isEmpty, let percent = Self.percentage(trimmed), let match = bands.first(where: { $0.band.contains(percent) }) {
            return .known(code: match.code)
        }
        return .unknown(written: trimmed)
    }

    /// `60 %`, `60%`, `60,5 %` → 60 (or 60.5); nil when the text is not a percentage.
    static func percentage(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces)
        guard body.hasSuffix("%") else { return nil }
        body.removeLast()
        body = body.filter { !$0.isWhitespace }.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(body), value >= 0, value <= 1000 else { return nil }
        return value
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
        return String(scalars).lowercased()
    }
}

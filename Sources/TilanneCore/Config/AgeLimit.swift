import Foundation

/// How old an input may be before a run says so (`validation.input_max_age: 45d`, a source's
/// `max_age: 36h`). Parsed once, when the configuration is read, so that a typo stops the run
/// with its key and line instead of silently switching the check off.
public struct AgeLimit: Sendable, Codable, Hashable {
    /// The unit as written: days for a coordinator's monthly table, hours for a nightly export.
    public enum Unit: String, Sendable, Codable, Hashable {
        case days = "d"
        case hours = "h"

        var seconds: Int {
            switch self {
            case .days: 86_400
            case .hours: 3_600
            }
        }

        var secondsInterval: TimeInterval { TimeInterval(seconds) }
    }

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// `45d`, `36h`; nil for anything else (no unit, a fraction, zero, a negative or an unknown unit).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last, let unit = Unit(rawValue: String(last)) else { return nil }
        let digits = trimmed.dropLast()
        // Whole numbers only, and at most ten years: a larger limit is a typo, not a policy.
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int(digits), amount > 0,
              amount * unit.seconds <= 3_650 * 86_400 else { return nil }
        self.init(amount: amount, unit: unit)
    }

    /// `0d`: an age under one unit, which a finding may say but a configuration may not set.
    static func zero(_ text: String) -> AgeLimit? {
        guard let last = text.last, let unit = Unit(rawValue: String(last)), text.dropLast() == "0" else { return nil }
        return AgeLimit(amount: 0, unit: unit)
    }

    public var seconds: TimeInterval { TimeInterval(amount * unit.seconds) }

    /// As the configuration writes it: `45d`.
    public var written: String { "\(amount)\(unit.rawValue)" }
}

/// A duration as an operator writes it on a command line: `26h`, `90m`, `2d`, `45s`, or parts
/// together (`1d12h`). Used by `tilanne status --max-age`.
public enum CommandLineDuration {
    /// Seconds; nil when the text is not such a duration (or is zero).
    public static func seconds(_ text: String) -> Int? {
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in text.lowercased() {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            let unit: Int
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86400
            default: return nil
            }
            guard let number = Int(digits) else { return nil }
            let (product, overflow) = number.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            total += product
            digits = ""
            sawUnit = true
        }
        guard sawUnit, digits.isEmpty, total > 0 else { return nil }
        return total
    }
}

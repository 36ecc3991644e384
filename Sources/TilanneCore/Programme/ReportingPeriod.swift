/// How a programme writes its reporting periods: a pattern where `YYYY` is the year and `N`
/// the period's number within the year, everything else literal (`N/YYYY` → `1/2024`,
/// `TP YYYY` → `TP 2022`, `QN/YYYY` → `Q1/2025`, `YYYY` → `2023`).
public struct PeriodFormat: Sendable, Codable, Hashable {
    public var pattern: String
    /// Periods in a year when the pattern has `N` (to name the previous period of `1/2024`).
    public var perYear: Int?

    public static let halfYears = PeriodFormat(pattern: "N/YYYY", perYear: 2)

    public init(pattern: String, perYear: Int? = nil) {
        self.pattern = pattern
        self.perYear = perYear
    }

    /// Whether the pattern is one this reader understands: exactly one `YYYY`, at most one `N`.
    public var isValid: Bool {
        let years = pattern.components(separatedBy: "YYYY").count - 1
        let numbers = pattern.replacingOccurrences(of: "YYYY", with: "").filter { $0 == "N" }.count
        return years == 1 && numbers <= 1
    }

    var hasNumber: Bool { pattern.replacingOccurrences(of: "YYYY", with: "").contains("N") }

    /// Reads a label written in this format, or nil when it is not one (`2025/2` under `N/YYYY`).
    public func parse(_ label: String) -> ReportingPeriod? {
        let text = TextNormaliser.singleLine(label)
        var year: Int?
        var number: Int?
        var rest = Substring(text)
        var template = Substring(pattern)
        while !template.isEmpty {
            if template.hasPrefix("YYYY") {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard digits.count == 4, let value = Int(digits) else { return nil }
                year = value
                rest = rest.dropFirst(4)
                template = template.dropFirst(4)
            } else if template.first == "N" {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, digits.count <= 2, let value = Int(digits), value >= 1 else { return nil }
                if let perYear, value > perYear { return nil }
                number = value
                rest = rest.dropFirst(digits.count)
                template = template.dropFirst()
            } else {
                guard let expected = template.first, let found = rest.first,
                      String(expected).lowercased() == String(found).lowercased() || (expected == " " && found.isWhitespace) else { return nil }
                rest = rest.dropFirst()
                template = template.dropFirst()
            }
        }
        guard rest.isEmpty, let year else { return nil }
        // One label per period whatever the spelling (`tp 2023`, `TP  2023`): it keys the history.
        return ReportingPeriod(label: self.label(year: year, number: number), year: year, number: number, format: self)
    }

    /// The label of a year and number in this format.
    public func label(year: Int, number: Int?) -> String {
        var text = pattern.replacingOccurrences(of: "YYYY", with: String(year))
        if let number { text = text.replacingOccurrences(of: "N", with: String(number)) }
        return text
    }
}

/// A reporting period as a value: parsed once, by the programme's declared format, with an
/// order, the period before it and a form safe in a file name. The label is what readers see.
public struct ReportingPeriod: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var label: String
    public var year: Int
    /// The number within the year, when the format has one.
    public var number: Int?
    public var format: PeriodFormat

    public var description: String { label }

    public static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool {
        (a.year, a.number ?? 0) < (b.year, b.number ?? 0)
    }

    /// `1/2024` → `1-2024`, `TP 2022` → `TP-2022`: letters, digits, `-` and `_` only.
    public var fileNameForm: String {
        var result = ""
        for character in label {
            if character.isASCII && (character.isLetter || character.isNumber || character == "_") {
                result.append(character)
            } else if !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// The period before this one in the same format (`1/2024` → `2/2023`, `TP 2022` → `TP 2021`).
    public var previous: ReportingPeriod {
        var year = self.year
        var number = self.number
        if let current = number {
            if current > 1 {
                number = current - 1
            } else {
                year -= 1
                number = format.perYear ?? current
            }
        } else {
            year -= 1
        }
        return ReportingPeriod(label: format.label(year: year, number: number), year: year, number: number, format: format)
    }

    /// The period after this one in the same format (`2/2023` → `1/2024`, `TP 2021` → `TP 2022`).
    public var next: ReportingPeriod {
        var year = self.year
        var number = self.number
        if let current = number {
            if current < (format.perYear ?? Int.max) {
                number = current + 1
            } else {
                year += 1
                number = 1
            }
        } else {
            year += 1
        }
        return ReportingPeriod(label: format.label(year: year, number: number), year: year, number: number, format: format)
    }

    /// Order key kept in the history (`2024-001`: year, then the number within it; the form
    /// earlier versions wrote), so periods sort by time, not by label.
    public var sortKey: String {
        let number = String(number ?? 0)
        return "\(year)-" + String(repeating: "0", count: max(0, 3 - number.count)) + number
    }

    /// Replaces `{period}` and `{previous_period}` in a config text; `fileName` uses the safe form.
    public func fill(_ template: String, fileName: Bool = false) -> String {
        guard template.contains("{") else { return template }
        return template
            .replacingOccurrences(of: "{previous_period}", with: fileName ? previous.fileNameForm : previous.label)
            .replacingOccurrences(of: "{period}", with: fileName ? fileNameForm : label)
    }
}

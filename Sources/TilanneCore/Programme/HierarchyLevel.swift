/// How a level of the programme numbers its items.
public enum Numbering: String, Sendable, Codable, CaseIterable {
    /// No number: items are known by title (or a declared key).
    case none
    /// `1`, `2`, … (`1.` and `1)` as written mean 1).
    case integer
    /// A dotted path, `6.1` or `1.1.1` (a trailing dot as printed, `1.1.`, is dropped).
    case dotted
    /// Kept exactly as written, e.g. `A`, `1)`; compared ignoring case and spacing.
    case asWritten = "as_written"
}

/// One level of the hierarchy a programme declares above its actions, e.g. Painopiste,
/// Tavoite, Kohta: its name in each report language, its numbering and its heading.
public struct HierarchyLevel: Sendable, Codable, Hashable {
    /// Stable key used in the config (`columns.levels.<key>`, `sections.<key>`).
    public var key: String
    /// The level's name per language; the main language's is always there.
    public var names: [ReportLanguage: String]
    public var numbering: Numbering
    /// How a heading shows an item: `{number}` and `{title}` per language, e.g. `TAVOITE {number}. {title}`.
    public var headings: [ReportLanguage: String]

    public init(key: String, names: [ReportLanguage: String], numbering: Numbering, headings: [ReportLanguage: String]) {
        self.key = key
        self.names = names
        self.numbering = numbering
        self.headings = headings
    }

    public func name(_ language: ReportLanguage, fallback: ReportLanguage) -> String {
        names[language] ?? names[fallback] ?? key
    }

    /// The level's name as a finding's argument: in each reader's language, else in `main`.
    public func nameArgument(main: ReportLanguage) -> DiagnosticArgument {
        .names(Dictionary(uniqueKeysWithValues: ReportLanguage.allCases.map { ($0, name($0, fallback: main)) }))
    }

    /// The heading of an item in `language` (the main language's template when that one has none).
    public func heading(number: String?, title: String, language: ReportLanguage, fallback: ReportLanguage) -> String {
        let template = headings[language] ?? headings[fallback] ?? (numbering == .none ? "{title}" : "{number} {title}")
        guard let number else {
            // An unnumbered item of a numbered level (a special project): the title alone.
            return title
        }
        return template.replacingOccurrences(of: "{number}", with: number).replacingOccurrences(of: "{title}", with: title)
    }

    /// How a summary row or list names an item: `5. Matkailun edistäminen`, `1.1 Yhteisöllisyys`,
    /// or the title alone.
    public func label(number: String?, title: String) -> String {
        guard let number else { return title }
        // As the headings write the number: `TAVOITE 5. …` → `5. …`, `6.1 …` → `6.1 …`.
        let dotted = headings.values.contains { $0.contains("{number}.") }
        return dotted ? "\(number). \(title)" : "\(number) \(title)"
    }

    /// The key of a number as written in a table or the config, or nil when it is not a
    /// number of this level's kind (`6.1` is not an integer; `x` is not dotted).
    public func numberKey(_ written: String) -> String? {
        var text = TextNormaliser.singleLine(written)
        switch numbering {
        case .none:
            return nil
        case .integer:
            while let last = text.last, last == "." || last == ")" { text.removeLast() }
            guard let value = Int(text), value >= 0 else { return nil }
            return String(value)
        case .dotted:
            while text.last == "." { text.removeLast() }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.allSatisfy({ Int($0) != nil }) else { return nil }
            return parts.map { String(Int($0)!) }.joined(separator: ".")
        case .asWritten:
            let key = TextNormaliser.comparisonKey(text)
            return key.isEmpty ? nil : key
        }
    }

    /// Splits a cell that may hold a number and a title ("6.1 Teollisuuden menestys", "1",
    /// "Kehitysperusta") into the two, by this level's numbering.
    public func splitNumberAndTitle(_ cell: String) -> (number: String?, title: String?) {
        let text = TextNormaliser.singleLine(cell)
        if text.isEmpty { return (nil, nil) }
        guard numbering != .none else { return (nil, text) }
        let token = text.prefix { !$0.isWhitespace }
        if numberKey(String(token)) != nil {
            let rest = text.dropFirst(token.count).trimmingPrefix(while: { $0.isWhitespace || $0 == "–" || $0 == "-" || $0 == ":" })
            return (String(token), rest.isEmpty ? nil : String(rest))
        }
        return (nil, text)
    }
}

private extension Substring {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let first = result.first, predicate(first) { result.removeFirst() }
        return result
    }
}

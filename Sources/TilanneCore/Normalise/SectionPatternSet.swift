import Foundation

/// The patterns that recognise a sectioned table's section rows, per level (0: programme):
/// the source's own pattern when it gives one, otherwise patterns that follow from how the
/// level prints its headings (`TAVOITE {number}. {title}`) and numbers its items (`6.1 …`).
/// A row matched by a derived pattern is a section row only when it names a registered item.
struct SectionPatternSet {
    struct Candidate {
        let regex: Regex<AnyRegexOutput>
        /// Configured by the source: a match is a section row even when the item is unknown
        /// (its actions are then rejected with the reason), once the table's sections began.
        let explicit: Bool
    }

    let levels: [Int: [Candidate]]
    let bindingGoal: Regex<AnyRegexOutput>?

    init(_ patterns: SectionPatterns, register: ProgrammeRegister, language: ReportLanguage) {
        var levels: [Int: [Candidate]] = [:]
        for index in 0...register.depth {
            if let explicit = patterns.levels[index], let regex = try? Regex(explicit) {
                levels[index] = [Candidate(regex: regex, explicit: true)]
                continue
            }
            if index == 0 && !register.hasSeveralProgrammes { continue }
            let level = register.level(index)
            levels[index] = Self.derived(level, language: language).compactMap { try? Regex($0) }.map { Candidate(regex: $0, explicit: false) }
        }
        self.levels = levels
        let bindingPattern = patterns.bindingGoal ?? Self.bindingGoalPattern(register.bindingGoalLabel)
        bindingGoal = bindingPattern.flatMap { try? Regex($0) }
    }

    static func numberPattern(_ numbering: Numbering) -> String {
        switch numbering {
        case .none: ""
        case .integer: #"\d+"#
        case .dotted: #"\d+(?:\.\d+)*"#
        case .asWritten: #"\S+?"#
        }
    }

    /// From the heading template, then the plain "number title" and "title" forms.
    static func derived(_ level: HierarchyLevel, language: ReportLanguage) -> [String] {
        var result: [String] = []
        let number = numberPattern(level.numbering)
        for template in [level.headings[language]].compactMap({ $0 }) + Array(level.headings.values) {
            var pattern = "(?i)^"
            var rest = Substring(template)
            while !rest.isEmpty {
                if rest.hasPrefix("{number}") {
                    pattern += "(?<number>\(number))\\.?"
                    rest = rest.dropFirst(8)
                } else if rest.hasPrefix("{title}") {
                    pattern += "(?<title>.+?)"
                    rest = rest.dropFirst(7)
                } else if let first = rest.first, first.isWhitespace {
                    pattern += #"\s*"#
                    rest = rest.drop { $0.isWhitespace }
                } else {
                    pattern += NSRegularExpression.escapedPattern(for: String(rest.first!))
                    rest = rest.dropFirst()
                }
            }
            pattern += #"\s*$"#
            if !result.contains(pattern) { result.append(pattern) }
        }
        if level.numbering != .none { result.append(#"^(?<number>"# + number + #")[.):]?\s+(?<title>\S.*?)\s*$"#) }
        result.append(#"^(?<title>.+?)\s*$"#)
        return result
    }

    /// `(Sitova tavoite TA2021: …)`, from the register's label: the text after its colon.
    static func bindingGoalPattern(_ label: String) -> String? {
        let words = label.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return nil }
        // The label's last word is often the budget year (TA2021), which the table may write otherwise.
        let fixed = words.count > 1 ? words.dropLast() : words[...]
        let escaped = fixed.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: #"\s+"#)
        return #"(?i)^\(?\s*"# + escaped + #"\s*(?<label>[^:]*):\s*(?<text>.+?)\s*\)?$"#
    }
}

import Yams

/// Checks of the two configuration files beyond their keys and types, each listed in
/// docs/config.md. Each stops the run (exit 3) with the file, the line and the key path.
enum ConfigRules {
    // MARK: Duplicate keys

    /// A key written twice in one mapping: the key and the line of its second writing, never
    /// the whole file (the YAML library's own message quotes all of it).
    static func duplicateKey(_ error: YamlError, text: String, file: String) -> ConfigError? {
        guard case .duplicatedKeysInMapping(let keys, let context) = error, let key = keys.first else { return nil }
        let first = context.mark.line
        let column = context.mark.column
        // Lines as YAML counts them: CR LF, LF and a lone CR each end one.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }
        // The second writing: a later line with the same key in the same column.
        var second: Int?
        for index in min(first, lines.count)..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard column >= 1, scalars.count >= column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                if rest.dropFirst(written.count).drop(while: { $0 == " " }).first == ":" { second = index + 1 }
            }
            if second != nil { break }
        }
        let more = keys.count > 1 ? " (and also " + keys.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ") + ")" : ""
        return ConfigError(file: file, line: second ?? first, keyPath: key,
                           problem: "this key is given twice in the same mapping (first on line \(first))\(more); keep one")
    }

    // MARK: Empty values

    /// The programme file: the programme's and the items' names and titles, the levels' keys,
    /// names and headings, the legend's codes, labels and aliases, the tags, the columns' labels.
    static func checkProgrammeFile(_ root: YAMLValue) throws {
        let top = entries(root)
        try require(top, ["name", "status_heading"], translated: true)
        if let programme = top["programme"] { try checkProgramme(programme) }
        for programme in elements(top["programmes"]) { try checkProgramme(programme) }
        if let level = top["programme_level"] { try require(entries(level), ["name", "heading"], translated: true) }
        for level in elements(top["levels"]) {
            let map = entries(level)
            try require(map, ["key"])
            try require(map, ["name", "heading"], translated: true)
        }
        for entry in elements(top["legend"]) {
            let map = entries(entry)
            try require(map, ["code", "colour"])
            try require(map, ["label"], translated: true)
            for alias in elements(map["aliases"]) { try requireText(alias) }
        }
        for tag in elements(top["tags"]) {
            let map = entries(tag)
            try require(map, ["key"])
            try require(map, ["name"], translated: true)
            for item in elements(map["items"]) {
                let itemMap = entries(item)
                try require(itemMap, ["key", "number"])
                try require(itemMap, ["title"], translated: true)
            }
        }
        for column in elements(top["columns"]) {
            let map = entries(column)
            try require(map, ["source", "field"])
            try require(map, ["label"], translated: true)
        }
    }

    private static func checkProgramme(_ value: YAMLValue) throws {
        let map = entries(value)
        try require(map, ["key", "number"])
        try require(map, ["name"], translated: true)
        try checkItems(map["items"])
    }

    private static func checkItems(_ list: YAMLValue?) throws {
        for item in elements(list) {
            let map = entries(item)
            try require(map, ["key", "number"])
            try require(map, ["title"], translated: true)
            try checkItems(map["items"])
        }
    }

    /// The run configuration: the paths, the column headers, the groups' names,
    /// what they follow and their addresses, the mail's sender and subjects.
    static func checkRunConfig(_ root: YAMLValue) throws {
        let top = entries(root)
        // An empty period is refused by the loader, which names the programme's period format.
        try require(top, ["programme_file"])
        for source in elements(top["sources"]) {
            let map = entries(source)
            try require(map, ["path"])
            for (key, header) in orderedEntries(map["columns"]) {
                if key == "levels" {
                    for (_, level) in orderedEntries(header) {
                        if case .mapping = level.node { try require(entries(level), ["number", "title"]) } else { try requireText(level) }
                    }
                } else if key == "tags" {
                    for (_, tag) in orderedEntries(header) { try requireText(tag) }
                } else {
                    try requireText(header)
                }
            }
        }
        if let outputs = top["outputs"] { try require(entries(outputs), ["folder"]) }
        for group in elements(top["groups"]) {
            let map = entries(group)
            try require(map, ["name", "folder"])
            for key in ["items", "programmes", "responsible", "email"] {
                for reference in elements(map[key]) { try requireText(reference) }
            }
        }
        if let delivery = top["delivery"] {
            let map = entries(delivery)
            try require(map, ["from", "subject"])
            for part in elements(map["sendmail"]) { try requireText(part) }
            if let alerts = map["alerts"] {
                let alertMap = entries(alerts)
                try require(alertMap, ["subject"])
                for address in elements(alertMap["to"]) { try requireText(address) }
            }
        }
    }

    /// The keys of a mapping that are present, each checked (with `_fi`, `_sv`, `_en` when `translated`).
    private static func require(_ map: [String: YAMLValue], _ keys: [String], translated: Bool = false) throws {
        for key in keys {
            for name in [key] + (translated ? ConfigLoader.translatedKeys(key) : []) {
                if let value = map[name] { try requireText(value) }
            }
        }
    }

    /// A text with nothing in it (`""`, spaces, or YAML's null: `title:`, `~`) where one is needed.
    static func requireText(_ value: YAMLValue) throws {
        guard case .scalar(let scalar) = value.node else { return }
        let text = scalar.string
        let null = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(text)
        if null || text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw value.error("the value is empty; a text is needed here")
        }
    }

    /// A mapping's entries by key; anything else is left to the loader, which names its type.
    private static func entries(_ value: YAMLValue?) -> [String: YAMLValue] {
        guard let value, let list = try? value.freeMapping() else { return [:] }
        var result: [String: YAMLValue] = [:]
        for (key, child, _) in list { result[key] = child }
        return result
    }

    private static func orderedEntries(_ value: YAMLValue?) -> [(String, YAMLValue)] {
        guard let value, let list = try? value.freeMapping() else { return [] }
        return list.map { ($0.key, $0.value) }
    }

    private static func elements(_ value: YAMLValue?) -> [YAMLValue] {
        guard let value else { return [] }
        if case .sequence = value.node { return (try? value.sequence()) ?? [] }
        if case .scalar = value.node { return [value] }
        return []
    }

    // MARK: The legend

    /// Every spelling of the legend — each code and each alias, compared as the progress
    /// column is read (case, spacing and dashes ignored) — means one code. A clash names both
    /// spellings, the code each belongs to, and the line of the earlier one.
    static func checkLegendSpellings(_ legend: YAMLValue) throws {
        var owner: [String: (code: String, spelling: String, alias: Bool, line: Int?)] = [:]
        for entry in elements(legend) {
            let map = entries(entry)
            guard let codeValue = map["code"], let code = try? codeValue.string() else { continue }
            for (value, alias) in [(codeValue, false)] + elements(map["aliases"]).map({ ($0, true) }) {
                guard let spelling = try? value.string() else { continue }
                let key = ProgressCodeResolver.key(spelling)
                guard let other = owner[key] else {
                    owner[key] = (code, spelling, alias, value.line)
                    continue
                }
                guard other.code != code else { continue }
                let this = alias ? "the alias \"\(spelling)\" of the code \"\(code)\"" : "the code \"\(code)\""
                let that = other.alias ? "the code \"\(other.code)\"'s alias \"\(other.spelling)\"" : "the code \"\(other.code)\""
                let place = other.line.map { " (line \($0))" } ?? ""
                throw value.error("\(this) is the same as \(that)\(place); case, spacing and dashes are ignored, " +
                                  "and a spelling may mean only one code")
            }
        }
    }

    // MARK: What a group follows

    /// An item a group names that the register does not have: the closest numbers, keys and
    /// titles it does have (by edit distance, ignoring case), so a typo is seen at once.
    static func unknownItem(_ reference: String, register: ProgrammeRegister) -> String {
        let suggestions = closestItems(to: reference, register: register)
        let hint = suggestions.isEmpty ? "" : " (did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?)"
        return "no item \"\(MailHeaderRules.shown(reference))\" in the programme's register\(hint); a group follows items by number, key or title"
    }

    static func closestItems(to reference: String, register: ProgrammeRegister, limit: Int = 3) -> [String] {
        let wanted = Array(reference.lowercased())
        var scored: [(text: String, distance: Int)] = []
        for item in register.allItems {
            for candidate in Set([item.number, item.key, item.title].compactMap { $0 } + item.titles.values) {
                let distance = editDistance(wanted, Array(candidate.lowercased()))
                if distance <= max(2, candidate.count / 3) { scored.append((candidate, distance)) }
            }
        }
        var seen: Set<String> = []
        return scored.sorted { ($0.distance, $0.text) < ($1.distance, $1.text) }
            .filter { seen.insert($0.text).inserted }.prefix(limit).map(\.text)
    }

    /// Levenshtein distance, on two rows (titles are short; a long reference costs its length times theirs).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for (i, ca) in a.enumerated() {
            current[0] = i + 1
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

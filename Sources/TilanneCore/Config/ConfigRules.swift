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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The second writing: a later line with the same key in the same column.
        var second: Int?
        for index in first..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= column else { continue }
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
}

import Foundation

/// `tilanne period open`: the one edit a new period needs, made in the configuration file's
/// text so that its comments, order and quoting stay as the administrator wrote them.
public enum PeriodConfigEdit {
    /// Sets the top-level `period:` of the configuration file to `period`, then loads the file
    /// again; when the edited file does not load, the original is put back and the error thrown.
    /// - Returns: the configuration of the new period.
    public static func open(_ period: ReportingPeriod, in file: URL) throws -> TilanneConfig {
        let original: Data
        do {
            original = try Data(contentsOf: file)
        } catch {
            throw ConfigError(file: file.path, line: nil, keyPath: "period", problem: "cannot read the file: \(error.localizedDescription)")
        }
        let text = String(decoding: original, as: UTF8.self)
        guard let edited = replacingPeriod(in: text, with: period.label) else {
            throw ConfigError(file: file.path, line: nil, keyPath: "period",
                              problem: "no top-level \"period:\" line to change; write the period as period: \"\(period.label)\"")
        }
        try write(Data(edited.utf8), to: file)
        do {
            return try ConfigLoader.load(from: file)
        } catch {
            try? write(original, to: file)
            throw error
        }
    }

    /// The text with the value of its top-level `period:` line replaced, keeping the quotes and
    /// a trailing comment; nil when there is no such line.
    static func replacingPeriod(in text: String, with label: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix("period:") }) else { return nil }
        let line = lines[index]
        let rest = line.dropFirst("period:".count)
        let value = rest.drop(while: { $0 == " " || $0 == "\t" })
        var comment = ""
        var quote: Character? = value.first == "\"" || value.first == "'" ? value.first : nil
        if let open = quote, let close = value.dropFirst().firstIndex(of: open) {
            comment = String(value[value.index(after: close)...])
        } else {
            quote = nil
            if let hash = value.range(of: " #") { comment = String(value[hash.lowerBound...]) }
        }
        let carriageReturn = line.hasSuffix("\r") && !comment.hasSuffix("\r") ? "\r" : ""
        let q = quote.map(String.init) ?? "\""
        let escaped = label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        lines[index] = "period: \(q)\(q == "'" ? label.replacingOccurrences(of: "'", with: "''") : escaped)\(q)\(comment)\(carriageReturn)"
        return lines.joined(separator: "\n")
    }

    /// Written beside the file and renamed over it, keeping its permissions: a crash leaves the
    /// old configuration or the new one, never half of it.
    private static func write(_ data: Data, to file: URL) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).new-\(getpid())")
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
            if let mode = try? FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, file.path) == 0 else { throw OutputError(path: file.path, problem: String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(path: file.path, problem: "cannot write the configuration: \(error)")
        }
    }
}

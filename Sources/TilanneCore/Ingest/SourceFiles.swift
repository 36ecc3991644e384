import Foundation

/// Expands a source path whose file name may hold `*` (e.g. `Input/*.csv`) into the files it
/// names, sorted by name so that the report order does not depend on the file system.
public enum SourceFiles {
    public static func expand(_ url: URL) -> [URL] {
        let name = url.lastPathComponent
        guard name.contains("*") else {
            return FileManager.default.fileExists(atPath: url.path) ? [url] : []
        }
        let folder = url.deletingLastPathComponent()
        let parts = name.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return entries.filter { matches($0, parts) && !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
    }

    private static func matches(_ name: String, _ parts: [String]) -> Bool {
        guard let first = parts.first, let last = parts.last, name.hasPrefix(first), name.hasSuffix(last),
              name.count >= first.count + last.count else { return false }
        var rest = Substring(name.dropFirst(first.count).dropLast(last.count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}

/// Paths as shown in messages and reports: relative to the project folder (the folder above
/// the config file's folder, e.g. `Input/x.csv` for `Config/tilanne.yml`) when under it, so
/// that reports do not depend on the folder cron starts in; absolute otherwise.
enum DisplayPath {
    static func of(_ url: URL, root: URL) -> String {
        let path = url.standardizedFileURL.path
        let rootPath = root.standardizedFileURL.path
        if path.hasPrefix(rootPath + "/") { return String(path.dropFirst(rootPath.count + 1)) }
        return path
    }
}

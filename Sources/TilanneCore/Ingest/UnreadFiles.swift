import Foundation

/// Files and folders in a source's folder that nothing reads: `Tilanne_1-2024 (2).xlsx`, a copy,
/// a `vanha/` folder a coordinator dropped there. Each is a finding, because a table saved
/// beside the one the configuration names is the usual way a unit's update silently misses the
/// report.
///
/// Not reported: hidden names (`.~lock.x.xlsx#`, `.DS_Store`), Office owner files (`~$x.xlsx`),
/// a later period's file (already `source.later-period`), a folder's own notes (`README*`,
/// `LUEMINUT*`, `LÄSMIG*`), and Tilanne's own files and folders when they live there (the
/// configuration and programme files, the output, state and answers folders, the run summary and log).
public enum UnreadFiles {
    public static func find(in config: TilanneConfig) -> [URL] {
        let read = Set((config.sources.flatMap { SourceFiles.expand(config.resolve($0.path)) }
            + config.indicators.flatMap(\.sources).map { config.resolve($0.path) }).map(\.standardizedFileURL.path))
        let sourceFolders = Set(config.sources.map { config.resolve($0.path).deletingLastPathComponent().standardizedFileURL.path })
        let own = Set(ownPaths(config).map(\.standardizedFileURL.path))
        let later = Set(LaterPeriodFiles.find(in: config).map(\.file.standardizedFileURL.path))
        var found: [URL] = []
        for folder in sourceFolders.sorted() {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in entries.sorted() where !ignoredName(name) {
                let path = (folder as NSString).appendingPathComponent(name)
                guard !read.contains(path), !own.contains(path), !later.contains(path) else { continue }
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
                // A folder is read when something in it is (`Input/mittarit/`) or a source reads from it.
                if isFolder.boolValue, holds(path, anyOf: read.union(sourceFolders).union(own)) { continue }
                found.append(URL(fileURLWithPath: path, isDirectory: isFolder.boolValue))
            }
        }
        return found
    }

    static func findings(in config: TilanneConfig) -> [Diagnostic] {
        find(in: config).map { url in
            Diagnostic(code: .sourceUnreadFile, location: SourceLocation(file: DisplayPath.of(url, root: config.projectRoot)),
                       arguments: [.text(url.lastPathComponent), .phrase(url.hasDirectoryPath ? .theFolder : .theFile)])
        }
    }

    /// Names no coordinator means as input: hidden and lock files, Office owner files, notes.
    static func ignoredName(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("~$") { return true }
        let upper = name.uppercased()
        return ["README", "LUEMINUT", "LÄSMIG"].contains { upper.hasPrefix($0) }
    }

    /// Tilanne's own files and folders, which may share a folder with the sources.
    static func ownPaths(_ config: TilanneConfig) -> [URL] {
        var paths = [config.file, config.programmeFile].compactMap { $0 }
        paths.append(config.resolve(config.outputs.folder))
        if let history = config.history { paths.append(config.resolve(history.stateFolder)) }
        paths += [config.operations.summaryFile, config.operations.logFile].compactMap { $0 }.map(config.resolve)
        // The answers folder (`../Input/vastaukset/{period}`) is read, by the answers round.
        if let answers = AnswerRound(config: config).folder { paths.append(answers) }
        return paths
    }

    private static func holds(_ folder: String, anyOf paths: Set<String>) -> Bool {
        paths.contains { $0 == folder || $0.hasPrefix(folder + "/") }
    }
}

import Foundation

/// The archive of a period's council edition (`Output/arkisto/1-2024/`): a copy of every file
/// `tilanne publish` wrote, under the same names (a group's files in its folder). The nightly
/// drafts that follow never touch it. Made in a private folder beside it and put in place by
/// rename, so the archive is the whole publication or the previous one, never half of each.
public struct PublicationArchive {
    public let outputFolder: URL
    public let folder: URL

    public init(outputFolder: URL, archiveFolder: String, period: ReportingPeriod) {
        self.outputFolder = outputFolder
        folder = outputFolder.appendingPathComponent(archiveFolder).appendingPathComponent(period.fileNameForm)
    }

    /// Copies `files` (inside the output folder) into the archive, replacing an earlier
    /// publication of the same period.
    /// - Returns: each file's name relative to the archive, size and SHA-256.
    public func store(_ files: [URL]) throws -> [RunSummary.FileRecord] {
        let parent = folder.deletingLastPathComponent()
        let manager = FileManager.default
        let root = outputFolder.standardizedFileURL.path + "/"
        do {
            _ = try SafeFile.makeFolders(parent.lastPathComponent, in: outputFolder)
            let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).new-\(getpid())")
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            var records: [RunSummary.FileRecord] = []
            for file in files {
                let path = file.standardizedFileURL.path
                guard path.hasPrefix(root) else { continue }
                let name = String(path.dropFirst(root.count))
                let target = staging.appendingPathComponent(name)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.copyItem(at: file, to: target)
                var record = RunSummary.file(target)
                record.path = name
                records.append(record)
            }
            if manager.fileExists(atPath: folder.path) {
                let previous = parent.appendingPathComponent(".\(folder.lastPathComponent).old-\(getpid())")
                try? manager.removeItem(at: previous)
                try manager.moveItem(at: folder, to: previous)
                try manager.moveItem(at: staging, to: folder)
                try? manager.removeItem(at: previous)
            } else {
                try manager.moveItem(at: staging, to: folder)
            }
            return records.sorted { $0.path < $1.path }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: folder.path, problem: "cannot archive the published files: \(error.localizedDescription)")
        }
    }
}

import Foundation

/// Writes every configured format to a temporary file in a private folder beside its final
/// name, reads each back (`PublishChecks`), then renames them into place only when all succeeded. A failed run leaves
/// the previous reports as they were. Free space is checked before anything is written.
public struct ReportPublisher: Sendable {
    public let folder: URL
    public let renderers: [any ReportRenderer]

    public init(folder: URL, renderers: [any ReportRenderer]) {
        self.folder = folder
        self.renderers = renderers
    }

    /// One file of a set: a model (a language's), its renderer and its name.
    public struct Item: Sendable {
        public var model: ReportModel
        public var renderer: any ReportRenderer
        public var fileName: String

        public init(model: ReportModel, renderer: any ReportRenderer, fileName: String) {
            self.model = model
            self.renderer = renderer
            self.fileName = fileName
        }
    }

    /// Renders the formats side by side (the XLSX writer is the slow one) and publishes them.
    public func publish(_ model: ReportModel, fileName: (any ReportRenderer) -> String) throws -> [URL] {
        try publish(renderers.map { Item(model: model, renderer: $0, fileName: fileName($0)) })
    }

    /// Publishes the items as one set: all of them, or none.
    ///
    /// The files are rendered into a private temporary folder inside the output folder
    /// (`.tilanne-tmp-XXXXXX`, made by `mkdtemp`: only this user can enter it, its name cannot be
    /// guessed), each created without following links, so nothing planted in the output folder
    /// is written through. They are renamed into place from there, which replaces whatever had
    /// the final name (a link too) and never writes through it.
    public func publish(_ items: [Item]) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, problem: "cannot create the output folder (\(error.localizedDescription))",
                              reason: .cannotCreateFolder(error.localizedDescription))
        }
        for item in items where !Self.isPlainName(item.fileName) || Self.isInternal(item.fileName) {
            throw OutputError(path: folder.path, problem: "\"\(item.fileName)\" is not a report's file name; nothing was written")
        }
        try Self.recover(folder)
        try PublishChecks.freeSpace(output: folder, previous: items.map { folder.appendingPathComponent($0.fileName) })
        let work = try SafeFile.makeTemporaryFolder(in: folder, prefix: Self.temporaryPrefix)
        var keepWork = false
        defer { if !keepWork { try? FileManager.default.removeItem(at: work) } }
        let jobs = items.map { item -> (item: Item, final: URL, temporary: URL) in
            (item, folder.appendingPathComponent(item.fileName), work.appendingPathComponent(item.fileName))
        }
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            do {
                try job.item.renderer.render(job.item.model, to: job.temporary)
                guard SafeFile.isRegularFile(job.temporary.path) else {
                    throw OutputError(path: job.final.path, problem: "the written file is not a regular file; not published")
                }
                try PublishChecks.verify(job.temporary, format: job.item.renderer.format, shownAs: job.final)
                // Hashed here, side by side with the other files, for the run summary.
                WrittenFileRecords.remember(job.temporary, as: job.final)
            } catch {
                failures.add(error)
            }
        }
        if let failure = failures.first {
            if let failure = failure as? OutputError { throw failure }
            throw OutputError(path: folder.path, problem: "\(failure)")
        }
        // The journal names every rename before the first one is made: a run killed between two
        // renames leaves it behind, and the next run completes the set before anything else. It
        // is written whole in the private folder and renamed into place, never written through a
        // name in the output folder.
        let journal = folder.appendingPathComponent(Self.journalName)
        let lines = jobs.map { "\(work.lastPathComponent)/\($0.item.fileName)\t\($0.item.fileName)" }.joined(separator: "\n") + "\n"
        let written = work.appendingPathComponent(Self.journalName)
        do {
            try SafeFile.writeNew(Data(lines.utf8), to: written.path)
        } catch let error as OutputError {
            throw OutputError(path: journal.path, problem: "cannot write the publishing journal (\(error.problem))")
        }
        if rename(written.path, journal.path) != 0 {
            throw OutputError(path: journal.path, problem: "cannot write the publishing journal (\(String(cString: strerror(errno))))")
        }
        for job in jobs {
            if rename(job.temporary.path, job.final.path) != 0 {
                let problem = String(cString: strerror(errno))
                // The rest of the set is still in the private folder, which the next run's
                // recovery needs: it is not removed.
                keepWork = true
                throw OutputError(path: job.final.path, problem: "\(problem); the next run completes the set")
            }
        }
        _ = unlink(journal.path)
        return jobs.map(\.final)
    }

    static let journalName = ".tilanne-publish.journal"
    /// The private folder a set is rendered in: `.tilanne-tmp-` and six random characters.
    static let temporaryPrefix = ".tilanne-tmp-"

    /// Whether `name` is one of the publisher's own files in an output folder (its journal, its
    /// temporary folder, or a temporary file of earlier versions, `.name.PID.tmp`), which a
    /// report or a folder may not be named like: recovery removes them.
    public static func isInternal(_ name: String) -> Bool {
        name == journalName || name == RunLock.fileName || name.hasPrefix(temporaryPrefix) || (name.hasPrefix(".") && name.hasSuffix(".tmp"))
    }

    /// Completes a publish that a killed run left half done (the renames its journal names whose
    /// files are still there; they were all read back before the journal was written), and
    /// removes temporary files of runs that died before publishing. Runs under the run lock, so
    /// no other run's files are touched.
    ///
    /// An entry that can never complete (a name that is not a plain file name, such as `..`,
    /// a temporary file that is not a regular file, a final name taken by a folder) is dropped
    /// and reported on standard error, with the rest of the journal: it must not stop every
    /// later run. A rename that fails for a passing reason (rights, a read-only or full disk)
    /// still stops the run, and the journal stays for the next one.
    /// - Returns: what was dropped, one line each.
    @discardableResult
    public static func recover(_ folder: URL) throws -> [String] {
        let journal = folder.appendingPathComponent(journalName)
        var dropped: [String] = []
        if let status = SafeFile.status(journal.path) {
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw OutputError(path: journal.path, problem: "a folder has the name of the publishing journal; remove it")
            } else if (status.st_mode & S_IFMT) != S_IFREG {
                dropped.append("\(journal.path): the publishing journal is \(SafeFile.kind(status.st_mode)), not a file; it was removed unread")
            } else if let text = readJournal(journal) {
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                    if let problem = try complete(String(line), in: folder) {
                        dropped.append("\(journal.path):\(number + 1): dropped an entry that cannot complete (\(problem))")
                    }
                }
            } else {
                dropped.append("\(journal.path): the publishing journal cannot be read; it was removed")
            }
            _ = unlink(journal.path)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name != journalName && name != RunLock.fileName && isInternal(name) {
            let path = folder.appendingPathComponent(name).path
            // A folder of ours is removed whole; anything else, a link included, is unlinked
            // itself (never what it points to).
            if SafeFile.isFolder(path) {
                try? FileManager.default.removeItem(atPath: path)
            } else {
                _ = unlink(path)
            }
        }
        for line in dropped {
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
        return dropped
    }

    /// The journal's text, read without following a link; nil when it cannot be read as text.
    private static func readJournal(_ url: URL) -> String? {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        guard let data = try? handle.read(upToCount: 1 << 20) else { return "" }
        return String(data: data, encoding: .utf8)
    }

    /// Completes one journal entry; returns why it can never complete, or nil when it was done
    /// (or had been done already).
    private static func complete(_ line: String, in folder: URL) throws -> String? {
        let names = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard names.count == 2 else { return "not two names separated by a tab" }
        let (temporaryName, finalName) = (names[0], names[1])
        guard isPlainName(finalName), !isInternal(finalName) else { return "\"\(finalName)\" is not a report's file name" }
        let parts = temporaryName.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let isTemporary = parts.count == 1 ? parts[0].hasPrefix(".") && parts[0].hasSuffix(".tmp") && isPlainName(parts[0])
                                           : parts.count == 2 && parts[0].hasPrefix(temporaryPrefix) && isPlainName(parts[0]) && isPlainName(parts[1])
        guard isTemporary else { return "\"\(temporaryName)\" is not a temporary file's name" }
        let temporary = folder.appendingPathComponent(temporaryName)
        let final = folder.appendingPathComponent(finalName)
        guard let status = SafeFile.status(temporary.path) else { return nil }  // renamed before the run was stopped
        guard (status.st_mode & S_IFMT) == S_IFREG else { return "\(temporaryName) is \(SafeFile.kind(status.st_mode))" }
        if SafeFile.isFolder(final.path) { return "\(finalName) is a folder" }
        if rename(temporary.path, final.path) != 0 {
            let code = errno
            if [EISDIR, ENOTDIR, ENOTEMPTY, EEXIST, EINVAL, ELOOP, ENAMETOOLONG, EXDEV].contains(code) {
                return "\(temporaryName) → \(finalName): \(String(cString: strerror(code)))"
            }
            throw OutputError(path: temporary.path, problem: "cannot complete an interrupted publish (\(String(cString: strerror(code))))")
        }
        return nil
    }

    /// One file name: not empty, not `.` or `..`, no `/` or NUL, at most 255 bytes.
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\u{0}") && name.utf8.count <= 255
    }
}

/// Errors from concurrent renderers, collected under a lock.
private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    func add(_ error: any Error) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }

    var first: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return errors.first
    }
}

import Foundation

/// Writes every configured format to a temporary file beside its final name, reads each back
/// (`PublishChecks`), then renames them into place only when all succeeded. A failed run leaves
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
    public func publish(_ items: [Item]) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, problem: "cannot create the output folder (\(error.localizedDescription))")
        }
        try Self.recover(folder)
        let pid = ProcessInfo.processInfo.processIdentifier
        let jobs = items.map { item -> (item: Item, final: URL, temporary: URL) in
            (item, folder.appendingPathComponent(item.fileName), folder.appendingPathComponent(".\(item.fileName).\(pid).tmp"))
        }
        try PublishChecks.freeSpace(output: folder, previous: jobs.map(\.final))
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            do {
                try job.item.renderer.render(job.item.model, to: job.temporary)
                try PublishChecks.verify(job.temporary, format: job.item.renderer.format, shownAs: job.final)
            } catch {
                failures.add(error)
            }
        }
        if let failure = failures.first {
            for job in jobs { try? FileManager.default.removeItem(at: job.temporary) }
            if let failure = failure as? OutputError { throw failure }
            throw OutputError(path: folder.path, problem: "\(failure)")
        }
        // The journal names every rename before the first one is made: a run killed between two
        // renames leaves it behind, and the next run completes the set before anything else.
        let journal = folder.appendingPathComponent(Self.journalName)
        let lines = jobs.map { "\($0.temporary.lastPathComponent)\t\($0.final.lastPathComponent)" }.joined(separator: "\n") + "\n"
        do {
            try Data(lines.utf8).write(to: journal, options: .atomic)
        } catch {
            for job in jobs { try? FileManager.default.removeItem(at: job.temporary) }
            throw OutputError(path: journal.path, problem: "cannot write the publishing journal (\(error.localizedDescription))")
        }
        for job in jobs {
            if rename(job.temporary.path, job.final.path) != 0 {
                let problem = String(cString: strerror(errno))
                throw OutputError(path: job.final.path, problem: "\(problem); the next run completes the set")
            }
        }
        try? FileManager.default.removeItem(at: journal)
        return jobs.map(\.final)
    }

    static let journalName = ".tilanne-publish.journal"

    /// Completes a publish that a killed run left half done (the renames its journal names whose
    /// files are still there; they were all read back before the journal was written), and
    /// removes temporary files of runs that died before publishing. Runs under the run lock, so
    /// no other run's files are touched.
    public static func recover(_ folder: URL) throws {
        let journal = folder.appendingPathComponent(journalName)
        if let text = try? String(contentsOf: journal, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let names = line.split(separator: "\t").map(String.init)
                guard names.count == 2, !names[0].contains("/"), !names[1].contains("/") else { continue }
                let temporary = folder.appendingPathComponent(names[0])
                if FileManager.default.fileExists(atPath: temporary.path),
                   rename(temporary.path, folder.appendingPathComponent(names[1]).path) != 0 {
                    throw OutputError(path: temporary.path, problem: "cannot complete an interrupted publish (\(String(cString: strerror(errno))))")
                }
            }
            try? FileManager.default.removeItem(at: journal)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
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

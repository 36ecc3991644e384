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

    /// Renders the formats side by side (the XLSX writer is the slow one) and publishes them.
    public func publish(_ model: ReportModel, fileName: (any ReportRenderer) -> String) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, problem: "cannot create the output folder (\(error.localizedDescription))")
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let jobs = renderers.map { renderer -> (renderer: any ReportRenderer, final: URL, temporary: URL) in
            let name = fileName(renderer)
            return (renderer, folder.appendingPathComponent(name), folder.appendingPathComponent(".\(name).\(pid).tmp"))
        }
        try PublishChecks.freeSpace(output: folder, previous: jobs.map(\.final))
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            do {
                try job.renderer.render(model, to: job.temporary)
                try PublishChecks.verify(job.temporary, format: job.renderer.format, shownAs: job.final)
            } catch {
                failures.add(error)
            }
        }
        if let failure = failures.first {
            for job in jobs { try? FileManager.default.removeItem(at: job.temporary) }
            if let failure = failure as? OutputError { throw failure }
            throw OutputError(path: folder.path, problem: "\(failure)")
        }
        for job in jobs {
            if rename(job.temporary.path, job.final.path) != 0 {
                let problem = String(cString: strerror(errno))
                for job in jobs { try? FileManager.default.removeItem(at: job.temporary) }
                throw OutputError(path: job.final.path, problem: problem)
            }
        }
        return jobs.map(\.final)
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

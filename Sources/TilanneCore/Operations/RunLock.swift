import Foundation

/// One run at a time per output folder: an exclusive `flock` on `.tilanne.lock` there. The
/// kernel releases it when the process ends, however it ends, so a run that was killed never
/// leaves a stale lock behind; the PID written into the file only tells the next run who
/// holds it.
public final class RunLock {
    public let url: URL
    private var descriptor: Int32

    /// Another run holds the lock.
    public struct Busy: Error, Sendable {
        public var path: String
        /// The holder's PID as it wrote it, when readable.
        public var holder: String?
    }

    /// Takes the lock without waiting; throws `Busy` when another run holds it.
    public init(folder: URL) throws {
        url = folder.appendingPathComponent(".tilanne.lock")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, problem: "cannot create the output folder (\(error.localizedDescription))")
        }
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: url.path, problem: "cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw Busy(path: url.path, holder: holder?.isEmpty == false ? holder : nil)
        }
        let pid = "\(ProcessInfo.processInfo.processIdentifier)\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    public func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

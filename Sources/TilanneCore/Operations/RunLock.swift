import Foundation

/// One run at a time per output folder: an exclusive `flock` on `.tilanne.lock` there. The
/// kernel releases it when the process ends, however it ends, so a run that was killed never
/// leaves a stale lock behind; the PID written into the file only tells the next run who
/// holds it. The lock file is opened without following a link (`O_NOFOLLOW`) and must be a
/// regular file with one name: a link planted in its place, to a file elsewhere, is refused, not
/// emptied.
public final class RunLock {
    /// The lock's name in the output folder (an output may not use it).
    public static let fileName = ".tilanne.lock"

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
        url = folder.appendingPathComponent(Self.fileName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, problem: "cannot create the output folder (\(error.localizedDescription))",
                              reason: .cannotCreateFolder(error.localizedDescription))
        }
        descriptor = open(url.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            let problem = code == ELOOP ? "it is a symbolic link; it is neither followed nor changed: remove it (the next run creates the lock anew)"
                                        : String(cString: strerror(code))
            throw OutputError(path: url.path, problem: "cannot open the lock file (\(problem))", reason: .cannotOpenLock(problem))
        }
        do {
            try SafeFile.requireRegular(descriptor, path: url.path)
        } catch let error as OutputError {
            close(descriptor)
            descriptor = -1
            throw OutputError(path: url.path, problem: "refused as the lock file: \(error.problem): remove it (the next run creates the lock anew)")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            var bytes = [UInt8](repeating: 0, count: 64)
            let count = pread(descriptor, &bytes, bytes.count, 0)
            let holder = String(decoding: bytes.prefix(max(0, count)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            descriptor = -1
            throw Busy(path: url.path, holder: holder.isEmpty ? nil : holder)
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

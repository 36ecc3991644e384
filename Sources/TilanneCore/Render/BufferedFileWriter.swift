import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Streams text to a file through a large buffer, so reports of a hundred thousand rows are
/// never held in memory whole. Write errors (a full disk) surface at `close()` at the latest.
final class BufferedFileWriter {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    private let path: String
    private var failed = false

    /// Creates the file, which must not exist yet: a name already taken, a link included, is
    /// refused rather than followed (see `SafeFile.createNew`).
    init(path: String) throws {
        let descriptor = try SafeFile.createNew(path)
        guard let file = fdopen(descriptor, "wb") else {
            let problem = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw OutputError(path: path, problem: problem)
        }
        self.file = file
        self.path = path
        buffer.reserveCapacity(capacity + 4096)
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in buffer.append(contentsOf: bytes) }
        if buffer.count >= capacity { flush() }
    }

    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != buffer.count { failed = true }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs to disk and closes; throws if any byte could not be written.
    func close() throws {
        flush()
        let flushed = fflush(file) == 0
        let synced = fsync(fileno(file)) == 0
        let closed = fclose(file) == 0
        if failed || !flushed || !synced || !closed {
            throw OutputError(path: path, problem: String(cString: strerror(errno)))
        }
    }
}

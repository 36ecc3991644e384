import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The size and SHA-256 of each file a publish has just written, hashed by the worker that
/// wrote it (side by side with the other files) instead of one after another at the end for the
/// run summary. A record is used only while the file under the final name is the one hashed:
/// same device, inode, size and modification time (a rename keeps them).
enum WrittenFileRecords {
    private struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int
        var modifiedNanoseconds: Int

        init?(_ path: String) {
            guard let status = SafeFile.status(path), (status.st_mode & S_IFMT) == S_IFREG else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            modified = status.st_mtim.tv_sec
            modifiedNanoseconds = status.st_mtim.tv_nsec
        }
    }

    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var records: [String: (Identity, RunSummary.FileRecord)] = [:]
    }

    private static let store = Store()

    /// Hashes `temporary`, to be renamed to `final`, and keeps the record under the final name.
    static func remember(_ temporary: URL, as final: URL) {
        guard let identity = Identity(temporary.path) else { return }
        var record = RunSummary.file(temporary)
        record.path = final.path
        guard Identity(temporary.path) == identity else { return }
        store.lock.lock()
        store.records[final.path] = (identity, record)
        store.lock.unlock()
    }

    /// The record of the file at `url`, when it is still the file that was hashed.
    static func record(of url: URL) -> RunSummary.FileRecord? {
        store.lock.lock()
        let known = store.records[url.path]
        store.lock.unlock()
        guard let (identity, record) = known, Identity(url.path) == identity else { return nil }
        return record
    }
}

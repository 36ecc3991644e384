import Foundation
import GRDB

/// A copy of the history database made with SQLite's online backup API, safe while a run writes:
/// the copy is taken under SQLite's own shared lock, so it holds every committed transaction and
/// none half done (a run's open write transaction is not in it). The copy is checked with
/// `PRAGMA integrity_check` before it gets its name; a copy that fails is removed.
public enum HistoryBackup {
    public struct Made: Sendable {
        public var url: URL
        public var runs: Int
        public var periods: Int
    }

    /// Copies `database` into `folder` as `tilanne-history-<period>-<yyyyMMdd-HHmmss>.sqlite`.
    public static func make(database: URL, into folder: URL, period: String, at time: Date = Date()) throws -> Made {
        guard SafeFile.isRegularFile(database.path) else {
            throw HistoryError(path: database.path, problem: "there is no history database to back up")
        }
        let name = "tilanne-history-\(fileNamePart(period))-\(Timestamp.fileNamePart(time)).sqlite"
        let target = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, problem: "cannot create the backup folder (\(error.localizedDescription))")
        }
        guard SafeFile.status(target.path) == nil else {
            throw OutputError(path: target.path, problem: "a backup of this name already exists; it is left as it is")
        }
        unlink(temporary.path)
        defer { unlink(temporary.path) }
        do {
            // Read-only: a backup never migrates or otherwise changes the history it copies.
            var reading = Configuration()
            reading.readonly = true
            reading.busyMode = .timeout(30)
            let source = try DatabaseQueue(path: database.path, configuration: reading)
            let copy = try DatabaseQueue(path: temporary.path)
            try source.backup(to: copy)
            try source.close()
            let check = try copy.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            guard check == ["ok"] else {
                throw HistoryError(path: database.path, problem: "the copy failed PRAGMA integrity_check ("
                                   + check.prefix(3).joined(separator: "; ") + "); no backup was kept")
            }
            let counts = try copy.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM run") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM period") ?? 0)
            }
            try copy.close()
            guard rename(temporary.path, target.path) == 0 else {
                throw OutputError(path: target.path, problem: String(cString: strerror(errno)))
            }
            return Made(url: target, runs: counts.0, periods: counts.1)
        } catch let error as HistoryError {
            throw error
        } catch let error as OutputError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN && !FileManager.default.isWritableFile(atPath: folder.path) {
            throw OutputError(path: folder.path, problem: "cannot write the backup (\(error.message ?? "\(error)"))")
        } catch {
            throw HistoryError(path: database.path, problem: "cannot back up the database (\(error))")
        }
    }

    /// A period label as part of a file name: `1/2024` → `1-2024`.
    static func fileNamePart(_ period: String) -> String {
        let kept = period.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(kept).split(separator: "-").joined(separator: "-")
    }
}

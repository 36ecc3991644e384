import Foundation
import GRDB

/// The history database: published runs with their rows, and frozen periods. Every change a
/// run makes is one transaction, so a crash or a kill leaves the database as it was before.
public final class HistoryStore {
    public let url: URL
    /// Internal: the retention and backup extensions work on it too.
    let queue: DatabaseQueue

    /// Opens (creating the folder and the file when missing) and upgrades the database. Before
    /// anything is written, the file must be a database, and an undamaged one: an empty file
    /// (0 bytes) is refused rather than taken for a new history, and `PRAGMA quick_check` must
    /// find every page sound. A refused file is left as it is.
    /// - Parameter readOnly: for looking only (`tilanne status`): the file must exist, nothing is
    ///   created or migrated, and a run writing meanwhile is never held up.
    public init(url: URL, readOnly: Bool = false) throws(HistoryError) {
        self.url = url
        if let status = SafeFile.status(url.path), (status.st_mode & S_IFMT) == S_IFREG, status.st_size == 0 {
            throw HistoryError(path: url.path, problem: "the file is empty (0 bytes), so it is not a history database; it is left as it is. "
                               + "Restore it from the backup, or remove it to start a new history")
        }
        do {
            if !readOnly {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            var configuration = Configuration()
            configuration.readonly = readOnly
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(30)
            queue = try DatabaseQueue(path: url.path, configuration: configuration)
            let check: [String]
            do {
                check = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check(20)") }
            } catch {
                check = ["\(error)"]
            }
            if check != ["ok"] {
                throw HistoryError(path: url.path, problem: "the database is damaged (PRAGMA quick_check: "
                                   + check.prefix(3).joined(separator: "; ") + "); it is left as it is. Restore it from the backup")
            }
            let migrator = HistorySchema.migrator
            let superseded = try queue.read { try migrator.hasBeenSuperseded($0) }
            if superseded {
                throw HistoryError(path: url.path, problem: "the database was written by a newer Tilanne; it is left as it is")
            }
            if !readOnly { try migrator.migrate(queue) }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError(path: url.path, problem: "not a usable history database (\(error)); it is left as it is")
        }
    }

    /// The migrations applied, oldest first (for `tilanne history` and tests).
    public func appliedMigrations() throws(HistoryError) -> [String] {
        try wrap { try queue.read { try HistorySchema.migrator.appliedIdentifiers($0) }.sorted() }
    }

    // MARK: Runs

    /// The last run that wrote reports, whatever became of its mail: when the data were last published.
    public func lastRunThatWroteReports() throws(HistoryError) -> RunRecord? {
        try wrap {
            try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM run WHERE outcome != 'unchanged' ORDER BY id DESC LIMIT 1").map(Self.run)
            }
        }
    }

    /// The last run that wrote reports, when it ended published: nil when it failed to deliver
    /// (then the next run must not skip as unchanged — its mail is still owed) or there is none.
    public func lastPublishedRun() throws(HistoryError) -> RunRecord? {
        try lastRunThatWroteReports().flatMap { $0.outcome == .published ? $0 : nil }
    }

    public func runs(limit: Int = 50) throws(HistoryError) -> [RunRecord] {
        try wrap { try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.run) } }
    }

    /// Takes and gives back the write lock, so that a database another process holds locked, or
    /// one that cannot be written, stops the run before the reports are published rather than after.
    public func checkWritable() throws(HistoryError) {
        try wrap { try queue.inTransaction(.immediate) { _ in .rollback } }
    }

    /// Records a run and its rows in one transaction.
    @discardableResult
    public func record(_ run: RunRecord, rows: [HistoryRow]) throws(HistoryError) -> Int64 {
        try wrap {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO run (startedAt, finishedAt, period, fingerprint, outcome, actions, rejected, warnings, errors)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [run.startedAt, run.finishedAt, run.period, run.fingerprint, run.outcome.rawValue,
                                     run.actions, run.rejected, run.warnings, run.errors])
                let id = db.lastInsertedRowID
                let statement = try db.makeStatement(sql: """
                    INSERT INTO runAction (runId, position, \(HistorySchema.rowColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insert = RowInsert(statement)
                for (position, row) in rows.enumerated() {
                    try insert.run { bind in
                        bind.int(Int(id))
                        bind.int(position)
                        bind.row(row)
                    }
                    if position == rows.count / 2 { FaultInjection.pauseInsideHistoryWrite() }
                }
                return id
            }
        }
    }

    // MARK: Periods

    public func frozenPeriods() throws(HistoryError) -> [FrozenPeriodInfo] {
        try wrap {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT label, frozenAt, actions, fingerprint FROM period ORDER BY sortKey, frozenAt").map {
                    FrozenPeriodInfo(label: $0["label"], frozenAt: $0["frozenAt"], actions: $0["actions"], fingerprint: $0["fingerprint"])
                }
            }
        }
    }

    /// The latest frozen period before `period` in period order (`2/2023` before `1/2024`).
    public func previousPeriod(before period: ReportingPeriod) throws(HistoryError) -> FrozenPeriod? {
        let key = period.sortKey
        return try wrap {
            try queue.read { db -> FrozenPeriod? in
                guard let period = try Row.fetchOne(db, sql: """
                    SELECT label, frozenAt FROM period WHERE sortKey < ? ORDER BY sortKey DESC, frozenAt DESC LIMIT 1
                    """, arguments: [key]) else { return nil }
                let label: String = period["label"]
                var rows: [HistoryRow] = []
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(HistorySchema.periodColumns) FROM periodAction WHERE periodLabel = ? ORDER BY position",
                                                 arguments: [label])
                while let row = try cursor.next() { rows.append(Self.historyRow(row)) }
                return FrozenPeriod(label: label, frozenAt: period["frozenAt"], rows: rows)
            }
        }
    }

    /// Stores `rows` as the official snapshot of `label`. A frozen period is never changed by
    /// later runs; freezing it again needs `force` (and replaces it, in one transaction).
    public func freeze(_ period: ReportingPeriod, rows: [HistoryRow], fingerprint: String, at time: String, force: Bool) throws -> Bool {
        let label = period.label
        return try queue.write { db in
            let existing = try String.fetchOne(db, sql: "SELECT frozenAt FROM period WHERE label = ?", arguments: [label])
            if let existing, !force { throw PeriodAlreadyFrozen(period: label, frozenAt: existing) }
            try db.execute(sql: "DELETE FROM period WHERE label = ?", arguments: [label])
            try db.execute(sql: "INSERT INTO period (label, sortKey, frozenAt, fingerprint, actions) VALUES (?, ?, ?, ?, ?)",
                           arguments: [label, period.sortKey, time, fingerprint, rows.count])
            try Self.insertSnapshot(db, into: "periodAction", keyColumn: "periodLabel", label: label, rows: rows) { $0.text(label) }
            try Self.insertEvent(db, PeriodEvent(label: label, kind: .frozen, at: time,
                                                 detail: existing == nil ? "\(rows.count) actions" : "\(rows.count) actions, replaced the snapshot of \(existing!)"))
            return existing != nil
        }
    }

    // MARK: Rows

    /// By position, in the order of `HistorySchema.periodColumns` (faster than by name over
    /// 10,000 rows a run).
    static func historyRow(_ row: Row) -> HistoryRow {
        HistoryRow(identity: row[0], lineage: row[1], theme: row[2], goalNumber: row[3], goalTitle: row[4], action: row[5],
                   projects: row[6], responsible: row[7], progress: row[8], status: row[9], statusKey: row[10],
                   sourceFile: row[11], sourceRow: row[12], itemPath: row[13], unchangedPeriods: row[14], unchangedSince: row[15])
    }

    private static func run(_ row: Row) -> RunRecord {
        RunRecord(id: row["id"], startedAt: row["startedAt"], finishedAt: row["finishedAt"], period: row["period"],
                  fingerprint: row["fingerprint"], outcome: RunRecord.Outcome(rawValue: row["outcome"]) ?? .published,
                  actions: row["actions"], rejected: row["rejected"], warnings: row["warnings"], errors: row["errors"])
    }

    func wrap<T>(_ body: () throws -> T) throws(HistoryError) -> T {
        do { return try body() } catch { throw HistoryError(path: url.path, problem: "\(error)") }
    }
}

import Foundation
import GRDB

/// The period lifecycle in the history: publications (files, inputs and rows), the state of a
/// period, and the events of its life. Each step is one transaction with its event.
extension HistoryStore {
    /// The state of `period`: frozen when it has a snapshot, published when it has a
    /// publication, open otherwise.
    public func status(of period: ReportingPeriod) throws(HistoryError) -> PeriodStatus {
        let publication = try latestPublication(of: period.label)
        let frozenAt: String? = try wrap {
            try queue.read { try String.fetchOne($0, sql: "SELECT frozenAt FROM period WHERE label = ?", arguments: [period.label]) }
        }
        let state: PeriodState = frozenAt != nil ? .frozen : publication != nil ? .published : .open
        return PeriodStatus(state: state, publication: publication, frozenAt: frozenAt)
    }

    /// The last publication of a period label, with its files.
    public func latestPublication(of label: String) throws(HistoryError) -> Publication? {
        try wrap {
            try queue.read { db -> Publication? in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM publication WHERE label = ? ORDER BY id DESC LIMIT 1",
                                                 arguments: [label]) else { return nil }
                let id: Int64 = row["id"]
                let files = try Row.fetchAll(db, sql: "SELECT name, bytes, sha256 FROM publicationFile WHERE publicationId = ? ORDER BY name",
                                             arguments: [id]).map { RunSummary.FileRecord(path: $0["name"], bytes: $0["bytes"], sha256: $0["sha256"]) }
                let inputsJSON: String = row["inputs"]
                let inputs = try JSONDecoder().decode(PublicationInputs.self, from: Data(inputsJSON.utf8))
                return Publication(id: id, label: label, publishedAt: row["publishedAt"], fingerprint: row["fingerprint"], inputs: inputs,
                                   archive: row["archive"], actions: row["actions"], files: files)
            }
        }
    }

    /// The rows a publication stored for a later freeze, in report order.
    public func publicationRows(_ id: Int64) throws(HistoryError) -> [HistoryRow] {
        try wrap {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT \(HistorySchema.periodColumns) FROM publicationAction WHERE publicationId = ? ORDER BY position",
                                 arguments: [id]).map(Self.historyRow)
            }
        }
    }

    /// Records a publication: its inputs, its archived files and the rows a freeze will store,
    /// with a `published` event, in one transaction.
    @discardableResult
    public func recordPublication(period: ReportingPeriod, at time: String, fingerprint: String, inputs: PublicationInputs,
                                  archive: String, files: [RunSummary.FileRecord], rows: [HistoryRow]) throws(HistoryError) -> Int64 {
        try wrap {
            let inputsJSON = String(decoding: try StableJSON.encode(inputs), as: UTF8.self)
            return try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO publication (label, sortKey, publishedAt, fingerprint, inputs, archive, actions) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [period.label, period.sortKey, time, fingerprint, inputsJSON, archive, rows.count])
                let id = db.lastInsertedRowID
                for file in files {
                    try db.execute(sql: "INSERT INTO publicationFile (publicationId, name, bytes, sha256) VALUES (?, ?, ?, ?)",
                                   arguments: [id, file.path, file.bytes, file.sha256])
                }
                try Self.insertSnapshot(db, into: "publicationAction", keyColumn: "publicationId", label: period.label, rows: rows) { $0.int(Int(id)) }
                try Self.insertEvent(db, PeriodEvent(label: period.label, kind: .published, at: time, detail: "\(files.count) files, \(archive)"))
                return id
            }
        }
    }

    /// Removes a period's snapshot so that it can be frozen again (its publication stays: the
    /// period is published again). Refused while a later period is frozen, since that period's
    /// rows were matched against this one.
    public func unfreeze(_ period: ReportingPeriod, reason: String, at time: String) throws -> FrozenPeriodInfo {
        try queue.write { db in
            guard let frozen = try Row.fetchOne(db, sql: "SELECT label, frozenAt, actions, fingerprint FROM period WHERE label = ?",
                                                arguments: [period.label]) else {
                throw LifecycleRefusal.notFrozen(period: period.label)
            }
            if let later = try String.fetchOne(db, sql: "SELECT label FROM period WHERE sortKey > ? ORDER BY sortKey LIMIT 1",
                                               arguments: [period.sortKey]) {
                throw LifecycleRefusal.laterPeriodFrozen(period: period.label, later: later)
            }
            try db.execute(sql: "DELETE FROM period WHERE label = ?", arguments: [period.label])
            try Self.insertEvent(db, PeriodEvent(label: period.label, kind: .unfrozen, at: time, detail: reason))
            return FrozenPeriodInfo(label: frozen["label"], frozenAt: frozen["frozenAt"], actions: frozen["actions"], fingerprint: frozen["fingerprint"])
        }
    }

    public func recordEvent(_ event: PeriodEvent) throws(HistoryError) {
        try wrap { try queue.write { db in try Self.insertEvent(db, event) } }
    }

    /// The events of every period, oldest first.
    public func events() throws(HistoryError) -> [PeriodEvent] {
        try wrap {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT label, event, at, detail FROM periodEvent ORDER BY id").map {
                    PeriodEvent(label: $0["label"], kind: PeriodEvent.Kind(rawValue: $0["event"]) ?? .opened, at: $0["at"], detail: $0["detail"])
                }
            }
        }
    }

    /// Rows in the shape of a frozen period (with how long each text stayed the same), under
    /// the key of their snapshot: a frozen period's label or a publication's id.
    static func insertSnapshot(_ db: Database, into table: String, keyColumn: String, label: String, rows: [HistoryRow],
                               key: (inout RowInsert.Binder) -> Void) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO \(table) (\(keyColumn), position, \(HistorySchema.periodColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insert = RowInsert(statement)
        for (position, row) in rows.enumerated() {
            try insert.run { bind in
                key(&bind)
                bind.int(position)
                bind.row(row)
                bind.int(row.unchangedPeriods)
                bind.text(row.unchangedSince ?? label)
            }
        }
    }

    static func insertEvent(_ db: Database, _ event: PeriodEvent) throws {
        try db.execute(sql: "INSERT INTO periodEvent (label, event, at, detail) VALUES (?, ?, ?, ?)",
                       arguments: [event.label, event.kind.rawValue, event.at, event.detail])
    }
}

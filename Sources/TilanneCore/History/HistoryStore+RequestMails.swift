import GRDB

/// The update requests and reminders mailed to the parties: what went to whom on which day.
extension HistoryStore {
    /// Every request mail of the period, sent or failed, oldest first.
    public func requestMails(period: ReportingPeriod) throws(HistoryError) -> [RequestMailRecord] {
        try wrap {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT party, recipient, kind, day, sentAt, outcome, detail FROM requestMail WHERE period = ? ORDER BY id
                    """, arguments: [period.label]).map { row in
                    RequestMailRecord(period: period.label, party: row["party"], recipient: row["recipient"],
                                      kind: RequestMailKind(rawValue: row["kind"]) ?? .reminder,
                                      day: row["day"], sentAt: row["sentAt"],
                                      outcome: RequestMailRecord.Outcome(rawValue: row["outcome"]) ?? .failed, detail: row["detail"])
                }
            }
        }
    }

    /// The addresses some request mail (of any period or programme in this history) reached on `day`.
    public func requestRecipients(mailedOn day: String) throws(HistoryError) -> Set<String> {
        try wrap {
            try queue.read { db in
                Set(try String.fetchAll(db, sql: "SELECT DISTINCT recipient FROM requestMail WHERE day = ? AND outcome = 'sent'",
                                        arguments: [day]))
            }
        }
    }

    /// Recorded right after each message, so a run stopped halfway never mails anyone twice.
    public func record(_ mail: RequestMailRecord) throws(HistoryError) {
        try wrap {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO requestMail (period, party, recipient, kind, day, sentAt, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [mail.period, mail.party, mail.recipient, mail.kind.rawValue, mail.day, mail.sentAt,
                                     mail.outcome.rawValue, mail.detail])
            }
        }
    }
}

/// One request mail to one recipient, as the history keeps it.
public struct RequestMailRecord: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable { case sent, failed }

    public var period: String
    public var party: String
    /// The bare address (`local@domain`).
    public var recipient: String
    public var kind: RequestMailKind
    /// The local date (`2024-02-27`) the mail counts for.
    public var day: String
    public var sentAt: String
    public var outcome: Outcome
    /// The sendmail program's message for a failed mail; empty otherwise.
    public var detail: String
}

/// A party's first mail of the period carries its request; later ones remind it.
public enum RequestMailKind: String, Sendable, Codable {
    case request
    case reminder
}

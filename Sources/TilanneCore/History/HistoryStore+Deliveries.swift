import GRDB

/// What was mailed: per group and recipient the fingerprint of the last message that reached
/// it (so only the addresses that did not get it are tried again), and per group what its last
/// mail contained (so the next one can say what changed since).
extension HistoryStore {
    /// The fingerprint of the last message sent to `recipient` (a bare address) in `group`.
    public func deliveredFingerprint(group folder: String, recipient: String) throws(HistoryError) -> String? {
        try wrap {
            try queue.read {
                try String.fetchOne($0, sql: "SELECT fingerprint FROM recipientDelivery WHERE groupFolder = ? AND recipient = ?",
                                    arguments: [folder, recipient])
            }
        }
    }

    /// Recorded right after each message went out, so that a run stopped halfway never mails
    /// the same recipient twice.
    public func recordRecipientDelivery(group folder: String, recipient: String, fingerprint: String, at time: String) throws(HistoryError) {
        try wrap {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO recipientDelivery (groupFolder, recipient, fingerprint, sentAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(groupFolder, recipient) DO UPDATE SET fingerprint = excluded.fingerprint, sentAt = excluded.sentAt
                    """, arguments: [folder, recipient, fingerprint, time])
            }
        }
    }
}

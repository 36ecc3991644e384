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

extension HistoryStore {
    /// The group's latest mail other than `fingerprint`'s: the one the mail about to go out
    /// follows. A message already sent to some addresses and now retried for the others is
    /// thus compared with the mail before it, as it was for the addresses that got it first.
    func lastGroupMail(group folder: String, before fingerprint: String) throws(HistoryError) -> MailSnapshot? {
        try wrap {
            try queue.read { db -> MailSnapshot? in
                guard let mail = try Row.fetchOne(db, sql: """
                    SELECT fingerprint, sentAt FROM groupMail WHERE groupFolder = ? AND fingerprint <> ? ORDER BY rowid DESC LIMIT 1
                    """, arguments: [folder, fingerprint]) else { return nil }
                let actions = try Row.fetchAll(db, sql: """
                    SELECT actionKey, title, progress, statusKey FROM groupMailAction
                    WHERE groupFolder = ? AND fingerprint = ? ORDER BY position
                    """, arguments: [folder, mail["fingerprint"] as String]).map {
                    MailSnapshot.Action(key: $0["actionKey"], title: $0["title"], progress: $0["progress"], statusKey: $0["statusKey"])
                }
                return MailSnapshot(sentAt: mail["sentAt"], actions: actions)
            }
        }
    }

    /// Records what the group's mail contained once it reached someone. The two latest mails
    /// are kept (the latest, and the one before it for retries of the latest); older ones go.
    func recordGroupMail(group folder: String, fingerprint: String, actions: [MailSnapshot.Action], at time: String) throws(HistoryError) {
        try wrap {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM groupMail WHERE groupFolder = ? AND fingerprint = ?", arguments: [folder, fingerprint])
                try db.execute(sql: "INSERT INTO groupMail (groupFolder, fingerprint, sentAt) VALUES (?, ?, ?)", arguments: [folder, fingerprint, time])
                let statement = try db.makeStatement(sql: """
                    INSERT INTO groupMailAction (groupFolder, fingerprint, position, actionKey, title, progress, statusKey) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                for (position, action) in actions.enumerated() {
                    try statement.execute(arguments: [folder, fingerprint, position, action.key, action.title, action.progress, action.statusKey])
                }
                try db.execute(sql: """
                    DELETE FROM groupMail WHERE groupFolder = ? AND rowid NOT IN
                        (SELECT rowid FROM groupMail WHERE groupFolder = ? ORDER BY rowid DESC LIMIT 2)
                    """, arguments: [folder, folder])
            }
        }
    }
}

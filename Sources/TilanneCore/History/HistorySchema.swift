import GRDB

/// The database schema as numbered migrations. A database written by an older Tilanne is
/// upgraded by running the migrations it lacks, inside one transaction each; one written by a
/// newer Tilanne (it has migrations this one does not know) is refused, never rewritten.
/// Each migration's SQL is written out in full, even where two tables share columns: a
/// migration must stay exactly what it was when released, whatever later code shares.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // v1: every published run and its rows.
        migrator.registerMigration("v1-runs") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    startedAt TEXT NOT NULL,
                    finishedAt TEXT NOT NULL,
                    period TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    actions INTEGER NOT NULL,
                    rejected INTEGER NOT NULL,
                    warnings INTEGER NOT NULL,
                    errors INTEGER NOT NULL
                );
                CREATE TABLE runAction (
                    runId INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    identity TEXT NOT NULL,
                    theme TEXT NOT NULL,
                    goalNumber INTEGER NOT NULL,
                    goalTitle TEXT NOT NULL,
                    action TEXT NOT NULL,
                    projects TEXT NOT NULL,
                    responsible TEXT NOT NULL,
                    progress TEXT NOT NULL,
                    status TEXT NOT NULL,
                    statusKey TEXT NOT NULL,
                    sourceFile TEXT NOT NULL,
                    sourceRow INTEGER,
                    PRIMARY KEY (runId, position)
                );
                """)
        }
        // v2: frozen periods (the reports the council saw) and the lineage that follows an
        // action across periods; runs keep the lineage their rows were matched to.
        migrator.registerMigration("v2-periods") { db in
            try db.execute(sql: """
                ALTER TABLE runAction ADD COLUMN lineage TEXT NOT NULL DEFAULT '';
                UPDATE runAction SET lineage = identity;
                CREATE TABLE period (
                    label TEXT PRIMARY KEY,
                    sortKey TEXT NOT NULL,
                    frozenAt TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    actions INTEGER NOT NULL
                );
                CREATE TABLE periodAction (
                    periodLabel TEXT NOT NULL REFERENCES period(label) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    identity TEXT NOT NULL,
                    lineage TEXT NOT NULL,
                    theme TEXT NOT NULL,
                    goalNumber INTEGER NOT NULL,
                    goalTitle TEXT NOT NULL,
                    action TEXT NOT NULL,
                    projects TEXT NOT NULL,
                    responsible TEXT NOT NULL,
                    progress TEXT NOT NULL,
                    status TEXT NOT NULL,
                    statusKey TEXT NOT NULL,
                    sourceFile TEXT NOT NULL,
                    sourceRow INTEGER,
                    unchangedPeriods INTEGER NOT NULL,
                    unchangedSince TEXT NOT NULL,
                    PRIMARY KEY (periodLabel, position)
                );
                """)
        }
        // v3: what was last mailed to each steering group, so an unchanged report is not re-sent.
        migrator.registerMigration("v3-deliveries") { db in
            try db.execute(sql: """
                CREATE TABLE delivery (
                    groupFolder TEXT PRIMARY KEY,
                    fingerprint TEXT NOT NULL,
                    recipients TEXT NOT NULL,
                    sentAt TEXT NOT NULL
                );
                """)
        }
        // v4: the general programme model: an action's item is a path of keys (`1/1.1/1.1.1`),
        // not a goal number. Older rows keep their goal number and get their path from the
        // register when read (ProgrammeRegister.legacyPath), so no frozen period is lost.
        migrator.registerMigration("v4-item-paths") { db in
            try db.execute(sql: """
                ALTER TABLE runAction ADD COLUMN itemPath TEXT NOT NULL DEFAULT '';
                ALTER TABLE periodAction ADD COLUMN itemPath TEXT NOT NULL DEFAULT '';
                """)
        }
        // v5: each recipient is mailed on its own and remembered on its own, so only the
        // addresses a message did not reach are tried again; and what each group's last mails
        // contained, per action, so the next mail can say what changed since. A `delivery` row
        // from before counts as delivered to each address it lists (with its fingerprint, which
        // GroupMail still recognises); the old table is kept as it was.
        migrator.registerMigration("v5-recipient-deliveries") { db in
            try db.execute(sql: """
                CREATE TABLE recipientDelivery (
                    groupFolder TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    sentAt TEXT NOT NULL,
                    PRIMARY KEY (groupFolder, recipient)
                );
                CREATE TABLE groupMail (
                    groupFolder TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    sentAt TEXT NOT NULL,
                    PRIMARY KEY (groupFolder, fingerprint)
                );
                CREATE TABLE groupMailAction (
                    groupFolder TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    actionKey TEXT NOT NULL,
                    title TEXT NOT NULL,
                    progress TEXT NOT NULL,
                    statusKey TEXT NOT NULL,
                    PRIMARY KEY (groupFolder, fingerprint, position),
                    FOREIGN KEY (groupFolder, fingerprint) REFERENCES groupMail(groupFolder, fingerprint) ON DELETE CASCADE
                );
                """)
            let rows = try Row.fetchAll(db, sql: "SELECT groupFolder, fingerprint, recipients, sentAt FROM delivery")
            for row in rows {
                let recipients: String = row["recipients"]
                for address in LegacyDeliveryRecipients.addresses(recipients) {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO recipientDelivery (groupFolder, recipient, fingerprint, sentAt) VALUES (?, ?, ?, ?)
                        """, arguments: [row["groupFolder"], address, row["fingerprint"], row["sentAt"]])
                }
            }
        }
        // v6: the period lifecycle. A period is open (draft reports) until `tilanne publish`
        // records a publication: exactly the files it wrote (archived), the inputs they were made
        // from and the rows a freeze will store; `tilanne freeze` freezes a publication. Every
        // step (opened, published, frozen, unfrozen) is an event, so a wrong freeze undone is
        // still on record.
        migrator.registerMigration("v6-period-lifecycle") { db in
            try db.execute(sql: """
                CREATE TABLE publication (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    label TEXT NOT NULL,
                    sortKey TEXT NOT NULL,
                    publishedAt TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    inputs TEXT NOT NULL,
                    archive TEXT NOT NULL,
                    actions INTEGER NOT NULL
                );
                CREATE INDEX publicationByLabel ON publication(label, id);
                CREATE TABLE publicationFile (
                    publicationId INTEGER NOT NULL REFERENCES publication(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    PRIMARY KEY (publicationId, name)
                );
                CREATE TABLE publicationAction (
                    publicationId INTEGER NOT NULL REFERENCES publication(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    identity TEXT NOT NULL,
                    lineage TEXT NOT NULL,
                    theme TEXT NOT NULL,
                    goalNumber INTEGER NOT NULL,
                    goalTitle TEXT NOT NULL,
                    action TEXT NOT NULL,
                    projects TEXT NOT NULL,
                    responsible TEXT NOT NULL,
                    progress TEXT NOT NULL,
                    status TEXT NOT NULL,
                    statusKey TEXT NOT NULL,
                    sourceFile TEXT NOT NULL,
                    sourceRow INTEGER,
                    itemPath TEXT NOT NULL,
                    unchangedPeriods INTEGER NOT NULL,
                    unchangedSince TEXT NOT NULL,
                    PRIMARY KEY (publicationId, position)
                );
                CREATE TABLE periodEvent (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    label TEXT NOT NULL,
                    event TEXT NOT NULL,
                    at TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                """)
        }
        // v7: update requests mailed to the parties, one row per message and recipient, so a
        // reminder is not sent twice and no recipient gets more than one mail a day. `day` is
        // the local date the mail counts for.
        migrator.registerMigration("v7-request-mails") { db in
            try db.execute(sql: """
                CREATE TABLE requestMail (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    period TEXT NOT NULL,
                    party TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    day TEXT NOT NULL,
                    sentAt TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX requestMailByRecipientDay ON requestMail(recipient, day);
                CREATE INDEX requestMailByPeriod ON requestMail(period, party, recipient);
                """)
        }
        return migrator
    }

    static let rowColumns = "identity, lineage, theme, goalNumber, goalTitle, action, projects, responsible, progress, status, statusKey, sourceFile, sourceRow, itemPath"
    static let periodColumns = rowColumns + ", unchangedPeriods, unchangedSince"
}

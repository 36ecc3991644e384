import GRDB

extension HistoryStore {
    /// Removes the runs beyond the newest `keep` (and their rows), in one transaction; returns
    /// how many went. Kept whatever their age: the last published run (the next night compares
    /// its fingerprint with it to skip an unchanged night) and, for each frozen period, its last
    /// run that published reports (the reports the council saw came from it). Frozen periods
    /// keep their own rows (`periodAction`) and the delivery table its fingerprints; neither
    /// reads a run's rows, so neither loses anything here.
    @discardableResult
    public func prune(keeping keep: Int) throws(HistoryError) -> Int {
        try wrap {
            try queue.write { db in
                try db.execute(sql: """
                    DELETE FROM run
                    WHERE id NOT IN (SELECT id FROM run ORDER BY id DESC LIMIT ?)
                      AND id NOT IN (SELECT max(id) FROM run WHERE outcome = 'published')
                      AND id NOT IN (SELECT max(run.id) FROM run JOIN period ON run.period = period.label
                                     WHERE run.outcome IN ('published', 'delivery-failed') GROUP BY run.period)
                    """, arguments: [max(1, keep)])
                let removed = db.changesCount
                // Foreign keys cascade already; said again so a database opened without them keeps no orphans.
                try db.execute(sql: "DELETE FROM runAction WHERE runId NOT IN (SELECT id FROM run)")
                return removed
            }
        }
    }
}

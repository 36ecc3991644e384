import GRDB

extension HistoryStore {
    /// The periods the history has runs of, each with its latest run's end, newest first.
    public func runPeriods() throws(HistoryError) -> [(period: String, lastRun: String)] {
        try wrap {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT period, max(finishedAt) AS lastRun, max(id) AS newest FROM run GROUP BY period ORDER BY newest DESC")
                    .map { (period: $0["period"], lastRun: $0["lastRun"]) }
            }
        }
    }
}

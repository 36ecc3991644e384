/// Why the history database cannot be used. Stops the run (exit 5): a report must not silently
/// lose its comparison, and the database is never recreated behind the operator's back.
public struct HistoryError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// Freezing a period that is already frozen, without `--force`.
public struct PeriodAlreadyFrozen: Error, Sendable {
    public var period: String
    public var frozenAt: String
}

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
/// `tilanne run` for a period that is frozen: its published reports are the council's and are
/// never replaced by a later run; the next period has to be opened (`period:` in the config).
public struct PeriodIsFrozen: Error, Sendable, CustomStringConvertible {
    public var period: String
    public var frozenAt: String
    /// The period after it, for the command that opens it.
    public var next: String

    public init(period: ReportingPeriod, frozenAt: String) {
        self.period = period.label
        self.frozenAt = frozenAt
        next = period.next.label
    }

    public var description: String {
        "period \(period) was frozen at \(frozenAt); its published reports are not replaced. "
            + "Open the next period: tilanne period open \(next)"
    }
}

public struct PeriodAlreadyFrozen: Error, Sendable {
    public var period: String
    public var frozenAt: String
}

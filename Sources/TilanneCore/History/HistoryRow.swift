/// One action as the history keeps it: enough to compare it with a later period and to show
/// what the council saw then.
public struct HistoryRow: Sendable, Codable, Hashable {
    public var identity: String
    /// The same action across periods, even after its identity changed (reworded, moved):
    /// assigned when a period is frozen, from the match with the period before it.
    public var lineage: String
    /// The top item's title and the item's own title and number, as the council saw them.
    public var theme: String
    /// The item's number when it is a whole number (0 otherwise); rows from before item
    /// paths are found by it.
    public var goalNumber: Int
    public var goalTitle: String
    public var action: String
    /// One per line.
    public var projects: String
    /// One per line.
    public var responsible: String
    /// The progress code as shown (a legend code, or the unknown code as written, or empty).
    public var progress: String
    public var status: String
    /// Comparison key of the status text, hashed: equal keys mean the text was not updated.
    public var statusKey: String
    public var sourceFile: String
    public var sourceRow: Int?
    /// The item's path (`ItemPath` as text); empty in rows written before item paths.
    public var itemPath: String = ""
    /// Frozen periods in a row, ending with this one, with this status text (frozen rows only;
    /// kept per row so that staleness needs only the previous period, not all of them).
    public var unchangedPeriods: Int = 1
    /// The first of those periods.
    public var unchangedSince: String?
}

/// A frozen period: the rows of the report the council saw for it.
public struct FrozenPeriod: Sendable {
    public var label: String
    public var frozenAt: String
    public var rows: [HistoryRow]
}

/// One run as `tilanne history` lists it.
public struct RunRecord: Sendable, Codable, Hashable {
    public enum Outcome: String, Sendable, Codable {
        /// Reports written.
        case published
        /// Inputs and config as in the last published run: nothing rewritten.
        case unchanged
        /// Reports written, but mailing a steering group failed: the next run does it all again.
        case deliveryFailed = "delivery-failed"
    }

    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String
    public var period: String
    public var fingerprint: String
    public var outcome: Outcome
    public var actions: Int
    public var rejected: Int
    public var warnings: Int
    public var errors: Int

    public init(id: Int64?, startedAt: String, finishedAt: String, period: String, fingerprint: String, outcome: Outcome,
                actions: Int, rejected: Int, warnings: Int, errors: Int) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.period = period
        self.fingerprint = fingerprint
        self.outcome = outcome
        self.actions = actions
        self.rejected = rejected
        self.warnings = warnings
        self.errors = errors
    }
}

/// One frozen period as `tilanne history` lists it.
public struct FrozenPeriodInfo: Sendable, Codable, Hashable {
    public var label: String
    public var frozenAt: String
    public var actions: Int
    public var fingerprint: String
}

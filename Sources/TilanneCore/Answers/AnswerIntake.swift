/// Stage boundary matching → merge: what the returned workbooks gave. Every answer row read is
/// either in `accepted` or refused by one of `findings`; nothing is dropped silently.
public struct AnswerIntake: Sendable {
    public var accepted: [AcceptedAnswer] = []
    public var findings: [Diagnostic] = []
    /// Every file read from the answers folder, in name order.
    public var files: [String] = []
    public var status: AnswerStatus = AnswerStatus()
}

/// One answer that passed every check, with where it came from.
public struct AcceptedAnswer: Sendable, Hashable {
    public var rowID: String
    public var actionIndex: Int
    public var party: String
    public var location: SourceLocation
    /// The new code; nil when the answer left it blank (the table's code stays).
    public var code: String?
    /// The new status text; nil when left blank.
    public var status: String?
}

/// Who has answered: for the run summary and the answers sheet.
public struct AnswerStatus: Sendable, Codable, Hashable {
    /// Keys of the parties with at least one accepted answer, in register order.
    public var answered: [String] = []
    /// Keys of the parties asked (some row names them) without any accepted answer.
    public var missing: [String] = []
    /// Rows sent to some party that no accepted answer covers.
    public var openRows: Int = 0
    /// Rows sent to some party.
    public var requestedRows: Int = 0
    /// Answer rows refused (each has a finding).
    public var refused: Int = 0
    /// Each party's rows in its request, and those no accepted answer covers, by party key.
    public var requestedByParty: [String: Int] = [:]
    public var openByParty: [String: Int] = [:]
    /// The deadline (`2024-03-01`), and whether the run's day is past it.
    public var deadline: String?
    public var deadlinePassed = false
    /// The parties with open rows once the deadline has passed: whom to chase. Empty before it.
    public var lateParties: [String] = []
}

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
}

/// Who has answered the period's requests, as the coordinator's workbook lists it: every party
/// asked, in register order, answered or not, with the rows still open and the deadline.
public struct AnswersReport: Sendable, Codable {
    public struct Party: Sendable, Codable {
        public var key: String
        public var name: String
        public var answered: Bool
        /// The rows of its request, and those still without an accepted answer.
        public var rows: Int
        public var open: Int
    }

    /// The deadline, `YYYY-MM-DD` (written in the report's language at the edges); nil without one.
    public var deadline: String?
    public var parties: [Party]
    public var openRows: Int
    public var requestedRows: Int
    public var refused: Int
    /// Whether the run's day is past the deadline; then `lateParties` parties still have open rows.
    public var deadlinePassed: Bool
    public var lateParties: Int

    init(_ status: AnswerStatus, register: PartyRegister?, deadline: DocumentDate?) {
        let answered = Set(status.answered)
        let asked = Set(status.answered + status.missing)
        let ordered = register?.parties.map(\.key).filter(asked.contains) ?? (status.answered + status.missing)
        parties = ordered.map { key in
            Party(key: key, name: register?.party(key: key)?.name ?? key, answered: answered.contains(key),
                  rows: status.requestedByParty[key] ?? 0, open: status.openByParty[key] ?? 0)
        }
        deadlinePassed = status.deadlinePassed
        lateParties = status.lateParties.count
        // A date, not its text: the report's language writes it (`ReportStrings.date`).
        self.deadline = deadline?.isoText
        openRows = status.openRows
        requestedRows = status.requestedRows
        refused = status.refused
    }
}

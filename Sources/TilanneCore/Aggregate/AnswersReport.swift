/// Who has answered the period's requests, as the coordinator's workbook lists it: every party
/// asked, in register order, answered or not, with the rows still open and the deadline.
public struct AnswersReport: Sendable, Codable {
    public struct Party: Sendable, Codable {
        public var key: String
        public var name: String
        public var answered: Bool
    }

    /// Day, month and year as the report language writes a date (`15.3.2024`); nil without one.
    public var deadline: String?
    public var parties: [Party]
    public var openRows: Int
    public var requestedRows: Int
    public var refused: Int

    init(_ status: AnswerStatus, register: PartyRegister?, deadline: DocumentDate?) {
        let answered = Set(status.answered)
        let asked = Set(status.answered + status.missing)
        let ordered = register?.parties.map(\.key).filter(asked.contains) ?? (status.answered + status.missing)
        parties = ordered.map { key in
            Party(key: key, name: register?.party(key: key)?.name ?? key, answered: answered.contains(key))
        }
        self.deadline = deadline.map { "\($0.day).\($0.month).\($0.year)" }
        openRows = status.openRows
        requestedRows = status.requestedRows
        refused = status.refused
    }
}

/// Answers matching: each returned workbook against the requests this period's table gives
/// now. A row is matched by its hidden id and checksum (which covers the period, programme and
/// party, so a row pasted from another party's or period's workbook is caught), its locked
/// texts are compared with the current table, and its code and text checked. A row with both
/// answer cells blank is no answer: the request sends them blank.
public struct AnswerMatcher: Sendable {
    public let config: TilanneConfig
    public let register: PartyRegister
    public let requests: [PartyRequest]
    /// The run's day, which says whether the deadline has passed.
    public let today: DocumentDate

    public init(config: TilanneConfig, register: PartyRegister, requests: [PartyRequest], today: DocumentDate = .local()) {
        self.config = config
        self.register = register
        self.requests = requests
        self.today = today
    }

    private var programmeKey: String { requests.first?.programmeKey ?? config.register.programmes.map(\.key).joined(separator: ",") }

    public func match(_ workbooks: [ReturnedWorkbook]) -> AnswerIntake {
        var intake = AnswerIntake()
        var candidates: [AcceptedAnswer] = []
        for workbook in workbooks.sorted(by: { $0.file < $1.file }) {
            intake.files.append(workbook.file)
            if let unreadable = workbook.unreadable {
                intake.findings.append(unreadable)
                continue
            }
            let answers = workbook.rows.filter { !$0.newCode.isEmpty || !$0.newStatus.isEmpty }
            guard let party = workbook.meta["party"], let period = workbook.meta["period"], let programme = workbook.meta["programme"],
                  workbook.sheet != nil, let request = requests.first(where: { $0.party.key == party })
            else {
                intake.findings.append(Diagnostic(code: .answerNotARequest, location: SourceLocation(file: workbook.file), subject: .file(workbook.file)))
                intake.status.refused += answers.count
                continue
            }
            // A request of another round is refused whole: its checksums would fail row by row,
            // and one finding says what is wrong with the file.
            guard period == config.period.label, programme == programmeKey else {
                intake.findings.append(Diagnostic(code: .answerOtherPeriod, location: SourceLocation(file: workbook.file),
                                                  arguments: [.text(programme), .text(period), .text(programmeKey), .text(config.period.label)],
                                                  subject: .file(workbook.file)))
                intake.status.refused += answers.count
                continue
            }
            for answer in answers {
                switch check(answer, in: workbook, request: request) {
                case .success(let accepted): candidates.append(accepted)
                case .failure(let refusal):
                    intake.findings.append(refusal.finding)
                    intake.status.refused += 1
                }
            }
        }
        let (accepted, conflicts) = resolveDuplicates(candidates)
        intake.accepted = accepted
        intake.findings += conflicts
        intake.status.refused += conflicts.count
        intake.status = status(of: accepted, refused: intake.status.refused)
        return intake
    }

    struct Refusal: Error { let finding: Diagnostic }

    private func check(_ answer: ReturnedRow, in workbook: ReturnedWorkbook, request: PartyRequest) -> Result<AcceptedAnswer, Refusal> {
        let columns = workbook.columns
        func at(_ column: Int?) -> SourceLocation {
            workbook.location.at(row: answer.row, column: column, columnName: column.flatMap { columns.headers[$0] })
        }
        func refuse(_ code: DiagnosticCode, _ column: Int?, _ arguments: [DiagnosticArgument]) -> Result<AcceptedAnswer, Refusal> {
            .failure(Refusal(finding: Diagnostic(code: code, location: at(column), arguments: arguments)))
        }
        let party = request.party.key
        let sum = { (key: String) in RequestChecksum.of(id: answer.rowID, period: request.period, programme: request.programmeKey, party: key) }
        guard answer.checksum == sum(party) else {
            if let other = register.parties.first(where: { $0.key != party && sum($0.key) == answer.checksum }) {
                return refuse(.answerOtherParty, columns.id, [.text(answer.rowID), .text(other.name), .text(request.party.name)])
            }
            return refuse(.answerTamperedID, columns.id, [.text(answer.rowID), .text(answer.checksum)])
        }
        guard let sent = request.rows.first(where: { $0.rowID == answer.rowID }) else {
            return refuse(.answerUnknownRow, columns.id, [.text(answer.rowID)])
        }
        let locked: [(Int?, String, String)] = [
            (columns.action, sent.action, answer.action), (columns.projects, sent.projects, answer.projects),
            (columns.responsible, sent.responsible, answer.responsible),
        ]
        for (column, table, returned) in locked where column != nil && AnswerWorkbookReader.clean(table) != AnswerWorkbookReader.clean(returned) {
            return refuse(.answerLockedChanged, column, [.text(column.flatMap { columns.headers[$0] } ?? ""), .text(table), .text(returned)])
        }
        if !answer.newCode.isEmpty, config.legend.entry(for: answer.newCode) == nil {
            return refuse(.answerCodeUnknown, columns.newCode, [.text(answer.newCode), .text(config.legend.entries.map(\.code).joined(separator: ", "))])
        }
        let limit = config.requests?.statusLimit ?? 32_767
        if answer.newStatus.count > limit {
            return refuse(.answerTextTooLong, columns.newStatus, [.count(answer.newStatus.count), .count(limit)])
        }
        return .success(AcceptedAnswer(rowID: sent.rowID, actionIndex: sent.actionIndex, party: party, location: at(nil),
                                       code: answer.newCode.isEmpty ? nil : answer.newCode,
                                       status: answer.newStatus.isEmpty ? nil : answer.newStatus))
    }

    /// Two files answering one row (a row shared by two parties, or a workbook returned twice):
    /// the same answer twice is one answer; different answers are both refused, each naming the
    /// other, and the row stays open. Neither is applied because nothing in a file says which is
    /// right: file times change when mail or a copy touches them, and names sort by party.
    private func resolveDuplicates(_ candidates: [AcceptedAnswer]) -> ([AcceptedAnswer], [Diagnostic]) {
        var accepted: [AcceptedAnswer] = []
        var findings: [Diagnostic] = []
        var order: [String] = []
        var byRow: [String: [AcceptedAnswer]] = [:]
        for candidate in candidates {
            if byRow[candidate.rowID] == nil { order.append(candidate.rowID) }
            byRow[candidate.rowID, default: []].append(candidate)
        }
        for rowID in order {
            let answers = byRow[rowID]!
            let distinct = Set(answers.map { [$0.code ?? "", $0.status ?? ""] })
            if distinct.count == 1 {
                accepted.append(answers[0])
                continue
            }
            for answer in answers {
                let others = answers.filter { $0 != answer }.map(\.location.compact).joined(separator: ", ")
                findings.append(Diagnostic(code: .answerConflict, location: answer.location, arguments: [.text(others)]))
            }
        }
        return (accepted, findings)
    }

    private func status(of accepted: [AcceptedAnswer], refused: Int) -> AnswerStatus {
        let answeredParties = Set(accepted.map(\.party))
        let answeredRows = Set(accepted.map(\.rowID))
        var requested: [String] = []
        for request in requests { for row in request.rows where !requested.contains(row.rowID) { requested.append(row.rowID) } }
        var status = AnswerStatus(
            answered: requests.map(\.party.key).filter { answeredParties.contains($0) },
            missing: requests.map(\.party.key).filter { !answeredParties.contains($0) },
            openRows: requested.filter { !answeredRows.contains($0) }.count,
            requestedRows: requested.count, refused: refused)
        for request in requests {
            status.requestedByParty[request.party.key] = request.rows.count
            status.openByParty[request.party.key] = request.rows.filter { !answeredRows.contains($0.rowID) }.count
        }
        if let deadline = config.requests?.deadline {
            status.deadline = deadline.isoText
            status.deadlinePassed = today > deadline
            if status.deadlinePassed {
                status.lateParties = requests.map(\.party.key).filter { (status.openByParty[$0] ?? 0) > 0 }
            }
        }
        return status
    }
}

/// Answers merge: accepted answers replace the code and the status text of their rows in the
/// checked programme, so aggregation and every report see the answered table. The row's old
/// findings about those two cells (a missing or unknown code, a missing text) are dropped,
/// because the answer replaced the cell they were about; an answer's own code is a legend code.
public struct AnswerMerger: Sendable {
    public init() {}

    static let replacedFindings: Set<DiagnosticCode> = [.progressMissing, .progressUnknown, .statusMissing]

    public func merge(_ answers: [AcceptedAnswer], into programme: ValidatedProgramme) -> ValidatedProgramme {
        var merged = programme
        for answer in answers where answer.actionIndex < merged.actions.count {
            var action = merged.actions[answer.actionIndex]
            let location = action.row.location
            var cleared: Set<DiagnosticCode> = []
            if let code = answer.code {
                action.row.progress = .known(code: code)
                cleared.formUnion([.progressMissing, .progressUnknown])
            }
            if let status = answer.status {
                action.row.status = status
                cleared.insert(.statusMissing)
            }
            action.findings.removeAll { cleared.contains($0) }
            merged.actions[answer.actionIndex] = action
            merged.diagnostics.removeAll { finding in
                cleared.contains(finding.code) && finding.location?.file == location.file
                    && finding.location?.sheet == location.sheet && finding.location?.row == location.row
            }
        }
        return merged
    }
}

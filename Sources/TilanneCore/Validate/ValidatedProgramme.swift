/// Stage boundary validate → aggregate: the actions of all sources that passed, each placed
/// under an item of the register, with every finding and every rejected row of the run.
public struct ValidatedProgramme: Sendable {
    public var actions: ChunkedRows<ValidatedAction>
    public var rejected: [RejectedRow]
    public var diagnostics: [Diagnostic]
    public var accounting: RowAccounting
    public var sources: [SourceSummary]
    /// The indicators' values, checked; empty when the config has none.
    public var indicators: [IndicatorSeries] = []
    /// Who has answered the period's requests, when `requests.answers` is configured.
    public var answers: AnswerStatus?
    /// The answers merged into `actions`, for the coordinator's master table.
    public var acceptedAnswers: [AcceptedAnswer] = []

    /// A copy that alone holds the actions; this one keeps everything else and no actions.
    public mutating func movingActions() -> ValidatedProgramme {
        let moved = self
        actions = []
        return moved
    }
}

public struct ValidatedAction: Sendable {
    public var row: ActionRow
    /// The register item the action belongs to.
    public var path: ItemPath
    /// The items of cross-cutting dimensions it is linked to, by dimension key.
    public var tags: [String: [String]] = [:]
    /// Codes of the findings about this row, so renderers can flag the row itself.
    public var findings: [DiagnosticCode]
}

/// Nothing is lost: every row read is in the report, a structure or blank row, or rejected.
public struct RowAccounting: Sendable, Codable, Hashable {
    public var rowsIn: Int
    public var reported: Int
    public var rejected: Int
    public var structure: Int
    public var blank: Int

    public var isBalanced: Bool { rowsIn == reported + rejected + structure + blank }
}

public struct SourceSummary: Sendable, Codable, Hashable {
    public var file: String
    public var sheet: String?
    public var table: Int?
    public var shape: TableShape
    public var encoding: SourceEncoding
    public var delimiter: String
    public var rowsIn: Int
    public var actions: Int
}

/// Validate stage: checks the normalised actions of all sources against each other and the
/// programme register. Rows that cannot be placed in the report (no action text, no such goal,
/// a duplicate) are rejected; everything else stays in and is only reported.
public struct Validator: Sendable {
    public let config: TilanneConfig
    private let rowRules: [any RowRule] = [ProgressCodeRule(), StatusTextRule(), ResponsiblePartyRule(), CellLengthRule()]

    public init(config: TilanneConfig) { self.config = config }

    public func validate(_ tables: [NormalisedTable], ingestDiagnostics: [Diagnostic]) -> ValidatedProgramme {
        var log = DiagnosticLog(catalogue: MessageCatalogue(language: config.language),
                                severityOverrides: config.validation.severity)
        var actions: [ValidatedAction] = []
        var rejected: [RejectedRow] = tables.flatMap(\.rejected)
        var firstPlace: [String: SourceLocation] = [:]
        var reportedGoalTitles: Set<String> = []
        var reportedThemes: Set<String> = []
        // Most rows repeat their goal's title and theme: compare a text with the register only
        // when it differs byte for byte from the one checked last for that goal.
        var lastTitle: [Int: (text: String, differs: Bool)] = [:]
        var lastTheme: [Int: (text: String, differs: Bool)] = [:]
        func differs(_ text: String, from official: String, goal: Int, memory: inout [Int: (text: String, differs: Bool)]) -> Bool {
            if let last = memory[goal], last.text.utf8.elementsEqual(text.utf8) { return last.differs }
            let result = TextNormaliser.comparisonKey(text) != TextNormaliser.comparisonKey(official)
            memory[goal] = (text, result)
            return result
        }
        for table in tables {
            for row in table.actions {
                let rowNumber = row.location.row ?? 0
                func reject(_ code: DiagnosticCode, field: Field?, _ arguments: String...) {
                    let location = field.map { row.fieldLocations.location(row: rowNumber, field: $0) } ?? row.location
                    let finding = log.emit(code, at: location, arguments: arguments)
                    rejected.append(RejectedRow(finding: finding, location: row.location, content: preview(row)))
                }
                if row.action.isEmpty {
                    reject(.actionMissing, field: .action)
                    continue
                }
                guard let number = Int(row.goalNumberText) else {
                    reject(.goalNumberInvalid, field: .goalNumber, row.goalNumberText)
                    continue
                }
                guard let (theme, goal) = config.register.goal(number: number) else {
                    reject(.goalNotInRegister, field: .goalNumber, "\(number)")
                    continue
                }
                if let first = firstPlace[row.identity] {
                    reject(.actionDuplicate, field: .action, TextNormaliser.singleLine(row.action), describe(first, from: row.location))
                    continue
                }
                firstPlace[row.identity] = row.location

                var findings: [DiagnosticCode] = []
                for rule in rowRules { findings += rule.check(row, log: &log) }
                // Title and theme differences are reported once per file and goal, at their first row.
                if let title = row.goalTitle,
                   differs(title, from: goal.title, goal: number, memory: &lastTitle),
                   reportedGoalTitles.insert("\(table.origin.compact)#\(number)").inserted {
                    log.emit(.goalTitleDiffers, at: row.fieldLocations.location(row: rowNumber, field: .goalTitle),
                             "\(number)", TextNormaliser.singleLine(title), goal.title)
                }
                if let rowTheme = row.theme,
                   differs(rowTheme, from: theme.title, goal: number, memory: &lastTheme),
                   reportedThemes.insert("\(table.origin.compact)#\(number)").inserted {
                    log.emit(.themeDiffers, at: row.fieldLocations.location(row: rowNumber, field: .theme),
                             TextNormaliser.singleLine(rowTheme), "\(number)", theme.title)
                }
                actions.append(ValidatedAction(row: row, goalNumber: number, findings: findings))
            }
        }

        let accounting = RowAccounting(
            rowsIn: tables.reduce(0) { $0 + $1.rowsIn },
            reported: actions.count,
            rejected: rejected.count,
            structure: tables.reduce(0) { $0 + $1.structureRows },
            blank: tables.reduce(0) { $0 + $1.blankRows }
        )
        let sources = tables.map { table in
            SourceSummary(file: table.file, sheet: table.origin.sheet, table: table.origin.table, shape: table.shape,
                          encoding: table.encoding, delimiter: table.delimiter, rowsIn: table.rowsIn,
                          actions: actions.lazy.filter { $0.row.location.at(row: nil) == table.origin }.count)
        }
        let all = ingestDiagnostics + tables.flatMap(\.diagnostics) + log.diagnostics
        return ValidatedProgramme(actions: actions, rejected: rejected.sorted(by: Self.inSourceOrder),
                                  diagnostics: all, accounting: accounting, sources: sources)
    }

    /// The first place of a duplicate, as the message names it: the row alone in the same
    /// file part, otherwise the file and the sheet or table too, so both places are named.
    private func describe(_ location: SourceLocation, from current: SourceLocation) -> String {
        let row = location.row.map(String.init) ?? "?"
        if location.at(row: nil) == current.at(row: nil) { return row }
        let tableWord = MessageCatalogue(language: config.language).tableWord
        return "\(row) (\(location.filePart(tableWord: tableWord)))"
    }

    private func preview(_ row: ActionRow) -> String {
        let parts = [row.goalNumberText, row.action, row.progress.shownCode, row.status]
            .map(TextNormaliser.singleLine).filter { !$0.isEmpty }
        let joined = parts.joined(separator: " | ")
        return joined.count > 200 ? String(joined.prefix(199)) + "…" : joined
    }

    static func inSourceOrder(_ a: RejectedRow, _ b: RejectedRow) -> Bool {
        if a.location.file != b.location.file { return a.location.file < b.location.file }
        if a.location.sheet != b.location.sheet { return (a.location.sheet ?? "") < (b.location.sheet ?? "") }
        if a.location.table != b.location.table { return (a.location.table ?? 0) < (b.location.table ?? 0) }
        return (a.location.row ?? 0) < (b.location.row ?? 0)
    }
}

/// Validate stage: checks the normalised actions of all sources against each other and the
/// programme register. Rows that cannot be placed in the report (no action text, no such item
/// of the programme, a duplicate) are rejected; everything else stays in and is only reported.
public struct Validator: Sendable {
    public let config: TilanneConfig
    // A text too long for a spreadsheet cell was cut, and reported, when it was normalised (CellText).
    private let rowRules: [any RowRule] = [ProgressCodeRule(), StatusTextRule(), ResponsiblePartyRule()]

    public init(config: TilanneConfig) { self.config = config }

    /// Consumes `tables`: each chunk of normalised rows is let go once its rows are checked
    /// (see `ChunkedRows`), so a caller that moves its tables in does not hold both copies.
    public func validate(_ tables: consuming [NormalisedTable], ingestDiagnostics: [Diagnostic]) -> ValidatedProgramme {
        var log = DiagnosticLog()
        var actions = ChunkedRows<ValidatedAction>()
        var rejected: [RejectedRow] = tables.flatMap(\.rejected)
        // Each identity's first row, by its index in `actions`: a location inline would make the
        // table some 23 MiB larger at 100,000 rows (it is sized by powers of two).
        var firstPlace: [String: Int] = [:]
        var reportedDifferences: Set<String> = []
        let resolver = PlaceResolver(register: config.register, language: config.language)
        let tagIndex = TagIndex(register: config.register)
        // By the place's number within its table (see PlaceReference.id): reset for each table.
        var resolved: [Int: PlaceResolver.Outcome] = [:]
        for index in tables.indices {
            resolved.removeAll(keepingCapacity: true)
            var rows = ChunkedRows<ActionRow>()
            swap(&rows, &tables[index].actions)
            let table = tables[index]
            rows.drain { chunk in for row in chunk {
                let rowNumber = row.location.row ?? 0
                func levelLocation(_ level: Int) -> SourceLocation {
                    guard let column = row.fieldLocations.levelColumns[level] else { return row.location }
                    return row.fieldLocations.location(row: rowNumber, column: column)
                }
                func reject(_ code: DiagnosticCode, at location: SourceLocation, _ arguments: [DiagnosticArgument]) {
                    let finding = log.emit(code, at: location, with: arguments)
                    rejected.append(RejectedRow(finding: finding, location: row.location, content: preview(row)))
                }
                if row.action.isEmpty {
                    reject(.actionMissing, at: row.fieldLocations.location(row: rowNumber, field: .action), [])
                    continue
                }
                let path: ItemPath
                // Rows share few places: each is resolved once (comparison keys of long titles are costly).
                let outcome: PlaceResolver.Outcome
                if let known = resolved[row.place.id] {
                    outcome = known
                } else {
                    outcome = resolver.resolve(row.place)
                    resolved[row.place.id] = outcome
                }
                switch outcome {
                case .rejected(let code, let level, let arguments):
                    reject(code, at: levelLocation(level), arguments)
                    continue
                case .placed(let placed, let differences):
                    path = placed
                    // Reported once per file part and item, at its first row.
                    for difference in differences where reportedDifferences.insert("\(table.origin.compact)#\(placed)#\(difference.level)").inserted {
                        let titleColumn = row.fieldLocations.levelTitleColumns[difference.level]
                        let location = titleColumn.map { row.fieldLocations.location(row: rowNumber, column: $0) } ?? levelLocation(difference.level)
                        log.emit(difference.code, at: location, with: difference.arguments)
                    }
                }
                var action = row
                if action.identity.isEmpty {
                    action.identity = ActionIdentity.derive(place: config.register.identityKey(path), action: row.action)
                }
                if let first = firstPlace[action.identity].map({ actions[$0].row.location }), !row.identity.isEmpty {
                    // An id from the id column: the id is what is twice, not the action's text.
                    reject(.actionDuplicateID, at: row.fieldLocations.location(row: rowNumber, field: .id),
                           [.text(row.identity), .text(describe(first, from: row.location))])
                    continue
                }
                if let first = firstPlace[action.identity].map({ actions[$0].row.location }) {
                    reject(.actionDuplicate, at: row.fieldLocations.location(row: rowNumber, field: .action),
                           [.text(TextNormaliser.singleLine(row.action)), .text(describe(first, from: row.location))])
                    continue
                }
                firstPlace[action.identity] = actions.count

                var findings: [DiagnosticCode] = []
                for rule in rowRules { findings += rule.check(action, log: &log) }
                var tags: [String: [String]] = [:]
                for (dimension, references) in row.tags {
                    for reference in references {
                        if let key = tagIndex.key(dimension: dimension, reference: reference) {
                            if !(tags[dimension]?.contains(key) ?? false) { tags[dimension, default: []].append(key) }
                        } else {
                            let location = row.fieldLocations.location(row: rowNumber, column: row.fieldLocations.tagColumns[dimension])
                            log.emit(.tagUnknown, at: location, reference, tagIndex.name(dimension, language: config.language))
                            findings.append(.tagUnknown)
                        }
                    }
                }
                actions.append(ValidatedAction(row: action, path: path, tags: tags, findings: findings))
            } }
        }

        GroupRules(config: config).check(actions, log: &log)

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
                          actions: actions.lazy.filter { $0.row.fieldLocations.origin == table.origin }.count)
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
        let parts = [row.place.shown, row.action, row.progress.shownCode, row.status]
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

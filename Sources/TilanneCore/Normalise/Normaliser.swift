/// Normalise stage: turns the records of one `RawTable` into `ActionRow`s by the table's shape,
/// cleaning every text and mapping progress codes. Rows it cannot place are rejected with the
/// finding that explains why, so that rows in = actions + structure + blank + rejected.
public struct Normaliser: Sendable {
    public let config: TilanneConfig
    private let resolver: ProgressCodeResolver

    public init(config: TilanneConfig) {
        self.config = config
        self.resolver = ProgressCodeResolver(legend: config.legend)
    }

    public func normalise(_ table: RawTable, source: SourceConfig) -> NormalisedTable {
        var log = DiagnosticLog(catalogue: MessageCatalogue(language: config.language),
                                severityOverrides: config.validation.severity)
        var result = NormalisedTable(
            file: table.file, origin: table.origin, shape: table.shape, encoding: table.encoding, delimiter: table.delimiter,
            actions: [], rejected: [], structureRows: 0, blankRows: 0,
            rowsIn: max(0, table.records.count - (table.headerIndex == nil ? 0 : 1)), diagnostics: []
        )
        result.actions.reserveCapacity(table.records.count)
        guard let headerIndex = table.headerIndex else {
            // Without the columns nothing can be read: every row is rejected with the header finding.
            let reason = table.diagnostics.first { $0.code == .headerNotFound || $0.code == .sourceEmpty }
            for record in table.records {
                if record.isBlank { result.blankRows += 1; continue }
                result.rejected.append(RejectedRow(
                    location: table.origin.at(row: record.row),
                    code: reason?.code ?? .headerNotFound,
                    reason: reason?.message ?? "",
                    content: preview(record.cells),
                    arguments: reason?.arguments ?? []
                ))
            }
            return result
        }
        let locations = FieldLocations(origin: table.origin, columns: table.columns, headers: table.headerCells)
        let headerKeys = table.records[headerIndex].cells.map(TextNormaliser.comparisonKey)
        var context = SectionContext()
        let patterns = source.shape == .sectioned ? CompiledSectionPatterns(source.sections) : nil

        for (index, record) in table.records.enumerated() where index != headerIndex {
            if record.isBlank { result.blankRows += 1; continue }
            if let rejection = record.rejection {
                result.rejected.append(RejectedRow(finding: rejection, location: rejection.location ?? table.origin.at(row: record.row),
                                                   content: preview(record.cells)))
                continue
            }
            if isRepeatedHeader(record, headerKeys: headerKeys) { result.structureRows += 1; continue }
            switch source.shape {
            case .flat:
                if index < headerIndex { result.structureRows += 1; continue } // title rows above the header
                result.actions.append(makeAction(record, table: table, locations: locations, context: nil, log: &log))
            case .sectioned:
                guard let patterns else { continue }
                if readSectionRow(record, table: table, patterns: patterns, context: &context) {
                    result.structureRows += 1
                    continue
                }
                // Title rows above the table (programme name, period) come before any section row.
                if context.theme == nil && context.goalNumber == nil && index < headerIndex {
                    result.structureRows += 1
                    continue
                }
                guard context.goalNumber != nil else {
                    let finding = log.emit(.rowOutsideGoal, at: table.origin.at(row: record.row))
                    result.rejected.append(RejectedRow(finding: finding, location: finding.location!, content: preview(record.cells)))
                    continue
                }
                result.actions.append(makeAction(record, table: table, locations: locations, context: context, log: &log))
            }
        }
        result.diagnostics = log.diagnostics
        return result
    }

    private func isRepeatedHeader(_ record: RawRecord, headerKeys: [String]) -> Bool {
        guard record.cells.count >= headerKeys.count else { return false }
        for (index, key) in headerKeys.enumerated() where !key.isEmpty {
            // Cheap length test first: a cell much longer than the header text cannot equal it.
            let length = record.cells[index].utf8.count
            if length < key.utf8.count || length > key.utf8.count * 2 + 16 { return false }
            if TextNormaliser.comparisonKey(record.cells[index]) != key { return false }
        }
        return true
    }

    // MARK: Sectioned shape

    struct SectionContext {
        var theme: String?
        var goalNumber: String?
        var goalTitle: String?
        var bindingGoal: BindingGoal?
    }

    struct CompiledSectionPatterns {
        let theme: Regex<AnyRegexOutput>?
        let goal: Regex<AnyRegexOutput>?
        let binding: Regex<AnyRegexOutput>?

        init(_ patterns: SectionPatterns) {
            theme = try? Regex(patterns.theme)
            goal = try? Regex(patterns.goal)
            binding = try? Regex(patterns.bindingGoal)
        }
    }

    /// Theme, goal and binding-goal rows carry no progress code (in a workbook or document the
    /// progress cell may be part of a cell merged across the row); their first non-empty cell
    /// matches a section pattern. A goal cell may hold the binding goal on its next line.
    private func readSectionRow(_ record: RawRecord, table: RawTable, patterns: CompiledSectionPatterns,
                                context: inout SectionContext) -> Bool {
        let progressColumn = table.columns[.progress]
        let progressIsMerged = progressColumn.map(record.mergedFromLeft.contains) ?? false
        guard progressIsMerged || TextNormaliser.singleLine(record.cell(progressColumn)).isEmpty,
              let first = record.cells.first(where: { !TextNormaliser.singleLine($0).isEmpty }) else { return false }
        let lines = TextNormaliser.clean(first).text.split(separator: "\n").map(String.init)
        guard let firstLine = lines.first else { return false }
        if let goal = patterns.goal, let match = try? goal.wholeMatch(in: firstLine),
           let number = match.output["number"]?.substring, let title = match.output["title"]?.substring {
            var titleParts = [String(title)]
            var binding: BindingGoal?
            for line in lines.dropFirst() {
                if let found = bindingGoal(line, patterns: patterns) { binding = found } else if binding == nil { titleParts.append(line) }
            }
            context.goalNumber = String(number)
            context.goalTitle = titleParts.joined(separator: " ")
            context.bindingGoal = binding
            return true
        }
        let single = TextNormaliser.singleLine(first)
        if let binding = bindingGoal(single, patterns: patterns), context.goalNumber != nil {
            context.bindingGoal = binding
            return true
        }
        if let theme = patterns.theme, let match = try? theme.wholeMatch(in: single),
           let title = match.output["title"]?.substring {
            context.theme = String(title)
            context.goalNumber = nil
            context.goalTitle = nil
            context.bindingGoal = nil
            return true
        }
        return false
    }

    private func bindingGoal(_ line: String, patterns: CompiledSectionPatterns) -> BindingGoal? {
        guard let binding = patterns.binding, let match = try? binding.wholeMatch(in: line),
              let text = match.output["text"]?.substring else { return nil }
        let label = match.output["label"]?.substring.map { String($0).trimming(" ") }
        return BindingGoal(label: label?.isEmpty == false ? label : nil, text: String(text))
    }

    // MARK: Action rows

    private func makeAction(_ record: RawRecord, table: RawTable, locations: FieldLocations,
                            context: SectionContext?, log: inout DiagnosticLog) -> ActionRow {
        func text(_ field: Field) -> String {
            guard let column = table.columns[field] else { return "" }
            let cleaned = TextNormaliser.clean(record.cell(column))
            if cleaned.removedControls > 0 {
                log.emit(.textControlCharacters, at: locations.location(row: record.row, field: field), "\(cleaned.removedControls)")
            }
            return cleaned.text
        }
        let theme: String?
        let goalNumber: String
        let goalTitle: String?
        var binding: BindingGoal?
        if let context {
            theme = context.theme
            goalNumber = context.goalNumber ?? ""
            goalTitle = context.goalTitle
            binding = context.bindingGoal
        } else {
            theme = nonEmpty(text(.theme))
            goalNumber = TextNormaliser.singleLine(text(.goalNumber))
            goalTitle = nonEmpty(text(.goalTitle))
            if let bindingText = nonEmpty(text(.bindingGoal)) { binding = BindingGoal(label: nil, text: bindingText) }
        }
        let action = text(.action)
        let explicitID = nonEmpty(TextNormaliser.singleLine(text(.id)))
        var row = ActionRow(
            location: table.origin.at(row: record.row),
            identity: explicitID ?? ActionIdentity.derive(goalNumber: goalNumber, action: action),
            theme: theme,
            goalNumberText: goalNumber,
            goalTitle: goalTitle,
            bindingGoal: binding,
            action: action,
            projects: lines(text(.projects)).map(Project.parse),
            responsible: parties(text(.responsible)),
            progress: resolver.resolve(text(.progress)),
            status: text(.status),
            fieldLocations: locations
        )
        for (language, columns) in table.translatedColumns {
            let texts = TranslatedTexts(action: columns[.action].map { nonEmpty(TextNormaliser.clean(record.cell($0)).text) } ?? nil,
                                        status: columns[.status].map { nonEmpty(TextNormaliser.clean(record.cell($0)).text) } ?? nil)
            if texts.action != nil || texts.status != nil { row.translations[language] = texts }
        }
        return row
    }

    private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    private func lines(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        if !text.utf8.contains(0x0A) { return [text] }
        return text.split(separator: "\n").map { String($0) }.filter { !$0.isEmpty }
    }

    /// Responsible parties are separated by line breaks or commas; repeats are dropped.
    private func parties(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        if !text.utf8.contains(where: { $0 == 0x0A || $0 == UInt8(ascii: ",") }) { return [text] }
        var keys: [String] = []
        var result: [String] = []
        // Lists are short: a linear scan over byte-equal keys avoids hashing non-ASCII strings.
        for part in text.split(whereSeparator: { $0 == "\n" || $0 == "," }) {
            let name = String(part).trimming(" ")
            guard !name.isEmpty else { continue }
            let key = TextNormaliser.comparisonKey(name)
            if keys.contains(where: { $0.utf8.elementsEqual(key.utf8) }) { continue }
            keys.append(key)
            result.append(name)
        }
        return result
    }

    private func preview(_ cells: [String]) -> String {
        let joined = cells.map(TextNormaliser.singleLine).filter { !$0.isEmpty }.joined(separator: " | ")
        return joined.count > 200 ? String(joined.prefix(199)) + "…" : joined
    }
}

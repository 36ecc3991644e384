import Foundation

/// Normalise stage: turns the records of one `RawTable` into `ActionRow`s by the table's shape,
/// cleaning every text and mapping progress codes. Rows it cannot place are rejected with the
/// finding that explains why, so that rows in = actions + structure + blank + rejected.
public struct Normaliser: Sendable {
    public let config: TilanneConfig
    private let resolver: ProgressCodeResolver
    /// From this many action rows on, a flat table's cells are read in parts on every core.
    var parallelFrom = 4_096

    public init(config: TilanneConfig) {
        self.config = config
        self.resolver = ProgressCodeResolver(legend: config.legend)
    }

    public func normalise(_ table: RawTable, source: SourceConfig) -> NormalisedTable {
        var log = DiagnosticLog()
        var result = NormalisedTable(
            file: table.file, origin: table.origin, shape: table.shape, encoding: table.encoding, delimiter: table.delimiter,
            actions: [], rejected: [], structureRows: 0, blankRows: table.blankRecords,
            rowsIn: max(0, table.records.count - (table.headerIndex == nil ? 0 : 1)) + table.blankRecords, diagnostics: []
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
                    content: preview(record.cells),
                    arguments: reason?.arguments ?? []
                ))
            }
            return result
        }
        let locations = FieldLocations(origin: table.origin, columns: table.columns, headers: table.headerCells,
                                       levelColumns: table.levelColumns.compactMapValues { $0.number ?? $0.title },
                                       levelTitleColumns: table.levelColumns.compactMapValues(\.title),
                                       tagColumns: table.tagColumns)
        let headerKeys = table.records[headerIndex].cells.map(TextNormaliser.comparisonKey)
        var context = SectionContext()
        // Rows repeat their place (theme, goal number, goal title): each distinct set of cells is
        // read once, and rows with the same cells share one PlaceReference (measured: the 100,000-row
        // bench reads 13 distinct places).
        var places: [[String]: PlaceReference] = [:]
        // Most rows repeat the row above's place: compared byte for byte first, since hashing
        // non-ASCII titles normalises them (measured: 1 % of a 100,000-row run).
        var last: (key: [String], place: PlaceReference)?
        let levelColumns = table.levelColumns.sorted { $0.key < $1.key }
        let patterns = source.shape == .sectioned
            ? SectionPatternSet(source.sections, register: config.register, language: config.language) : nil
        // Flat rows are placed here, in order; their cells are read afterwards, side by side
        // (`makeActions`), with each row's findings put back where the row left them in `log`.
        var pending: [PendingAction] = []

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
                var key: [String] = []
                key.reserveCapacity(levelColumns.count * 2)
                for (_, columns) in levelColumns { key.append(record.cell(columns.number)); key.append(record.cell(columns.title)) }
                let place: PlaceReference
                if let last, last.key.count == key.count, zip(last.key, key).allSatisfy({ $0.utf8.elementsEqual($1.utf8) }) {
                    place = last.place
                } else if let known = places[key] {
                    place = known
                } else {
                    var read = writtenPlace(record, table: table, locations: locations, log: &log)
                    read.id = places.count + 1
                    places[key] = read
                    place = read
                }
                last = (key, place)
                pending.append(PendingAction(record: index, place: place, logMark: log.diagnostics.count))
            case .sectioned:
                guard let patterns else { continue }
                if readSectionRow(record, table: table, locations: locations, patterns: patterns, context: &context, log: &log) {
                    result.structureRows += 1
                    continue
                }
                // Title rows above the table (programme name, period) come before any section
                // row: counted and named, never read as actions.
                if !context.started {
                    result.structureRows += 1
                    if index > headerIndex {
                        // A title merged across the table is one text, not one per column.
                        let text = record.cells.first { !TextNormaliser.singleLine($0).isEmpty }.map(TextNormaliser.singleLine) ?? ""
                        log.emit(.rowTitle, at: table.origin.at(row: record.row), text)
                    }
                    continue
                }
                result.actions.append(makeAction(record, table: table, locations: locations, place: context.place, context: context, log: &log))
            }
        }
        if !pending.isEmpty {
            log = makeActions(pending, table: table, locations: locations, into: &result.actions, log: log)
        }
        result.diagnostics = log.diagnostics
        return result
    }

    /// A flat row placed, its cells not read yet; `logMark` is how many findings the table had
    /// when it was placed, so its own findings go after those.
    struct PendingAction: Sendable {
        var record: Int
        var place: PlaceReference
        var logMark: Int
    }

    /// Reads the cells of the placed rows, in chunks on every core for a large table, into
    /// `actions` in row order, and returns `log` with each row's findings inserted after the
    /// findings made before the row (the order reading one row after the other gives). From two
    /// chunks of `ChunkedRows` on, each worker reads one such chunk, kept as it is (all but the
    /// last are full): the rows are never copied into a second buffer. A smaller table is read
    /// in one part per worker and copied into its chunk.
    private func makeActions(_ pending: [PendingAction], table: RawTable, locations: FieldLocations,
                             into actions: inout ChunkedRows<ActionRow>, log: DiagnosticLog) -> DiagnosticLog {
        let chunkSize = ChunkedRows<ActionRow>.chunkSize
        let workers = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount * 2))
        let size = pending.count < parallelFrom ? max(1, pending.count)
            : pending.count >= 2 * chunkSize ? chunkSize
            : (pending.count + workers - 1) / workers
        let chunks = (pending.count + size - 1) / size
        let results = ChunkResults(count: chunks)
        @Sendable func read(_ chunk: Int) {
            var own = DiagnosticLog()
            var ends: [Int] = []
            var rows: [ActionRow] = []
            let range = (chunk * size)..<min(pending.count, (chunk + 1) * size)
            ends.reserveCapacity(range.count)
            rows.reserveCapacity(range.count)
            for position in range {
                let item = pending[position]
                rows.append(makeAction(table.records[item.record], table: table, locations: locations, place: item.place,
                                       context: nil, log: &own))
                ends.append(own.diagnostics.count)
            }
            results.set(chunk, (rows, own.diagnostics, ends))
        }
        if chunks == 1 {
            read(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks) { read($0) }
        }
        // Rows and findings merged in row order: the table's findings up to each row's mark, then
        // the row's own.
        var merged = DiagnosticLog()
        let before = log.diagnostics
        var copied = 0
        for chunk in 0..<chunks {
            let (rows, own, ends) = results.take(chunk)
            actions.append(chunk: rows)
            var start = 0
            for (offset, end) in ends.enumerated() {
                let mark = pending[chunk * size + offset].logMark
                if mark > copied {
                    merged.append(contentsOf: Array(before[copied..<mark]))
                    copied = mark
                }
                if end > start { merged.append(contentsOf: Array(own[start..<end])) }
                start = end
            }
        }
        if copied < before.count { merged.append(contentsOf: Array(before[copied...])) }
        return merged
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
        /// Whether a section row has been read: rows before the first one are title rows.
        var started = false
        var place = PlaceReference()
        var bindingGoal: BindingGoal?
    }

    /// Section rows carry no progress code (in a workbook or document the progress cell may
    /// be part of a cell merged across the row); their first non-empty cell matches a level's
    /// pattern, deepest level first. A heading cell may hold the binding goal on its next line.
    private func readSectionRow(_ record: RawRecord, table: RawTable, locations: FieldLocations, patterns: SectionPatternSet,
                                context: inout SectionContext, log: inout DiagnosticLog) -> Bool {
        let progressColumn = table.columns[.progress]
        let progressIsMerged = progressColumn.map(record.mergedFromLeft.contains) ?? false
        guard progressIsMerged || TextNormaliser.singleLine(record.cell(progressColumn)).isEmpty,
              let firstColumn = record.cells.firstIndex(where: { !TextNormaliser.singleLine($0).isEmpty }) else { return false }
        // The heading's findings count only if the row is a section row; otherwise the row is an
        // action and its cells are read (and reported) as such.
        var headingLog = DiagnosticLog()
        let first = CellText.normalised(record.cells[firstColumn], at: locations.location(row: record.row, column: firstColumn),
                                        log: &headingLog)
        let lines = first.split(separator: "\n").map(String.init)
        guard let firstLine = lines.first.map(TextNormaliser.singleLine) else { return false }
        let register = config.register
        for level in stride(from: register.depth, through: 0, by: -1) {
            for candidate in patterns.levels[level] ?? [] {
                guard let match = try? candidate.regex.wholeMatch(in: firstLine) else { continue }
                let number = match.output["number"]?.substring.map { String($0) }
                let title = match.output["title"]?.substring.map { TextNormaliser.singleLine(String($0)) }
                guard number != nil || title?.isEmpty == false else { continue }
                let found = register.items(level: level, number: number, title: title)
                // Under the section already open when that settles which one is meant.
                let parent = context.place.resolved
                let chosen = found.count == 1 ? found[0]
                    : found.first { path in parent.map { $0.contains(path) || path.parent.map($0.contains) == true } ?? false }
                guard chosen != nil || (candidate.explicit && context.started) else { continue }
                var titleParts = title.map { [$0] } ?? []
                var binding: BindingGoal?
                for line in lines.dropFirst() {
                    if let found = bindingGoal(line, patterns: patterns) { binding = found } else if binding == nil { titleParts.append(line) }
                }
                context.started = true
                context.place.written = context.place.written.filter { $0.key < level }
                context.place.written[level] = WrittenPlace(number: number, title: titleParts.isEmpty ? nil : titleParts.joined(separator: " "))
                context.place.resolved = chosen
                context.place.id += 1
                context.bindingGoal = binding
                log.append(contentsOf: headingLog.diagnostics)
                return true
            }
        }
        if context.started, let binding = bindingGoal(TextNormaliser.singleLine(first), patterns: patterns) {
            context.bindingGoal = binding
            log.append(contentsOf: headingLog.diagnostics)
            return true
        }
        return false
    }

    private func bindingGoal(_ line: String, patterns: SectionPatternSet) -> BindingGoal? {
        guard let binding = patterns.bindingGoal, let match = try? binding.wholeMatch(in: line),
              let text = match.output["text"]?.substring else { return nil }
        let label = match.output["label"]?.substring.map { String($0).trimming(" ") }
        return BindingGoal(label: label?.isEmpty == false ? label : nil, text: String(text))
    }

    // MARK: Action rows

    /// Where a flat row places itself: each level's number and title from its columns.
    /// Read once per distinct set of place cells: a finding about one of them is at its first row.
    private func writtenPlace(_ record: RawRecord, table: RawTable, locations: FieldLocations, log: inout DiagnosticLog) -> PlaceReference {
        var place = PlaceReference()
        func cell(_ column: Int) -> String {
            CellText.normalised(record.cell(column), at: locations.location(row: record.row, column: column), log: &log)
        }
        for (level, columns) in table.levelColumns.sorted(by: { $0.key < $1.key }) {
            let declared = config.register.level(level)
            var written = WrittenPlace()
            if let numberColumn = columns.number {
                written.number = nonEmpty(TextNormaliser.singleLine(cell(numberColumn)))
                written.title = columns.title.flatMap { nonEmpty(TextNormaliser.singleLine(cell($0))) }
            } else if let titleColumn = columns.title {
                let split = declared.splitNumberAndTitle(cell(titleColumn))
                written.number = split.number
                written.title = split.title
            }
            if written.number != nil || written.title != nil { place.written[level] = written }
        }
        return place
    }

    private func makeAction(_ record: RawRecord, table: RawTable, locations: FieldLocations, place: PlaceReference,
                            context: SectionContext?, log: inout DiagnosticLog) -> ActionRow {
        /// Every text of the row goes through `CellText.normalised`, reported at its own cell.
        func cell(_ column: Int) -> String {
            CellText.normalised(record.cell(column), at: locations.location(row: record.row, column: column), log: &log)
        }
        func text(_ field: Field) -> String {
            guard let column = table.columns[field] else { return "" }
            return cell(column)
        }
        var binding: BindingGoal?
        if let context {
            binding = context.bindingGoal
        } else if let bindingText = nonEmpty(text(.bindingGoal)) {
            binding = BindingGoal(label: nil, text: bindingText)
        }
        let action = text(.action)
        let explicitID = nonEmpty(TextNormaliser.singleLine(text(.id)))
        var row = ActionRow(
            rowNumber: record.row,
            identity: explicitID ?? "",
            place: place,
            bindingGoal: binding,
            action: action,
            projects: lines(text(.projects)).map(Project.parse),
            responsible: parties(text(.responsible)),
            progress: resolver.resolve(text(.progress), fill: table.columns[.progress].flatMap { record.fills[$0] }),
            status: text(.status),
            fieldLocations: locations
        )
        for (key, column) in table.tagColumns {
            let references = cell(column).split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
                .map { TextNormaliser.singleLine(String($0)) }.filter { !$0.isEmpty }
            if !references.isEmpty { row.tags[key] = references }
        }
        for (header, column) in table.extraColumns {
            if let value = nonEmpty(cell(column)) { row.extras[header] = value }
        }
        for (language, columns) in table.translatedColumns {
            let texts = TranslatedTexts(action: columns[.action].map { nonEmpty(cell($0)) } ?? nil,
                                        status: columns[.status].map { nonEmpty(cell($0)) } ?? nil)
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
        var seen: Set<String> = []
        var result: [String] = []
        // Lists are short: a linear scan over byte-equal keys avoids hashing non-ASCII strings.
        // Past a few parties the keys go into a set, so a cell listing thousands stays linear.
        for part in text.split(whereSeparator: { $0 == "\n" || $0 == "," }) {
            let name = String(part).trimming(" ")
            guard !name.isEmpty else { continue }
            let key = TextNormaliser.comparisonKey(name)
            if keys.count < 16 {
                if keys.contains(where: { $0.utf8.elementsEqual(key.utf8) }) { continue }
                keys.append(key)
                if keys.count == 16 { seen = Set(keys) }
            } else if !seen.insert(key).inserted {
                continue
            }
            result.append(name)
        }
        return result
    }

    private func preview(_ cells: [String]) -> String {
        // Each cell's excerpt first, so a 5 MB cell is not joined whole only to be cut.
        let joined = cells.map { CellText.excerpt(TextNormaliser.singleLine($0), length: 200) }.filter { !$0.isEmpty }.joined(separator: " | ")
        return CellText.excerpt(joined, length: 200)
    }
}

/// The rows, findings and row ends of each chunk of `makeActions`, set by the worker that read it.
private final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [([ActionRow], [Diagnostic], [Int])]

    init(count: Int) { slots = Array(repeating: ([], [], []), count: count) }

    func set(_ chunk: Int, _ result: ([ActionRow], [Diagnostic], [Int])) {
        lock.lock()
        slots[chunk] = result
        lock.unlock()
    }

    /// The chunk's rows, findings and row ends, no longer held here.
    func take(_ chunk: Int) -> ([ActionRow], [Diagnostic], [Int]) {
        lock.lock()
        defer { lock.unlock() }
        let result = slots[chunk]
        slots[chunk] = ([], [], [])
        return result
    }
}

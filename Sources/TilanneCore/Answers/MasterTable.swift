import Foundation

/// Stage boundary answers → render: a source table of the period as the coordinator keeps it,
/// every record in its own columns, with the accepted answers written into their cells — the
/// master for the next round, read by the same `sources:` settings as the table it came from.
public struct MasterTable: Sendable {
    /// The source file, as findings name it.
    public var sourceFile: String
    /// The worksheet's name, or the document's table number, the records came from.
    public var sheet: String?
    public var tableNumber: Int?
    /// Every record read, in order: title rows, the header row, the actions, structure rows.
    public var rows: [[String]]
    /// Index into `rows` of the header row.
    public var headerIndex: Int?
    /// The cells an answer replaced, as (row index, column index).
    public var answered: Set<Cell>
    public var width: Int { rows.map(\.count).max() ?? 0 }

    public struct Cell: Sendable, Hashable {
        public var row: Int
        public var column: Int
    }
}

/// Reads each source table again (the checked programme keeps its actions, not the records)
/// and writes the accepted answers over their rows' progress and status cells.
public struct MasterTableBuilder: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    public func build(_ programme: ValidatedProgramme) -> [MasterTable] {
        var answersAt: [SourceLocation: AcceptedAnswer] = [:]
        for answer in programme.acceptedAnswers where answer.actionIndex < programme.actions.count {
            let location = programme.actions[answer.actionIndex].row.location
            answersAt[SourceLocation(file: location.file, sheet: location.sheet, table: location.table).at(row: location.row ?? 0)] = answer
        }
        let ingester = SourceIngester(config: config)
        var tables: [MasterTable] = []
        for source in config.sources {
            for raw in ingester.ingest(source) where !raw.records.isEmpty {
                var table = MasterTable(sourceFile: raw.file, sheet: raw.sheet, tableNumber: raw.tableNumber,
                                        rows: raw.records.map(\.cells), headerIndex: raw.headerIndex, answered: [])
                for (index, record) in raw.records.enumerated() {
                    guard let answer = answersAt[raw.origin.at(row: record.row)] else { continue }
                    for (field, value) in [(Field.progress, answer.code), (Field.status, answer.status)] {
                        guard let value, let column = raw.columns[field] else { continue }
                        while table.rows[index].count <= column { table.rows[index].append("") }
                        table.rows[index][column] = value
                        table.answered.insert(.init(row: index, column: column))
                    }
                }
                tables.append(table)
            }
        }
        return tables
    }
}

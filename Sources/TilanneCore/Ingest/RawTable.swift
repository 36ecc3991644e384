/// Stage boundary ingest → normalise: one source file read into records of text cells,
/// with its header row found and the configured columns located. Nothing is interpreted yet.
public struct RawTable: Sendable {
    public var file: String
    public var format: SourceFormat
    /// The worksheet read, for XLSX sources.
    public var sheet: String?
    /// The 1-based table number, for DOCX sources.
    public var tableNumber: Int?
    public var shape: TableShape
    public var encoding: SourceEncoding
    public var delimiter: String
    /// Every record of the file in order, header and title rows included. A CSV file's blank
    /// records are not kept, only counted in `blankRecords`; the others keep their row numbers.
    public var records: [RawRecord]
    /// Blank records left out of `records` (counted as blank rows).
    public var blankRecords = 0
    /// Index into `records` of the header row; nil when no header row matched the config.
    public var headerIndex: Int?
    /// Where each configured field is, by 0-based column index.
    public var columns: [Field: Int]
    public var headerCells: [String]
    public var diagnostics: [Diagnostic]
    /// Where the texts in other report languages are (`action_sv`), by 0-based column index.
    public var translatedColumns: [ReportLanguage: [Field: Int]] = [:]
    /// Where each level's number and title are (flat shape), by level index.
    public var levelColumns: [Int: LevelColumnIndexes] = [:]
    /// Where each tag dimension's column is, by the dimension's key.
    public var tagColumns: [String: Int] = [:]
    /// Where each extra report column's source column is, by its header as configured.
    public var extraColumns: [String: Int] = [:]

    public init(file: String, format: SourceFormat, sheet: String? = nil, tableNumber: Int? = nil, shape: TableShape,
                encoding: SourceEncoding, delimiter: String = "", records: [RawRecord] = [], headerIndex: Int? = nil,
                columns: [Field: Int] = [:], headerCells: [String] = [], diagnostics: [Diagnostic] = []) {
        self.file = file
        self.format = format
        self.sheet = sheet
        self.tableNumber = tableNumber
        self.shape = shape
        self.encoding = encoding
        self.delimiter = delimiter
        self.records = records
        self.headerIndex = headerIndex
        self.columns = columns
        self.headerCells = headerCells
        self.diagnostics = diagnostics
    }

    /// The file, and the sheet or table in it: every location in this table starts here.
    public var origin: SourceLocation { SourceLocation(file: file, sheet: sheet, table: tableNumber) }

    public func location(row: Int, field: Field? = nil) -> SourceLocation {
        guard let field, let column = columns[field] else { return origin.at(row: row) }
        return origin.at(row: row, column: column + 1, columnName: column < headerCells.count ? headerCells[column] : nil)
    }
}

public struct LevelColumnIndexes: Sendable, Hashable {
    public var number: Int?
    public var title: Int?
}

public struct RawRecord: Sendable {
    /// Row number as a spreadsheet shows it.
    public var row: Int
    public var cells: [String]
    /// Columns whose value was copied from a cell to their left because the two are merged
    /// (XLSX merged cells, DOCX gridSpan). A row merged across the table is a section row.
    public var mergedFromLeft: [Int] = []
    /// Solid fill colours (`#RRGGBB`) of the workbook's cells, by 0-based column.
    public var fills: [Int: String] = [:]
    /// Set when ingest already judged the record unusable; the finding was reported then.
    public var rejection: Diagnostic? {
        get { rejectionBox?.finding }
        set { rejectionBox = newValue.map(RejectionBox.init) }
    }
    /// Boxed: a finding inline would make every record some 150 bytes larger, rejected or not.
    private var rejectionBox: RejectionBox?

    public init(row: Int, cells: [String], mergedFromLeft: [Int] = [], rejection: Diagnostic? = nil) {
        self.row = row
        self.cells = cells
        self.mergedFromLeft = mergedFromLeft
        self.rejectionBox = rejection.map(RejectionBox.init)
    }

    public var isBlank: Bool { cells.allSatisfy { $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } } }

    public func cell(_ index: Int?) -> String {
        guard let index, index < cells.count else { return "" }
        return cells[index]
    }
}

private final class RejectionBox: Sendable {
    let finding: Diagnostic
    init(_ finding: Diagnostic) { self.finding = finding }
}

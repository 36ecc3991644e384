/// Stage boundary ingest → normalise: one source file read into records of text cells,
/// with its header row found and the configured columns located. Nothing is interpreted yet.
public struct RawTable: Sendable {
    public var file: String
    public var shape: TableShape
    public var encoding: SourceEncoding
    public var delimiter: String
    /// Every record of the file in order, header and title rows included.
    public var records: [RawRecord]
    /// Index into `records` of the header row; nil when no header row matched the config.
    public var headerIndex: Int?
    /// Where each configured field is, by 0-based column index.
    public var columns: [Field: Int]
    public var headerCells: [String]
    public var diagnostics: [Diagnostic]

    public func location(row: Int, field: Field? = nil) -> SourceLocation {
        guard let field, let column = columns[field] else { return SourceLocation(file: file, row: row) }
        return SourceLocation(file: file, row: row, column: column + 1,
                              columnName: column < headerCells.count ? headerCells[column] : nil)
    }
}

public struct RawRecord: Sendable {
    /// Row number as a spreadsheet shows it.
    public var row: Int
    public var cells: [String]
    /// Set when ingest already judged the record unusable; the finding was reported then.
    public var rejection: Diagnostic?

    public var isBlank: Bool { cells.allSatisfy { $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } } }

    public func cell(_ index: Int?) -> String {
        guard let index, index < cells.count else { return "" }
        return cells[index]
    }
}

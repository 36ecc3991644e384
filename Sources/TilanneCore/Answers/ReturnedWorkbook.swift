import Foundation

/// Stage boundary answers-ingest → matching: one returned request workbook as read, before
/// anything is judged. The meta sheet says whose request it was; each data row keeps where it
/// is, so every refusal can name its cell.
public struct ReturnedWorkbook: Sendable {
    /// The file as findings show it (relative to the project).
    public var file: String
    /// The answer sheet's name as the file has it (a translated or renamed sheet keeps its name).
    public var sheet: String?
    /// The hidden meta sheet's facts (`programme`, `period`, `party`, …); empty without one.
    public var meta: [String: String]
    public var rows: [ReturnedRow]
    /// The 1-based columns of the cells the matching reads, by what they hold.
    public var columns: ReturnedColumns
    /// Set when the file could not be read as a workbook at all.
    public var unreadable: Diagnostic?

    public var location: SourceLocation { SourceLocation(file: file, sheet: sheet) }
}

/// Where the request's columns were found in a returned sheet, by their headers: a sheet
/// re-saved, with its sheets reordered or a column added, still reads back.
public struct ReturnedColumns: Sendable, Hashable {
    public var id: Int
    public var checksum: Int
    public var action: Int?
    public var projects: Int?
    public var responsible: Int?
    public var newCode: Int?
    public var newStatus: Int?
    /// The headers as the file writes them, by 1-based column.
    public var headers: [Int: String]
}

/// One data row of a returned request: its hidden identity, the locked texts as they came
/// back and the answer cells.
public struct ReturnedRow: Sendable, Hashable {
    /// The row number a spreadsheet shows.
    public var row: Int
    public var rowID: String
    public var checksum: String
    public var action: String
    public var projects: String
    public var responsible: String
    public var newCode: String
    public var newStatus: String
}

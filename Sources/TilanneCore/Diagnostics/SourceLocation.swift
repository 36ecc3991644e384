/// Where a finding is, in the terms a coordinator sees when opening the file:
/// the file, the row number a spreadsheet shows (header row included) and the column.
public struct SourceLocation: Codable, Sendable, Hashable {
    public var file: String
    /// 1-based record number as a spreadsheet shows it; nil for file-level findings.
    public var row: Int?
    /// 1-based column index; nil for row- or file-level findings.
    public var column: Int?
    /// The column's header as written in the file, when known.
    public var columnName: String?

    public init(file: String, row: Int? = nil, column: Int? = nil, columnName: String? = nil) {
        self.file = file
        self.row = row
        self.column = column
        self.columnName = columnName
    }

    /// Spreadsheet column letters for a 1-based index: 1 → A, 27 → AA.
    public static func columnLetters(_ index: Int) -> String {
        var n = index
        var letters = ""
        while n > 0 {
            let rem = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + rem))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// `file:row:column` in the style compilers use, so editors can jump to it.
    public var compact: String {
        var text = file
        if let row { text += ":\(row)" }
        if let column { text += ":\(SourceLocation.columnLetters(column))" }
        return text
    }
}

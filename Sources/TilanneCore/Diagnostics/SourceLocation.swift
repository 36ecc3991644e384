/// Where a finding is, in the terms a coordinator sees when opening the file: the file, the
/// sheet of a workbook or the table of a document, the row number a spreadsheet (or the
/// document's table) shows, header row included, and the column.
public struct SourceLocation: Codable, Sendable, Hashable {
    public var file: String
    /// Worksheet name, for XLSX sources.
    public var sheet: String?
    /// 1-based table number in the document, for DOCX sources.
    public var table: Int?
    /// 1-based record number as a spreadsheet shows it; nil for file-level findings.
    public var row: Int?
    /// 1-based column index; nil for row- or file-level findings.
    public var column: Int?
    /// The column's header as written in the file, when known.
    public var columnName: String?

    public init(file: String, sheet: String? = nil, table: Int? = nil, row: Int? = nil, column: Int? = nil,
                columnName: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.table = table
        self.row = row
        self.column = column
        self.columnName = columnName
    }

    /// The same file part (file, sheet or table) at another row and column.
    public func at(row: Int?, column: Int? = nil, columnName: String? = nil) -> SourceLocation {
        SourceLocation(file: file, sheet: sheet, table: table, row: row, column: column, columnName: columnName)
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

    /// The cell as a spreadsheet names it: `Tilanne!E14`, `'Oma taulukko'!E14`, `E14`, or a row `Tilanne!5:5`.
    public var cellReference: String? {
        guard let row else { return nil }
        // A whole row is written `5:5`, as spreadsheets name a row.
        let cell = column.map { SourceLocation.columnLetters($0) + "\(row)" } ?? "\(row):\(row)"
        guard let sheet else { return cell }
        let plain = sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return (plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'") + "!" + cell
    }

    /// `file:row:column` in the style compilers use, so editors can jump to it; a workbook
    /// cell as `file:Sheet!E14`, a document table as `file#2:14:E`.
    public var compact: String {
        var text = file
        if let table { text += "#\(table)" }
        if sheet != nil, let reference = cellReference { return text + ":" + reference }
        if let sheet { return text + ":" + sheet }
        if let row { text += ":\(row)" }
        if let column { text += ":\(SourceLocation.columnLetters(column))" }
        return text
    }

    /// The file and the part of it, as the Tarkistukset list shows it: `x.xlsx › Tilanne`.
    public func filePart(tableWord: String) -> String {
        if let sheet { return "\(file) › \(sheet)" }
        if let table { return "\(file) › \(tableWord) \(table)" }
        return file
    }
}

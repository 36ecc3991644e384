/// A spreadsheet cell reference such as `E14` or a range such as `A5:E5`, parsed from bytes.
struct CellReference: Equatable {
    /// 1-based.
    var column: Int
    /// 1-based.
    var row: Int

    /// The largest sheet a spreadsheet program makes: XFD1048576.
    static let maxColumn = 16_384
    static let maxRow = 1_048_576

    /// nil when the text is not `LETTERS DIGITS` within the sheet's bounds.
    init?<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        var column = 0, row = 0
        var iterator = bytes.makeIterator()
        var byte = iterator.next()
        var letters = 0
        while let b = byte, (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
            column = column * 26 + Int((b & 0xDF) - 0x40)
            letters += 1
            if letters > 3 { return nil }
            byte = iterator.next()
        }
        var digits = 0
        while let b = byte, b >= 0x30 && b <= 0x39 {
            row = row * 10 + Int(b - 0x30)
            digits += 1
            if digits > 7 { return nil }
            byte = iterator.next()
        }
        guard byte == nil, letters > 0, digits > 0, column <= Self.maxColumn, row >= 1, row <= Self.maxRow else { return nil }
        self.column = column
        self.row = row
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// `A5:E5`, or a single cell as a one-cell range.
    static func range<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (CellReference, CellReference)? where Bytes.Index == Int {
        guard let colon = bytes.firstIndex(of: 0x3A) else {
            guard let single = CellReference(bytes) else { return nil }
            return (single, single)
        }
        guard let start = CellReference(bytes[bytes.startIndex..<colon]),
              let end = CellReference(bytes[(colon + 1)..<bytes.endIndex]),
              start.column <= end.column, start.row <= end.row else { return nil }
        return (start, end)
    }

    var text: String { SourceLocation.columnLetters(column) + "\(row)" }
}

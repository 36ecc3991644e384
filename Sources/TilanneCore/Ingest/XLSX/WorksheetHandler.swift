import Foundation

/// One worksheet part, streamed: rows of cells as text, the way the cell shows its value
/// (shared or inline strings, numbers, dates by their format, booleans, formulas by their
/// cached value), plus the merged ranges, which are applied once the sheet is read.
final class WorksheetHandler: XMLStreamHandler {
    struct Context {
        var sharedStrings: [String]
        var dateStyles: [Bool]
        var percentStyles: [Bool] = []
        /// Per style, its solid fill colour (`#C6EFCE`); nil: no fill.
        var fillStyles: [String?] = []
        var date1904: Bool
        var maxColumns: Int
        var language: ReportLanguage
    }

    /// A cell whose formula ended in an error (`#N/A`, `#DIV/0!`).
    struct ErrorCell {
        var reference: CellReference
        var text: String
    }

    private let context: Context
    private(set) var records: [RawRecord] = []
    private(set) var merges: [(CellReference, CellReference)] = []
    private(set) var errorCells: [ErrorCell] = []
    /// Highest column holding a value.
    private(set) var width = 0

    private var rowNumber = 0
    private var cells: [String] = []
    /// The row's filled cells, by 0-based column: a legend may name a code by its colour.
    private var fills: [Int: String] = [:]
    private var column = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var capturing = false
    private var inInlineString = false
    private var inPhonetic = false
    private var buffer: [UInt8] = []

    private enum CellType { case number, shared, inline, formulaString, boolean, error, isoDate }

    init(context: Context) {
        self.context = context
        buffer.reserveCapacity(256)
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if name.is("c") {
            if let reference = attributes.value("r") {
                guard let parsed = CellReference(reference) else {
                    throw XMLStreamStop(reason: .badCellReference(String(decoding: reference, as: UTF8.self)))
                }
                column = parsed.column
            } else {
                column += 1
            }
            if column > context.maxColumns {
                throw XMLStreamStop(reason: .sheetTooLarge(cell: CellReference(column: column, row: rowNumber).text,
                                                           limit: SourceLocation.columnLetters(context.maxColumns)))
            }
            cellType = Self.type(attributes.value("t"))
            cellStyle = attributes.value("s").flatMap(Self.integer) ?? 0
            buffer.removeAll(keepingCapacity: true)
        } else if name.is("v") {
            capturing = true
        } else if name.is("row") {
            if let reference = attributes.value("r") {
                guard let number = Int(String(decoding: reference, as: UTF8.self)), number >= 1, number <= CellReference.maxRow else {
                    throw XMLStreamStop(reason: .badCellReference(String(decoding: reference, as: UTF8.self)))
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            column = 0
            cells.removeAll(keepingCapacity: true)
            fills.removeAll(keepingCapacity: true)
        } else if name.is("is") {
            inInlineString = true
        } else if name.is("t") {
            capturing = inInlineString && !inPhonetic
        } else if name.is("rPh") {
            inPhonetic = true
        } else if name.is("mergeCell"), let reference = attributes.value("ref") {
            guard let range = CellReference.range(Array(reference)) else {
                throw XMLStreamStop(reason: .badCellReference(String(decoding: reference, as: UTF8.self)))
            }
            merges.append(range)
        }
    }

    func endElement(_ name: XMLName) throws {
        if name.is("v") || name.is("t") {
            capturing = false
        } else if name.is("c") {
            let text = try value()
            if cellStyle < context.fillStyles.count, let fill = context.fillStyles[cellStyle] { fills[column - 1] = fill }
            if !text.isEmpty {
                if cells.count < column { cells.append(contentsOf: repeatElement("", count: column - cells.count)) }
                cells[column - 1] = text
                width = max(width, column)
            }
        } else if name.is("row") {
            var record = RawRecord(row: rowNumber, cells: cells)
            record.fills = fills
            records.append(record)
        } else if name.is("is") {
            inInlineString = false
        } else if name.is("rPh") {
            inPhonetic = false
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if capturing { buffer.append(contentsOf: text) }
    }

    /// A non-negative decimal integer written in bytes; a cell's style or shared-string index.
    /// Parsed without making a `String`, since every cell has one.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func type(_ bytes: UnsafeBufferPointer<UInt8>?) -> CellType {
        guard let bytes, let first = bytes.first else { return .number }
        switch (first, bytes.count) {
        case (UInt8(ascii: "s"), 1): return .shared
        case (UInt8(ascii: "s"), _): return .formulaString // "str"
        case (UInt8(ascii: "i"), _): return .inline         // "inlineStr"
        case (UInt8(ascii: "b"), _): return .boolean
        case (UInt8(ascii: "e"), _): return .error
        case (UInt8(ascii: "d"), _): return .isoDate
        default: return .number
        }
    }

    private func value() throws -> String {
        switch cellType {
        case .shared:
            guard !buffer.isEmpty else { return "" }
            guard let index = buffer.withUnsafeBufferPointer(Self.integer), index < context.sharedStrings.count else {
                throw XMLStreamStop(reason: .badCellReference(CellReference(column: column, row: rowNumber).text))
            }
            return context.sharedStrings[index]
        case .inline, .formulaString:
            return OOXMLText.string(buffer)
        case .boolean:
            let isTrue = buffer == [0x31] || buffer == Array("true".utf8)
            return ReportStrings(language: context.language).pick(isTrue ? "TOSI" : "EPÄTOSI", isTrue ? "SANT" : "FALSKT",
                                                                 isTrue ? "TRUE" : "FALSE")
        case .error:
            let text = String(decoding: buffer, as: UTF8.self)
            errorCells.append(ErrorCell(reference: CellReference(column: column, row: rowNumber), text: text))
            return text
        case .isoDate:
            let text = String(decoding: buffer, as: UTF8.self)
            let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
            return parts.count == 3 ? "\(parts[2]).\(parts[1]).\(parts[0])" : text
        case .number:
            guard !buffer.isEmpty else { return "" }
            let text = String(decoding: buffer, as: UTF8.self)
            guard let number = Double(text) else { return text }
            if cellStyle < context.dateStyles.count, context.dateStyles[cellStyle],
               let date = SpreadsheetDate.text(serial: number, date1904: context.date1904) {
                return date
            }
            if cellStyle < context.percentStyles.count, context.percentStyles[cellStyle] {
                return NumberText.text((number * 100 * 1e9).rounded() / 1e9, language: context.language) + " %"
            }
            return NumberText.text(number, language: context.language)
        }
    }

    /// The value of a merged range belongs to every cell of it: a goal number merged down
    /// over its actions gives each action its goal. Copies to the right are marked so that a
    /// row merged across the table still reads as one section row. Ranges are clamped to the
    /// rows and columns the sheet really uses, so a range claiming the whole sheet costs nothing.
    func applyMerges() {
        guard !merges.isEmpty, !records.isEmpty else { return }
        var indexByRow: [Int: Int] = [:]
        for (index, record) in records.enumerated() { indexByRow[record.row] = index }
        let lastRow = records[records.count - 1].row
        for (start, end) in merges {
            guard let topIndex = indexByRow[start.row], start.column <= records[topIndex].cells.count else { continue }
            let value = records[topIndex].cells[start.column - 1]
            guard !value.isEmpty else { continue }
            let lastColumn = min(end.column, width)
            for row in start.row...min(end.row, lastRow) {
                let index: Int
                if let existing = indexByRow[row] {
                    index = existing
                } else {
                    records.append(RawRecord(row: row, cells: []))
                    index = records.count - 1
                    indexByRow[row] = index
                }
                if records[index].cells.count < lastColumn {
                    records[index].cells.append(contentsOf: repeatElement("", count: lastColumn - records[index].cells.count))
                }
                for column in start.column...max(start.column, lastColumn) where column <= records[index].cells.count {
                    if row == start.row && column == start.column { continue }
                    records[index].cells[column - 1] = value
                    if column > start.column { records[index].mergedFromLeft.append(column - 1) }
                }
            }
        }
        records.sort { $0.row < $1.row }
    }
}

/// Numbers as a reader of the report language writes them: whole numbers without decimals,
/// others with up to 15 significant digits (what a spreadsheet shows) and a decimal comma.
enum NumberText {
    static func text(_ number: Double, language: ReportLanguage) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        let text = String(format: "%.15g", number)
        return language.decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// `word/document.xml`, streamed: the top-level tables in document order, each row as the
/// text of its grid columns. Paragraphs inside a cell are joined with line breaks. A cell
/// spanning columns (gridSpan) or continuing a vertical merge (vMerge) carries the merged
/// value. Tables nested inside a cell are skipped and reported; deleted tracked changes
/// and field codes are not text.
final class DocumentTablesHandler: XMLStreamHandler {
    struct Table {
        /// 1-based position among the document's top-level tables.
        var number: Int
        var records: [RawRecord]
        /// Rows (1-based) holding a nested table that was skipped.
        var nestedTableRows: [Int]
    }

    private(set) var tables: [Table] = []
    private let maxColumns: Int

    private var depth = 0
    private var current: Table?
    private var cells: [String] = []
    private var mergedFromLeft: [Int] = []
    private var gridColumn = 0
    /// The value of the last cell above in each grid column, for vertical merges.
    private var columnValues: [Int: String] = [:]
    private var inCell = false
    private var span = 1
    private var continuesMerge = false
    private var paragraphs: [String] = []
    private var paragraph: [UInt8] = []
    private var capturing = false

    init(maxColumns: Int) { self.maxColumns = maxColumns }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if name.is("tbl") {
            depth += 1
            if depth == 1 {
                current = Table(number: tables.count + 1, records: [], nestedTableRows: [])
                columnValues = [:]
            } else if depth == 2, var table = current {
                table.nestedTableRows.append(table.records.count + 1)
                current = table
            }
            return
        }
        guard depth == 1 else { return }
        if name.is("tr") {
            cells = []
            mergedFromLeft = []
            gridColumn = 0
        } else if name.is("gridBefore"), let skipped = attributes.string("val").flatMap(Int.init) {
            gridColumn += max(0, min(skipped, maxColumns))
            pad(to: gridColumn)
        } else if name.is("tc") {
            inCell = true
            span = 1
            continuesMerge = false
            paragraphs = []
        } else if inCell, name.is("gridSpan") {
            span = max(1, attributes.string("val").flatMap(Int.init) ?? 1)
        } else if inCell, name.is("vMerge") {
            let value = attributes.string("val")
            continuesMerge = value == nil || value == "continue"
        } else if inCell, name.is("p") {
            paragraph.removeAll(keepingCapacity: true)
        } else if inCell, name.is("t") {
            capturing = true
        } else if inCell, name.is("tab") {
            paragraph.append(0x09)
        } else if inCell, name.is("br") || name.is("cr") {
            paragraph.append(0x0A)
        } else if inCell, name.is("noBreakHyphen") {
            paragraph.append(0x2D)
        }
    }

    func endElement(_ name: XMLName) throws {
        if name.is("tbl") {
            if depth == 1, let table = current { tables.append(table); current = nil }
            depth -= 1
            return
        }
        guard depth == 1 else { return }
        if name.is("t") {
            capturing = false
        } else if name.is("p"), inCell {
            paragraphs.append(String(decoding: paragraph, as: UTF8.self))
        } else if name.is("tc") {
            inCell = false
            try finishCell()
        } else if name.is("tr"), var table = current {
            table.records.append(RawRecord(row: table.records.count + 1, cells: cells, mergedFromLeft: mergedFromLeft))
            current = table
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if capturing && depth == 1 { paragraph.append(contentsOf: text) }
    }

    private func finishCell() throws {
        while let last = paragraphs.last, last.isEmpty { paragraphs.removeLast() }
        var text = paragraphs.joined(separator: "\n")
        if continuesMerge { text = columnValues[gridColumn] ?? "" }
        let end = gridColumn + span
        if end > maxColumns {
            let row = (current?.records.count ?? 0) + 1
            throw XMLStreamStop(reason: .sheetTooLarge(cell: CellReference(column: end, row: row).text,
                                                       limit: SourceLocation.columnLetters(maxColumns)))
        }
        pad(to: end)
        for column in gridColumn..<end {
            cells[column] = text
            columnValues[column] = text
            if column > gridColumn { mergedFromLeft.append(column) }
        }
        gridColumn = end
    }

    private func pad(to count: Int) {
        if cells.count < count { cells.append(contentsOf: repeatElement("", count: count - cells.count)) }
    }
}

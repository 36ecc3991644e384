import Foundation

/// Reads an .xlsx workbook: the sheet list, the shared strings and the date styles once, then
/// any sheet on request as rows of text cells with merged ranges applied.
final class WorkbookReader {
    struct Sheet {
        var name: String
        var part: String
    }

    /// What one sheet gave: its rows, and the cells whose formula ended in an error.
    struct SheetContent {
        var records: [RawRecord]
        var errorCells: [WorksheetHandler.ErrorCell]
    }

    let sheets: [Sheet]
    private let archive: OfficeArchive
    private let context: WorksheetHandler.Context

    init(url: URL, limits: InputLimits, language: ReportLanguage) throws {
        archive = try OfficeArchive(url: url, expansionLimit: limits.maxExpandedBytes)
        guard archive.contains("xl/workbook.xml") else {
            throw OfficeReadError.missingPart(archive.contains("word/document.xml") ? "xl/workbook.xml (DOCX)" : "xl/workbook.xml")
        }
        let workbook = WorkbookHandler()
        try XMLStream.parse("xl/workbook.xml", in: archive, with: workbook)
        let relationships = RelationshipsHandler()
        if archive.contains("xl/_rels/workbook.xml.rels") {
            try XMLStream.parse("xl/_rels/workbook.xml.rels", in: archive, with: relationships)
        }
        sheets = workbook.sheets.compactMap { sheet in
            relationships.partPath(id: sheet.relationship, base: "xl").map { Sheet(name: sheet.name, part: $0) }
        }
        let strings = SharedStringsHandler()
        if let part = relationships.firstPart(typeSuffix: "/sharedStrings", base: "xl"), archive.contains(part) {
            try XMLStream.parse(part, in: archive, with: strings)
        }
        let styles = CellStylesHandler()
        if let part = relationships.firstPart(typeSuffix: "/styles", base: "xl"), archive.contains(part) {
            try XMLStream.parse(part, in: archive, with: styles)
        }
        var context = WorksheetHandler.Context(sharedStrings: strings.strings, dateStyles: styles.dateStyles,
                                               date1904: workbook.date1904, maxColumns: limits.maxColumns, language: language)
        context.percentStyles = styles.percentStyles
        context.fillStyles = styles.fillStyles
        self.context = context
    }

    func read(_ sheet: Sheet) throws -> SheetContent {
        let handler = WorksheetHandler(context: context)
        try XMLStream.parse(sheet.part, in: archive, with: handler)
        handler.applyMerges()
        return SheetContent(records: handler.records, errorCells: handler.errorCells)
    }
}

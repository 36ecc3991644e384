import Foundation

/// Reads the tables of a .docx document (the council attachment the next report starts from).
enum DocumentReader {
    static func tables(url: URL, limits: InputLimits) throws -> [DocumentTablesHandler.Table] {
        let archive = try OfficeArchive(url: url, expansionLimit: limits.maxExpandedBytes)
        guard archive.contains("word/document.xml") else {
            throw OfficeReadError.missingPart(archive.contains("xl/workbook.xml") ? "word/document.xml (XLSX)" : "word/document.xml")
        }
        let handler = DocumentTablesHandler(maxColumns: limits.maxColumns)
        try XMLStream.parse("word/document.xml", in: archive, with: handler)
        return handler.tables
    }
}

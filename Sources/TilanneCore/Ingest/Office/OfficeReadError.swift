/// Why an XLSX or DOCX file cannot be read at all. Each case becomes one located finding
/// (see `OfficeReadError.diagnostic`); none of them is a crash or a partial read.
enum OfficeReadError: Error, Equatable {
    /// The bytes are not a ZIP archive (e.g. an old binary .xls or a CSV renamed to .xlsx).
    case notAnArchive(detected: String)
    /// The archive ends early or its directory is damaged.
    case damagedArchive(String)
    /// An entry name is absolute or climbs out of the archive (`../`).
    case unsafeEntryPath(String)
    /// Expanding the entries read so far went past the configured limit (bytes).
    case expansionLimit(entry: String, limit: Int)
    /// A part the format requires is missing (e.g. `xl/workbook.xml`).
    case missingPart(String)
    /// The XML declares a document type: entity expansion and external entities are refused.
    case forbiddenDTD(entry: String)
    case malformedXML(entry: String, line: Int, message: String)
    /// A cell lies past the configured column or row limit.
    case sheetTooLarge(cell: String, limit: String)
    case badCellReference(String)
}

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

extension OfficeReadError: CustomStringConvertible {
    /// For operators' messages (the findings for coordinators come from the message catalogue).
    var description: String {
        switch self {
        case .notAnArchive(let detected): "not a ZIP archive (looks like \(detected))"
        case .damagedArchive(let detail): "damaged archive: \(detail)"
        case .unsafeEntryPath(let path): "entry name outside the archive: \(path)"
        case .expansionLimit(let entry, let limit): "\(entry) expands past \(limit / 1_048_576) MiB"
        case .missingPart(let part): "missing part \(part)"
        case .forbiddenDTD(let entry): "\(entry) declares a DTD"
        case .malformedXML(let entry, let line, let message): "\(entry) is not well-formed XML (line \(line): \(message))"
        case .sheetTooLarge(let cell, let limit): "cell \(cell) past column \(limit)"
        case .badCellReference(let reference): "invalid cell reference \(reference)"
        }
    }
}

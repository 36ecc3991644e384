/// The stable codes of every finding Tilanne reports. The raw values are part of the
/// contract (coordinators filter on them, the policy overrides them): never rename one.
public enum DiagnosticCode: String, Codable, Sendable, CaseIterable {
    // Reading the file
    case sourceMissing = "source.missing"
    case sourceUnreadable = "source.unreadable"
    case sourceEmpty = "source.empty"
    case sourceEncodingFallback = "source.encoding-fallback"
    case sourceInvalidUTF8 = "source.invalid-utf8"
    case headerNotFound = "source.header-not-found"
    case noDataRows = "source.no-data-rows"
    case csvUnterminatedQuote = "csv.unterminated-quote"
    case csvStrayQuote = "csv.stray-quote"
    case csvRaggedRow = "csv.ragged-row"
    // Workbooks and documents (XLSX, DOCX)
    case sourceWrongFormat = "source.wrong-format"
    case archiveDamaged = "archive.damaged"
    case archiveUnsafePath = "archive.unsafe-path"
    case archiveTooLarge = "archive.too-large"
    case archiveMissingPart = "archive.missing-part"
    case xmlForbiddenDTD = "xml.dtd-forbidden"
    case xmlMalformed = "xml.malformed"
    case sheetTooLarge = "sheet.too-large"
    case sheetBadReference = "sheet.bad-reference"
    case sheetNotFound = "sheet.not-found"
    case tableNotFound = "table.not-found"
    case partSkipped = "source.part-skipped"
    case cellFormulaError = "cell.formula-error"
    case nestedTable = "table.nested"
    // Table shape
    case rowOutsideGoal = "row.outside-goal"
    case rowUnrecognised = "row.unrecognised"
    // Row content
    case actionMissing = "action.missing"
    case actionDuplicate = "action.duplicate"
    case progressUnknown = "progress.unknown-code"
    case progressMissing = "progress.missing"
    case statusMissing = "status.missing"
    case responsibleMissing = "responsible.missing"
    case goalNumberInvalid = "goal.number-invalid"
    case goalNotInRegister = "goal.not-in-register"
    case goalTitleDiffers = "goal.title-differs"
    case themeDiffers = "theme.differs"
    case textTooLong = "text.too-long"
    case textControlCharacters = "text.control-characters"
    // Comparison with the previous period
    case historyUncertainMatch = "history.uncertain-match"
    // Reports in several languages
    case translationMissing = "translation.missing"

    /// Severity unless the configuration's validation policy overrides it.
    public var defaultSeverity: Severity {
        switch self {
        case .sourceEncodingFallback, .partSkipped, .translationMissing: .info
        case .csvStrayQuote, .progressUnknown, .progressMissing, .statusMissing,
             .responsibleMissing, .goalTitleDiffers, .themeDiffers, .textTooLong,
             .textControlCharacters, .cellFormulaError, .nestedTable, .historyUncertainMatch:
            .warning
        case .sourceMissing, .sourceUnreadable, .sourceEmpty, .sourceInvalidUTF8, .headerNotFound,
             .noDataRows, .csvUnterminatedQuote, .csvRaggedRow, .rowOutsideGoal, .rowUnrecognised,
             .actionMissing, .actionDuplicate, .goalNumberInvalid, .goalNotInRegister,
             .sourceWrongFormat, .archiveDamaged, .archiveUnsafePath, .archiveTooLarge, .archiveMissingPart,
             .xmlForbiddenDTD, .xmlMalformed, .sheetTooLarge, .sheetBadReference, .sheetNotFound, .tableNotFound:
            .error
        }
    }
}

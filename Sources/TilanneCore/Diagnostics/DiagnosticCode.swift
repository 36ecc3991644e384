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

    /// Severity unless the configuration's validation policy overrides it.
    public var defaultSeverity: Severity {
        switch self {
        case .sourceEncodingFallback: .info
        case .csvStrayQuote, .progressUnknown, .progressMissing, .statusMissing,
             .responsibleMissing, .goalTitleDiffers, .themeDiffers, .textTooLong,
             .textControlCharacters:
            .warning
        case .sourceMissing, .sourceUnreadable, .sourceEmpty, .sourceInvalidUTF8, .headerNotFound,
             .noDataRows, .csvUnterminatedQuote, .csvRaggedRow, .rowOutsideGoal, .rowUnrecognised,
             .actionMissing, .actionDuplicate, .goalNumberInvalid, .goalNotInRegister:
            .error
        }
    }
}

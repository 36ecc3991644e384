/// The stable codes of every finding Tilanne reports. The raw values are part of the
/// contract (coordinators filter on them, the policy overrides them): never rename one.
public enum DiagnosticCode: String, Codable, Sendable, CaseIterable {
    // Reading the file
    case sourceMissing = "source.missing"
    case sourceUnreadable = "source.unreadable"
    case sourceEmpty = "source.empty"
    case sourceEncodingFallback = "source.encoding-fallback"
    case sourceLaterPeriod = "source.later-period"
    /// A file or folder in a source's folder that no source and no indicator reads.
    case sourceUnreadFile = "source.unread-file"
    /// A source file older than the configured age.
    case sourceStaleInput = "source.stale-input"
    case sourceInvalidUTF8 = "source.invalid-utf8"
    case sourceMixedEncoding = "source.mixed-encoding"
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
    case rowTitle = "row.title"
    case placeAmbiguous = "place.ambiguous"
    /// The row's number and title name two different items of one level.
    case placeConflict = "place.number-title-conflict"
    case tagUnknown = "tag.unknown"
    /// A steering group's responsible party that no action names.
    case groupResponsibleUnknown = "group.responsible-unknown"
    /// A responsible party written in the tables that the `parties:` register does not know.
    case partyUnregistered = "party.unregistered"
    // Row content
    case actionMissing = "action.missing"
    case actionDuplicate = "action.duplicate"
    /// The id column gives an id an earlier row already has.
    case actionDuplicateID = "action.duplicate-id"
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
    case textNoncharacters = "text.noncharacters"
    // Answers returned in request workbooks (docs/requests.md)
    /// A workbook in the answers folder without a request's meta sheet: no answer read from it.
    case answerNotARequest = "answer.not-a-request"
    /// A request of another programme or period: the whole file is refused.
    case answerOtherPeriod = "answer.other-period"
    /// A row whose hidden id and checksum do not match (an edited id or checksum).
    case answerTamperedID = "answer.tampered-id"
    /// A row of another party's request pasted into this party's workbook.
    case answerOtherParty = "answer.other-party"
    /// A row sent in the request that the period's table no longer has.
    case answerUnknownRow = "answer.unknown-row"
    /// A locked identity cell differs from the period's table.
    case answerLockedChanged = "answer.locked-changed"
    case answerCodeUnknown = "answer.code-unknown"
    case answerTextTooLong = "answer.text-too-long"
    /// Two files answer one row differently: neither answer is used.
    case answerConflict = "answer.conflict"
    // Comparison with the previous period
    case historyUncertainMatch = "history.uncertain-match"
    // Reports in several languages
    case translationMissing = "translation.missing"
    // Statistics files (PX, JSON-stat, Sotkanet and other long tables)
    case statisticsUnreadable = "statistics.unreadable"
    case statisticsSyntax = "statistics.syntax"
    case statisticsCellCount = "statistics.cell-count"
    case statisticsBadValue = "statistics.bad-value"
    case statisticsEncodingMismatch = "statistics.encoding-mismatch"
    case statisticsUnsupported = "statistics.unsupported"
    case statisticsDuplicateCell = "statistics.duplicate-cell"
    case statisticsDuplicateCellsMore = "statistics.duplicate-cells-more"
    case statisticsHeaderNotFound = "statistics.header-not-found"
    case statisticsSheetNotFound = "statistics.sheet-not-found"
    // Indicators
    case indicatorVariableNotFound = "indicator.variable-not-found"
    case indicatorCodeNotFound = "indicator.code-not-found"
    case indicatorSelectionNeeded = "indicator.selection-needed"
    case indicatorNoValues = "indicator.no-values"
    case indicatorUnitChanged = "indicator.unit-changed"
    case indicatorTargetBeforeBaseline = "indicator.target-before-baseline"
    case indicatorBaselineMissing = "indicator.baseline-missing"
    case indicatorStale = "indicator.stale"
    case indicatorValueMissing = "indicator.value-missing"
    case indicatorDuplicateValue = "indicator.duplicate-value"

    /// Whether the message itself names what the finding is about (the indicator's checks say
    /// "Mittarin vakiluku …"), so the edges do not name it twice.
    public var messageNamesSubject: Bool {
        switch self {
        case .indicatorNoValues, .indicatorUnitChanged, .indicatorTargetBeforeBaseline, .indicatorBaselineMissing,
             .indicatorStale, .indicatorValueMissing, .indicatorDuplicateValue:
            true
        default:
            false
        }
    }

    /// Severity unless the configuration's validation policy overrides it.
    public var defaultSeverity: Severity {
        switch self {
        case .sourceEncodingFallback, .partSkipped, .rowTitle, .translationMissing, .partyUnregistered, .statisticsEncodingMismatch, .indicatorStale,
             .indicatorValueMissing:
            .info
        // An indicator that cannot be read is shown without data and listed; the action report
        // is still published (raise these with validation.severity to stop the run instead).
        case .statisticsUnreadable, .statisticsSyntax, .statisticsCellCount, .statisticsBadValue, .statisticsUnsupported,
             .statisticsDuplicateCell, .statisticsDuplicateCellsMore, .statisticsHeaderNotFound, .statisticsSheetNotFound, .indicatorVariableNotFound, .indicatorCodeNotFound, .indicatorSelectionNeeded,
             .indicatorNoValues, .indicatorUnitChanged, .indicatorTargetBeforeBaseline, .indicatorBaselineMissing,
             .indicatorDuplicateValue:
            .warning
        case .csvStrayQuote, .progressUnknown, .progressMissing, .statusMissing,
             .responsibleMissing, .goalTitleDiffers, .themeDiffers, .textTooLong,
             .textControlCharacters, .textNoncharacters, .sourceMixedEncoding, .sourceLaterPeriod, .sourceUnreadFile, .sourceStaleInput, .cellFormulaError, .tagUnknown, .groupResponsibleUnknown,
             .nestedTable, .historyUncertainMatch,
             .answerNotARequest, .answerOtherPeriod, .answerTamperedID, .answerOtherParty, .answerUnknownRow,
             .answerLockedChanged, .answerCodeUnknown, .answerTextTooLong, .answerConflict:
            .warning
        case .sourceMissing, .sourceUnreadable, .sourceEmpty, .sourceInvalidUTF8, .headerNotFound,
             .noDataRows, .csvUnterminatedQuote, .csvRaggedRow, .rowOutsideGoal, .rowUnrecognised, .placeAmbiguous, .placeConflict,
             .actionMissing, .actionDuplicate, .actionDuplicateID, .goalNumberInvalid, .goalNotInRegister,
             .sourceWrongFormat, .archiveDamaged, .archiveUnsafePath, .archiveTooLarge, .archiveMissingPart,
             .xmlForbiddenDTD, .xmlMalformed, .sheetTooLarge, .sheetBadReference, .sheetNotFound, .tableNotFound:
            .error
        }
    }
}

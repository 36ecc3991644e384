import CXlsxWriter
import Foundation

/// Writes one party's request workbook: its rows with the identity columns locked, the answer
/// cells (new code from a list, new status text) unlocked, the sheet protected, and the
/// programme, period and party in the document properties and on a hidden `meta` sheet, so
/// that the answers can be matched to the request when they come back.
///
/// It is a `ReportRenderer` so that the publisher writes the set of requests as it writes the
/// reports (private folder, read back, all renamed or none); the report model it is handed is
/// not used: everything comes from the request.
public struct RequestWorkbookRenderer: ReportRenderer {
    public let request: PartyRequest
    public var format: OutputFormat { .xlsx }

    public init(request: PartyRequest) { self.request = request }

    /// The hidden sheets' names: ASCII and the same in every language, so a reader finds them.
    public static let listSheet = "Koodit"
    public static let metaSheet = "meta"
    /// The row of the column headers (0-based); the rows follow it.
    static let headerRow = 7

    public func render(_ model: ReportModel, to url: URL) throws {
        let words = RequestStrings(language: request.party.language)
        let workbook = try XLSXWorkbook(path: url.path)
        let sheet = try workbook.addSheet(words.sheetName)
        let lists = try workbook.addSheet(Self.listSheet)
        let meta = try workbook.addSheet(Self.metaSheet)

        let title = workbook.format { $0.bold().size(14) }
        let bold = workbook.format { $0.bold() }
        let header = workbook.format { $0.bold().wrap().top().border().fill(0xD9E1F2) }
        let locked = workbook.format { $0.wrap().top().border().fill(0xF2F2F2) }
        let input = workbook.format { format in
            format.wrap().top().border().fill(0xFFFFFF)
            format_set_unlocked(format)
        }

        let columns = Columns(previous: request.previousPeriod != nil)
        let period = request.period
        let codeHeader = words.newCode(period)
        let statusHeader = words.newStatus(period)

        sheet.string(0, 0, words.title(programme: request.programmeName, period: period, party: request.party.name), title)
        sheet.string(1, 0, request.deadline.map(words.deadline) ?? words.noDeadline, bold)
        for (index, line) in words.instructions(codeColumn: codeHeader, statusColumn: statusHeader).enumerated() {
            sheet.string(2 + index, 0, line, nil)
        }
        let legend = request.codes.map { "\($0.code) = \($0.label)" }.joined(separator: "; ")
        sheet.string(5, 0, "\(words.legend): \(legend)", nil)

        var headers: [(Int, String, Double)] = [
            (columns.id, words.id, 12), (columns.checksum, words.checksum, 10), (columns.place, request.placeColumn, 9),
            (columns.itemTitle, words.itemTitle, 24), (columns.action, words.action, 40), (columns.projects, words.projects, 20),
            (columns.responsible, words.responsible, 22), (columns.newCode, codeHeader, 14), (columns.newStatus, statusHeader, 60),
        ]
        if let previous = request.previousPeriod, let code = columns.previousCode, let status = columns.previousStatus {
            headers += [(code, words.previousCode(previous), 12), (status, words.previousStatus(previous), 45)]
        }
        for (column, name, width) in headers {
            sheet.string(Self.headerRow, column, name, header)
            sheet.width(column, width)
        }
        // The id and its checksum are for reading the answers back, not for the reader.
        sheet.hideColumns(columns.id...columns.checksum, width: 12)

        for (offset, row) in request.rows.enumerated() {
            let line = Self.headerRow + 1 + offset
            sheet.string(line, columns.id, row.rowID, locked)
            sheet.string(line, columns.checksum, row.checksum, locked)
            sheet.string(line, columns.place, row.place, locked)
            sheet.string(line, columns.itemTitle, row.itemTitle, locked)
            sheet.string(line, columns.action, row.action, locked)
            sheet.string(line, columns.projects, row.projects, locked)
            sheet.string(line, columns.responsible, row.responsible, locked)
            if let code = columns.previousCode, let status = columns.previousStatus {
                sheet.string(line, code, row.previousCode ?? "", locked)
                sheet.string(line, status, row.previousStatus ?? "", locked)
            }
            sheet.blank(line, columns.newCode, input)
            sheet.blank(line, columns.newStatus, input)
        }

        for (index, code) in request.codes.enumerated() {
            lists.string(index, 0, code.code, nil)
            lists.string(index, 1, code.label, nil)
        }
        if !request.rows.isEmpty {
            let first = Self.headerRow + 1
            let last = Self.headerRow + request.rows.count
            // The list is a range on the list sheet, not a typed-in list: typed lists are cut at
            // 255 characters and cannot hold a code with a comma.
            sheet.listValidation(rows: first...last, column: columns.newCode,
                                 formula: "=\(Self.listSheet)!$A$1:$A$\(max(1, request.codes.count))", error: words.codeError)
            sheet.lengthValidation(rows: first...last, column: columns.newStatus, limit: request.statusLimit,
                                   error: words.lengthError(request.statusLimit))
        }
        sheet.freeze(rows: Self.headerRow + 1)
        sheet.protect()
        lists.hide()

        let facts: [(String, String)] = [
            ("programme", request.programmeKey), ("period", period), ("party", request.party.key),
            ("party_name", request.party.name), ("language", request.party.language.rawValue),
            ("previous_period", request.previousPeriod ?? ""), ("rows", String(request.rows.count)),
        ]
        for (index, (key, value)) in facts.enumerated() {
            meta.string(index, 0, key, nil)
            meta.string(index, 1, value, nil)
        }
        meta.hide()

        var document = DocumentProperties()
        document.title = words.title(programme: request.programmeName, period: period, party: request.party.name)
        document.subject = period
        document.keywords = "\(request.programmeKey) \(period) \(request.party.key)"
        workbook.setProperties(document, fallbackTitle: request.programmeName)
        workbook.customProperty("Tilanne programme", request.programmeKey)
        workbook.customProperty("Tilanne period", period)
        workbook.customProperty("Tilanne party", request.party.key)
        try workbook.close()
    }

    /// Where each column is; the last period's two columns only when there is one.
    struct Columns {
        let id = 0
        let checksum = 1
        let place = 2
        let itemTitle = 3
        let action = 4
        let projects = 5
        let responsible = 6
        let previousCode: Int?
        let previousStatus: Int?
        let newCode: Int
        let newStatus: Int

        init(previous: Bool) {
            previousCode = previous ? 7 : nil
            previousStatus = previous ? 8 : nil
            newCode = previous ? 9 : 7
            newStatus = previous ? 10 : 8
        }
    }
}

extension XLSXSheet {
    func hideColumns(_ columns: ClosedRange<Int>, width: Double) {
        var options = lxw_row_col_options(hidden: 1, level: 0, collapsed: 0)
        workbook.check(worksheet_set_column_opt(handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, nil, &options))
    }

    /// A dropdown whose values are the cells `formula` names; anything else is refused.
    func listValidation(rows: ClosedRange<Int>, column: Int, formula: String, error: String) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        validation.value_formula = workbook.retain(formula)
        validation.error_message = workbook.retain(error)
        workbook.check(worksheet_data_validation_range(handle, lxw_row_t(rows.lowerBound), lxw_col_t(column),
                                                       lxw_row_t(rows.upperBound), lxw_col_t(column), &validation))
    }

    /// A text at most `limit` characters long.
    func lengthValidation(rows: ClosedRange<Int>, column: Int, limit: Int, error: String) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
        validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
        validation.value_number = Double(limit)
        validation.error_message = workbook.retain(error)
        workbook.check(worksheet_data_validation_range(handle, lxw_row_t(rows.lowerBound), lxw_col_t(column),
                                                       lxw_row_t(rows.upperBound), lxw_col_t(column), &validation))
    }

    /// Protected without a password: the point is to keep the identity columns from being
    /// edited by mistake, not to lock anyone out. Unlocked cells stay editable.
    func protect() {
        var options = lxw_protection()
        options.format_columns = 1
        options.format_rows = 1
        worksheet_protect(handle, nil, &options)
    }

    func hide() { worksheet_hide(handle) }
}

extension XLSXWorkbook {
    /// A custom document property (File → Properties → Custom), read back with the answers.
    func customProperty(_ name: String, _ value: String) {
        check(workbook_set_custom_property_string(handle, name, value))
    }
}

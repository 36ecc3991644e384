import CXlsxWriter
import Foundation

/// Sheet "Tiedot": the report as data, one row per action in an Excel Table (header row,
/// autofilter, no merged cells): the hierarchy in columns (per level its number, when it has
/// one, and its title; the programme when there are several), the action, the programme's own
/// columns, the progress code and its label in separate columns, the status text, the
/// cross-cutting dimensions and, with a history, the change and the reason to update. Each
/// column is a defined name (`Tiedot_Eteneminen`), so the summary counts are formulas over the
/// table (`XLSXSummarySheet`), with the counts the report computed as their cached results.
///
/// The layout is worked out before any sheet is written, so the summary (an earlier sheet) can
/// refer to the columns; `write` puts the table on its sheet.
struct XLSXDataTable {
    /// The columns that place an action in the hierarchy: the programme's (level 0) when the
    /// report shows several, then each declared level's number (when it has one) and title.
    struct LevelColumns {
        var level: Int
        var number: Int?
        var title: Int
    }

    let sheetName: String
    let tableName: String
    /// Column headers, unique (a table's columns must be) and on one line.
    let headers: [String]
    /// The defined name of each column.
    let names: [String]
    let levels: [LevelColumns]
    let codeColumn: Int
    let actionCount: Int
    private let widths: [Double]
    private let layout: FlatTableLayout
    /// Each item's trail from its programme down, by path: the conditions that select its actions.
    private let trails: [ItemPath: [ItemReport]]
    private let model: ReportModel

    init(_ model: ReportModel, strings: ReportStrings) {
        self.model = model
        let layout = FlatTableLayout(model)
        self.layout = layout
        sheetName = strings.dataSheet
        tableName = strings.dataTable
        var levels: [Int: LevelColumns] = [:]
        var codeColumn = 0
        for (index, column) in layout.columns.enumerated() {
            switch column.content {
            case .levelNumber(let level): levels[level, default: LevelColumns(level: level, number: nil, title: 0)].number = index
            case .levelTitle(let level): levels[level, default: LevelColumns(level: level, number: nil, title: 0)].title = index
            case .progressCode: codeColumn = index
            default: break
            }
        }
        self.headers = Self.unique(layout.columns.map { Self.oneLine($0.header) })
        self.names = Self.definedNames(prefix: Self.asciiName(sheetName), headers: self.headers)
        self.levels = levels.values.sorted { $0.level < $1.level }
        self.codeColumn = codeColumn
        self.widths = layout.columns.map(\.width)

        var trails: [ItemPath: [ItemReport]] = [:]
        var count = 0
        func walk(_ item: ItemReport, ancestors: [ItemReport]) {
            let trail = ancestors + [item]
            trails[item.path] = trail
            count += item.actions.count
            for child in item.items { walk(child, ancestors: trail) }
        }
        for programme in model.programmes { walk(programme, ancestors: []) }
        self.trails = trails
        actionCount = count
    }

    // MARK: References for formulas

    /// The cells of a column below the header, absolute: `'Tiedot'!$H$2:$H$78`.
    func range(_ column: Int) -> String {
        let letter = Self.columnLetters(column)
        return "'\(sheetName.replacingOccurrences(of: "'", with: "''"))'!$\(letter)$2:$\(letter)$\(actionCount + 1)"
    }

    /// The conditions that select the actions under an item (its programme and each level down
    /// to it, by number where the level numbers its items, else by title), as formula terms
    /// `--(Tiedot_Tavoite_nro=5)`; an empty list selects every action. Nil when a term cannot be
    /// written as a formula (a title over 255 characters): the summary then writes the number.
    func conditions(_ path: ItemPath?) -> [String]? {
        guard actionCount > 0 else { return nil }
        guard let path else { return [] }
        guard let trail = trails[path] else { return nil }
        var terms: [String] = []
        for columns in levels where columns.level < trail.count {
            let step = trail[columns.level]
            let value: FlatTableLayout.Cell
            let column: Int
            if let number = columns.number, step.number != nil {
                (value, column) = (FlatTableLayout.number(step, model: model), number)
            } else {
                (value, column) = (.text(model.shown(step.title, untranslated: step.untranslatedTitle == true)), columns.title)
            }
            guard let literal = value.literal else { return nil }
            terms.append("--(\(names[column])=\(literal))")
        }
        return terms
    }

    /// The term that selects the actions with a progress code (`""`: no code).
    func codeCondition(_ code: String) -> String? {
        FlatTableLayout.Cell.text(code).literal.map { "--(\(names[codeColumn])=\($0))" }
    }

    // MARK: Writing

    /// Written in the normal mode only: a workbook in constant-memory mode has no data sheet,
    /// as libxlsxwriter makes no Excel Table there (decision 0009).
    func write(workbook: XLSXWorkbook, styles: XLSXStyles, strings: ReportStrings) throws {
        assert(!workbook.constantMemory, "a data sheet in constant-memory mode")
        let sheet = try workbook.addSheet(sheetName)
        // One line a row, unwrapped: a table to filter and count, not to read in print (the status
        // sheet is that), so a reader that sizes rows to their text does not print it over pages.
        let plain = workbook.format { $0.top() }
        let whole = workbook.format { $0.top().numberFormat("0") }
        let headerFormat = workbook.format { $0.bold().top().border().fill(XLSXStyles.headerFill) }
        for (column, width) in widths.enumerated() { sheet.width(column, width) }
        var row = 1
        layout.forEachRow { cells in
            sheet.height(row, 15)
            for (column, value) in cells.enumerated() {
                switch value {
                case .number(let number, _): sheet.number(row, column, number, whole)
                case .text(let text) where text.isEmpty, .code(let text) where text.isEmpty: continue
                case .text(let text), .code(let text): sheet.string(row, column, text, plain)
                }
            }
            row += 1
        }
        // The table's columns: their headers (written by the library into the header row).
        var columns = headers.map { header -> lxw_table_column in
            var column = lxw_table_column()
            column.header = workbook.retain(header)
            column.header_format = headerFormat
            return column
        }
        let lastRow = max(1, actionCount)
        try columns.withUnsafeMutableBufferPointer { buffer in
            var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<buffer.count).map { buffer.baseAddress! + $0 }
            pointers.append(nil)
            try pointers.withUnsafeMutableBufferPointer { list in
                var options = lxw_table_options()
                options.name = workbook.retain(tableName)
                options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue)
                options.style_type_number = 9
                options.columns = list.baseAddress
                let result = worksheet_add_table(sheet.handle, 0, 0, lxw_row_t(lastRow), lxw_col_t(headers.count - 1), &options)
                guard result == LXW_NO_ERROR else {
                    throw OutputError(path: sheetName, problem: "libxlsxwriter: \(String(cString: lxw_strerror(result)))")
                }
            }
        }
        if actionCount > 0 {
            for (column, name) in names.enumerated() {
                workbook.check(workbook_define_name(workbook.handle, name, "=" + range(column)))
            }
        }
        sheet.height(0, 18)
        // Printed, the table and not the texts running past its last column.
        workbook.check(worksheet_print_area(sheet.handle, 0, 0, lxw_row_t(lastRow), lxw_col_t(headers.count - 1)))
        sheet.freeze(rows: 1)
        sheet.printSetup(repeatRows: 0...0,
                         header: "&L\(XLSXText.headerSafe(model.programme.name))&R\(XLSXText.headerSafe(model.statusColumn))",
                         footer: "&R\(strings.page) &P / &N")
    }

    // MARK: Names

    /// A header on one line (a table's column names are single-line in every reader).
    static func oneLine(_ text: String) -> String {
        let joined = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return joined.isEmpty ? "-" : String(joined.prefix(255))
    }

    /// Headers made unique ignoring case, as a table requires: a repeated one gets ` 2`, ` 3` …
    static func unique(_ headers: [String]) -> [String] {
        var seen: Set<String> = []
        return headers.map { header in
            var candidate = header
            var suffix = 2
            while seen.contains(candidate.lowercased()) {
                candidate = "\(header) \(suffix)"
                suffix += 1
            }
            seen.insert(candidate.lowercased())
            return candidate
        }
    }

    /// A defined name's letters: ASCII letters, digits and `_` (`Tavoite nro` → `Tavoite_nro`,
    /// `Läge` → `Lage`), never starting with a digit.
    static func asciiName(_ text: String) -> String {
        var result = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_": result.unicodeScalars.append(scalar)
            case _ where scalar.properties.generalCategory == .nonspacingMark: continue
            default: if !result.hasSuffix("_") { result.append("_") }
            }
        }
        while result.hasSuffix("_") { result.removeLast() }
        if result.isEmpty { return "_" }
        if let first = result.unicodeScalars.first, ("0"..."9").contains(first) { result = "_" + result }
        return result
    }

    /// `Tiedot_Eteneminen`, one per column, unique ignoring case.
    static func definedNames(prefix: String, headers: [String]) -> [String] {
        var seen: Set<String> = []
        return headers.enumerated().map { index, header in
            var name = "\(prefix)_\(asciiName(header))".prefix(200).description
            if seen.contains(name.lowercased()) { name += "_\(index + 1)" }
            seen.insert(name.lowercased())
            return name
        }
    }

    /// `A`, `Z`, `AA` … for a 0-based column.
    static func columnLetters(_ column: Int) -> String { SourceLocation.columnLetters(column + 1) }
}

extension XLSXSheet {
    /// A formula with the value the report computed as its cached result, which readers that do
    /// not calculate (and Excel until it recalculates) show.
    func formula(_ row: Int, _ column: Int, _ formula: String, value: Double, _ format: UnsafeMutablePointer<lxw_format>?) {
        workbook.check(worksheet_write_formula_num(handle, lxw_row_t(row), lxw_col_t(column), formula, format, value))
    }
}

extension FlatTableLayout.Cell {
    /// The value as a literal in a formula, or nil when a text is too long for one (255).
    var literal: String? {
        switch self {
        case .number(let value, _): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .text(let text), .code(let text):
            guard text.utf16.count <= 255 else { return nil }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}

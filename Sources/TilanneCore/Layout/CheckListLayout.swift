/// Layout of the coordinator's check list ("Tarkistukset"): every finding with its place, then
/// every rejected row with its reason and content, in one table with the same columns, so the
/// coordinator can sort and filter the list in a spreadsheet and fix the source file by file.
/// The coordinator's workbook sheet and CSV are both made from it.
public enum CheckListLayout {
    public static func checks(_ model: ReportModel) -> LayoutTable {
        let strings = ReportStrings(language: model.language)
        let catalogue = MessageCatalogue(language: model.language)
        let columns = [
            LayoutColumn(strings.severity, width: 12), LayoutColumn(strings.code, width: 26),
            LayoutColumn(strings.message, width: 70, role: .rowHeader), LayoutColumn(strings.file, width: 40),
            // A row number stays a number, so the list sorts by it.
            LayoutColumn(strings.row, width: 8, content: .place), LayoutColumn(strings.column, width: 16),
            LayoutColumn(strings.checkSubject, width: 24), LayoutColumn(strings.content, width: 50),
        ]
        func place(_ location: SourceLocation?) -> [String] {
            guard let location else { return ["", "", ""] }
            var column = ""
            if let index = location.column {
                column = SourceLocation.columnLetters(index) + (location.columnName.map { " (\($0))" } ?? "")
            }
            return [location.filePart(tableWord: catalogue.tableWord), location.row.map(String.init) ?? "", column]
        }
        var rows = model.diagnostics.map { diagnostic in
            LayoutRow([catalogue.severityName(diagnostic.severity), diagnostic.code.rawValue, catalogue.message(diagnostic)]
                      + place(diagnostic.location) + [subject(diagnostic.subject, catalogue: catalogue, strings: strings), ""],
                      kind: "finding")
        }
        rows += model.rejectedRows.map { rejected in
            LayoutRow([catalogue.severityName(.error), rejected.code.rawValue, catalogue.message(rejected.code, rejected.arguments)]
                      + place(rejected.location) + [strings.rejectedRow, rejected.content],
                      kind: "rejected")
        }
        return LayoutTable(title: strings.accounting(model.accounting), name: strings.checksSheet,
                           note: strings.checksNote(findings: model.diagnostics.count, rejected: model.rejectedRows.count),
                           columns: columns, rows: rows, empty: strings.noFindings)
    }

    /// What a finding concerns when its place does not say it: an indicator, a steering group, an action's id.
    static func subject(_ subject: DiagnosticSubject?, catalogue: MessageCatalogue, strings: ReportStrings) -> String {
        guard let subject else { return "" }
        if let name = catalogue.subjectName(subject) { return name }
        return switch subject {
        case .action(let id): strings.actionSubject(id)
        case .item, .file, .indicator, .group: ""
        }
    }
}

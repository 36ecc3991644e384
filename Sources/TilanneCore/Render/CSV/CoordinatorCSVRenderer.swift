import Foundation

/// The coordinator's CSV (`…-koordinaattori.csv`): the check list (`CheckListLayout`), one row
/// per finding or rejected row with its file, row and column, as the workbook's "Tarkistukset".
public struct CoordinatorCSVRenderer: ReportRenderer {
    public let format = OutputFormat.csv

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let checks = CheckListLayout.checks(model)
        try CSVTable.write(checks.columns, rows: checks.rows, to: url)
    }
}

/// The labels of the workbook's chart and data sheets, in the report language.
extension ReportStrings {
    /// The sheet that holds the summary chart alone, one printed page.
    public var chartSheet: String { pick("Kaavio", "Diagram", "Chart") }
    /// The value axis of the summary chart.
    public var actionCount: String { pick("Toimenpiteitä", "Åtgärder", "Actions") }
    /// The sheet of the report as data, one row per action.
    public var dataSheet: String { pick("Tiedot", "Data", "Data") }
    /// The name of its Excel Table (letters, digits and `_` only).
    public var dataTable: String { pick("Toimenpiteet", "Atgarder", "Actions") }
    /// Under the summary of a report too large for the data sheet (`XLSXReportRenderer`).
    public func noDataSheet(over limit: Int) -> String {
        let count = number(limit)
        return pick("Raportissa on yli \(count) toimenpidettä, joten työkirjassa ei ole \(dataSheet)-välilehteä: "
                    + "yhteenvedon luvut ovat arvoja, eivät kaavoja.",
                    "Rapporten har över \(count) åtgärder och därför saknar arbetsboken bladet \(dataSheet): "
                    + "talen i sammandraget är värden, inte formler.",
                    "The report has more than \(count) actions, so the workbook has no \(dataSheet) sheet: "
                    + "the summary's figures are values, not formulas.")
    }
}

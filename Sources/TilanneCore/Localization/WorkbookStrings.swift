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
}

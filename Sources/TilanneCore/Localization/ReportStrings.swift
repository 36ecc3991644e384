import Foundation

/// Every label a reader sees in the reports, in the report language.
public struct ReportStrings: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) { self.language = language }

    private func pick(_ fi: String, _ en: String) -> String { language == .fi ? fi : en }

    public var statusSheet: String { pick("Tilanne", "Status") }
    public var summarySheet: String { pick("Yhteenveto", "Summary") }
    public var checksSheet: String { pick("Tarkistukset", "Checks") }
    public func statusColumn(_ period: String) -> String { pick("Tilanne \(period)", "Status \(period)") }
    public var theme: String { pick("Painopiste", "Theme") }
    public var goal: String { pick("Tavoite", "Goal") }
    public var goalNumber: String { pick("Tavoite nro", "Goal no.") }
    public func goalHeading(_ number: Int, _ title: String) -> String { pick("TAVOITE \(number). \(title)", "GOAL \(number). \(title)") }
    public var action: String { pick("Toimenpide", "Action") }
    public var projects: String { pick("Hankkeet", "Projects") }
    public var responsible: String { pick("Vastuutaho", "Responsible") }
    public var progress: String { pick("Eteneminen", "Progress") }
    public var progressLabel: String { pick("Etenemisen selite", "Progress label") }
    public var identifier: String { pick("Tunnus", "ID") }
    public var source: String { pick("Lähde", "Source") }
    public var legend: String { pick("Selitteet", "Legend") }
    public var checkFlag: String { pick("Tarkistettava", "To check") }
    public var unknownCode: String { pick("tuntematon koodi – tarkista", "unknown code – check") }
    public var missingCode: String { pick("koodi puuttuu", "code missing") }
    public var unknownCodesColumn: String { pick("Muu koodi", "Other code") }
    public var missingColumn: String { pick("Ei koodia", "No code") }
    public var total: String { pick("Yhteensä", "Total") }
    public var programmeTotal: String { pick("Koko ohjelma", "Whole programme") }
    public var count: String { pick("lkm", "count") }
    public var share: String { pick("osuus", "share") }
    public var noActions: String { pick("Ei toimenpiteitä tällä kaudella.", "No actions this period.") }
    public var summaryTitle: String { pick("Toimenpiteiden eteneminen tavoitteittain", "Progress of actions by goal") }
    public var chartTitle: String { pick("Toimenpiteet etenemisen mukaan", "Actions by progress") }
    public var diagnosticsTitle: String { pick("Havainnot lähdetiedoista", "Findings in the source files") }
    public var rejectedTitle: String { pick("Hylätyt rivit", "Rejected rows") }
    public var severity: String { pick("Vakavuus", "Severity") }
    public var code: String { pick("Koodi", "Code") }
    public var message: String { pick("Viesti", "Message") }
    public var file: String { pick("Tiedosto", "File") }
    public var row: String { pick("Rivi", "Row") }
    public var column: String { pick("Sarake", "Column") }
    public var reason: String { pick("Syy", "Reason") }
    public var content: String { pick("Rivin sisältö", "Row content") }
    public var noFindings: String { pick("Ei havaintoja.", "No findings.") }
    public var noRejected: String { pick("Ei hylättyjä rivejä.", "No rejected rows.") }
    public var page: String { pick("Sivu", "Page") }
    public var truncated: String { pick("… [teksti katkaistu, koko teksti HTML- ja CSV-raportissa]", "… [text truncated; full text in the HTML and CSV reports]") }
    public var contents: String { pick("Sisältö", "Contents") }
    public func accounting(_ accounting: RowAccounting) -> String {
        var parts = [pick("\(accounting.reported) raportissa", "\(accounting.reported) in the report"),
                     pick("\(accounting.rejected) hylätty", "\(accounting.rejected) rejected")]
        if accounting.structure > 0 { parts.append(pick("\(accounting.structure) otsikko- tai väliotsikkoriviä", "\(accounting.structure) heading rows")) }
        if accounting.blank > 0 { parts.append(pick("\(accounting.blank) tyhjää", "\(accounting.blank) blank")) }
        return pick("Rivejä luettu \(accounting.rowsIn): ", "Rows read \(accounting.rowsIn): ") + parts.joined(separator: ", ")
    }
    public func reportTitle(_ programme: String, _ period: String) -> String {
        pick("\(programme) – tilanne \(period)", "\(programme) – status \(period)")
    }
    public func bindingGoal(_ label: String, _ text: String) -> String { "(\(label): \(text))" }

    /// Finnish number formatting for shares: `66,2 %`.
    public func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        var text = value == value.rounded() ? String(Int(value)) : String(format1(value))
        if language == .fi { text = text.replacingOccurrences(of: ".", with: ",") }
        return language == .fi ? "\(text) %" : "\(text)%"
    }

    private func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

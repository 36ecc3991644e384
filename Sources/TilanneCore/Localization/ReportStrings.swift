import Foundation

/// Every label a reader sees in the reports, in the report language (Finnish, Swedish or
/// English). Each label is given in all three, so a missing translation does not compile.
public struct ReportStrings: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) { self.language = language }

    public func pick(_ fi: String, _ sv: String, _ en: String) -> String {
        switch language {
        case .fi: fi
        case .sv: sv
        case .en: en
        }
    }

    public var statusSheet: String { pick("Tilanne", "Läge", "Status") }
    public var summarySheet: String { pick("Yhteenveto", "Sammandrag", "Summary") }
    public var checksSheet: String { pick("Tarkistukset", "Kontroller", "Checks") }
    public func statusColumn(_ period: String) -> String { pick("Tilanne \(period)", "Läge \(period)", "Status \(period)") }
    /// The column of a level's numbers beside its titles: `Tavoite nro`.
    public func numberColumn(_ levelName: String) -> String { pick("\(levelName) nro", "\(levelName) nr", "\(levelName) no.") }
    /// What a programme is called in a report of several, unless the programme file names it.
    public var programmeLevel: String { pick("Ohjelma", "Program", "Programme") }
    public var tagsTitle: String { pick("Läpileikkaavat teemat", "Tvärgående teman", "Cross-cutting themes") }
    public var allProgrammesTotal: String { pick("Kaikki ohjelmat", "Alla program", "All programmes") }
    public var action: String { pick("Toimenpide", "Åtgärd", "Action") }
    public var projects: String { pick("Hankkeet", "Projekt", "Projects") }
    public var responsible: String { pick("Vastuutaho", "Ansvarig", "Responsible") }
    public var progress: String { pick("Eteneminen", "Framsteg", "Progress") }
    public var progressLabel: String { pick("Etenemisen selite", "Förklaring av framsteg", "Progress label") }
    public var identifier: String { pick("Tunnus", "Kod", "ID") }
    public var source: String { pick("Lähde", "Källa", "Source") }
    public var legend: String { pick("Selitteet", "Teckenförklaring", "Legend") }
    public var checkFlag: String { pick("Tarkistettava", "Att kontrollera", "To check") }
    public var unknownCodesColumn: String { pick("Muu koodi", "Annan kod", "Other code") }
    public var missingColumn: String { pick("Ei koodia", "Ingen kod", "No code") }
    public var total: String { pick("Yhteensä", "Totalt", "Total") }
    public var count: String { pick("lkm", "antal", "count") }
    public var share: String { pick("osuus", "andel", "share") }
    public var noActions: String { pick("Ei toimenpiteitä tällä kaudella.", "Inga åtgärder under perioden.", "No actions this period.") }
    public var summaryTitle: String { pick("Toimenpiteiden eteneminen", "Åtgärdernas framsteg", "Progress of actions") }
    /// The summary's column of items at every level.
    public var programmePart: String { pick("Ohjelman osa", "Del av programmet", "Part of the programme") }
    public var chartTitle: String { pick("Toimenpiteet etenemisen mukaan", "Åtgärder enligt framsteg", "Actions by progress") }
    /// After the chart's figures in words: where the same data is as a table.
    public var chartAlternative: String {
        pick("Samat luvut ovat taulukossa alla.", "Samma siffror finns i tabellen nedan.", "The same figures are in the table below.")
    }
    public var skipToContent: String { pick("Siirry sisältöön", "Hoppa till innehållet", "Skip to content") }
    public var severity: String { pick("Vakavuus", "Allvarlighet", "Severity") }
    public var code: String { pick("Koodi", "Kod", "Code") }
    public var message: String { pick("Viesti", "Meddelande", "Message") }
    public var file: String { pick("Tiedosto", "Fil", "File") }
    public var row: String { pick("Rivi", "Rad", "Row") }
    public var column: String { pick("Sarake", "Kolumn", "Column") }
    public var content: String { pick("Rivin sisältö", "Radens innehåll", "Row content") }
    public var noFindings: String { pick("Ei havaintoja.", "Inga iakttagelser.", "No findings.") }
    public var page: String { pick("Sivu", "Sida", "Page") }
    public var contents: String { pick("Sisältö", "Innehåll", "Contents") }
    public func accounting(_ accounting: RowAccounting) -> String {
        let (rowsIn, reported, rejected) = (number(accounting.rowsIn), number(accounting.reported), number(accounting.rejected))
        var parts = [pick("\(reported) raportissa", "\(reported) i rapporten", "\(reported) in the report"),
                     pick("\(rejected) hylätty", "\(rejected) förkastade", "\(rejected) rejected")]
        if accounting.structure > 0 {
            let structure = number(accounting.structure)
            parts.append(pick("\(structure) otsikko- tai väliotsikkoriviä", "\(structure) rubrikrader", "\(structure) heading rows"))
        }
        if accounting.blank > 0 {
            let blank = number(accounting.blank)
            parts.append(pick("\(blank) tyhjää", "\(blank) tomma", "\(blank) blank"))
        }
        return pick("Rivejä luettu \(rowsIn): ", "Lästa rader \(rowsIn): ", "Rows read \(rowsIn): ") + parts.joined(separator: ", ")
    }

    /// A whole number as the reader writes it: `12 345` with a no-break space between digit
    /// groups in Finnish and Swedish, `12,345` in English.
    public func number(_ value: Int) -> String {
        grouped(String(value.magnitude), negative: value < 0)
    }

    /// Whole-number digits grouped by thousands as the language writes them.
    func grouped(_ digits: String, negative: Bool) -> String {
        let value = negative ? -1 : 1
        guard digits.count > 3 else { return value < 0 ? "-" + digits : digits }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: language == .en ? "," : "\u{00A0}")
    }
    public func reportTitle(_ programme: String, _ period: String) -> String {
        pick("\(programme) – tilanne \(period)", "\(programme) – läge \(period)", "\(programme) – status \(period)")
    }

    /// The title of a report, marked as a draft when it is one.
    public func reportTitle(of model: ReportModel) -> String {
        marked(reportTitle(model.programme.name, model.period), draft: model.draft)
    }

    /// A title with the draft mark before it when the report is a draft (`LUONNOS: …`): the
    /// report's title, the workbooks' document titles and the coordinator's check list.
    public func marked(_ title: String, draft: Bool) -> String {
        draft ? "\(draftMark): \(title)" : title
    }

    /// The word on every draft's title and printed page.
    public var draftMark: String { pick("LUONNOS", "UTKAST", "DRAFT") }

    public var draftNotice: String {
        pick("Luonnos: raporttia ei ole vielä julkaistu, ja sen tiedot voivat muuttua.",
             "Utkast: rapporten är ännu inte publicerad, och uppgifterna kan ändras.",
             "Draft: this report has not been published yet, and its data may change.")
    }
    public func bindingGoal(_ label: String, _ text: String) -> String { "(\(label): \(text))" }

    /// Marks a text left in another language: `[på finska]`.
    public func untranslatedMarker(_ language: ReportLanguage) -> String {
        switch language {
        case .fi: pick("[suomeksi]", "[på finska]", "[in Finnish]")
        case .sv: pick("[ruotsiksi]", "[på svenska]", "[in Swedish]")
        case .en: pick("[englanniksi]", "[på engelska]", "[in English]")
        }
    }

    /// Shares as a Finnish or Swedish reader writes them (`66,2 %`, a no-break space before the
    /// sign so it never wraps alone) or an English one (`66.2%`).
    public func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return withPercentSign(decimal(value, decimals: value == value.rounded() ? 0 : 1))
    }

    /// `66,2 %` with a no-break space, `66.2%` in English.
    func withPercentSign(_ number: String) -> String {
        language == .en ? "\(number)%" : "\(number)\u{00A0}%"
    }
}

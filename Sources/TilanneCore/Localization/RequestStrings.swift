/// The words of a request workbook, in the party's language.
public struct RequestStrings: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) { self.language = language }

    private func pick(_ fi: String, _ sv: String, _ en: String) -> String { ReportStrings(language: language).pick(fi, sv, en) }

    /// The start of a request file's name.
    public var filePrefix: String { pick("pyynto", "begaran", "request") }

    public var sheetName: String { pick("Päivitys", "Uppdatering", "Update") }

    public func title(programme: String, period: String, party: String) -> String {
        pick("\(programme): tilannepäivitys \(period) – \(party)",
             "\(programme): lägesuppdatering \(period) – \(party)",
             "\(programme): status update \(period) – \(party)")
    }

    /// The date as the reader writes it: 15.9.2024 in Finnish and Swedish, 2024-09-15 in English.
    public func date(_ date: DocumentDate) -> String {
        switch language {
        case .fi, .sv: "\(date.day).\(date.month).\(date.year)"
        case .en: String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
        }
    }

    public func deadline(_ date: DocumentDate) -> String {
        pick("Palauta vastauksesi viimeistään \(self.date(date)).",
             "Returnera dina svar senast \(self.date(date)).",
             "Please return your answers by \(self.date(date)).")
    }

    public var noDeadline: String {
        pick("Palauta vastauksesi ohjelman koordinaattorille.", "Returnera dina svar till programmets koordinator.",
             "Please return your answers to the programme's coordinator.")
    }

    public func instructions(codeColumn: String, statusColumn: String) -> [String] {
        [
            pick("Alla ovat ne ohjelman toimenpiteet, joiden vastuutahoihin kuulut.",
                 "Nedan finns de åtgärder i programmet som du är ansvarig för.",
                 "Below are the programme's actions you are responsible for."),
            pick("Valitse jokaiselle riville uusi etenemiskoodi sarakkeesta \"\(codeColumn)\" ja kirjoita tilanne sarakkeeseen \"\(statusColumn)\". Muut solut on lukittu.",
                 "Välj för varje rad en ny framstegskod i kolumnen \"\(codeColumn)\" och skriv läget i kolumnen \"\(statusColumn)\". Övriga celler är låsta.",
                 "For each row choose the new progress code in \"\(codeColumn)\" and write the status in \"\(statusColumn)\". The other cells are locked."),
            pick("Älä lisää, poista tai järjestä rivejä: vastaukset luetaan takaisin rivien piilotetuista tunnisteista.",
                 "Lägg inte till, ta bort eller sortera rader: svaren läses tillbaka med radernas dolda id.",
                 "Do not add, delete or sort rows: the answers are read back by the rows' hidden ids."),
        ]
    }

    public var id: String { pick("Tunniste", "Id", "Id") }
    public var checksum: String { pick("Tarkiste", "Kontrollsumma", "Checksum") }
    public var itemTitle: String { pick("Otsikko", "Rubrik", "Title") }
    public var action: String { pick("Toimenpide", "Åtgärd", "Action") }
    public var projects: String { pick("Hankkeet", "Projekt", "Projects") }
    public var responsible: String { pick("Vastuutaho", "Ansvarig", "Responsible") }
    public func previousCode(_ period: String) -> String { pick("Eteneminen \(period)", "Framsteg \(period)", "Progress \(period)") }
    public func previousStatus(_ period: String) -> String { pick("Tilanne \(period)", "Läge \(period)", "Status \(period)") }
    public func newCode(_ period: String) -> String { pick("Uusi eteneminen \(period)", "Nytt framsteg \(period)", "New progress \(period)") }
    public func newStatus(_ period: String) -> String { pick("Uusi tilanne \(period)", "Nytt läge \(period)", "New status \(period)") }
    public var legend: String { pick("Etenemiskoodit", "Framstegskoder", "Progress codes") }
    public var codeError: String { pick("Valitse koodi luettelosta.", "Välj en kod i listan.", "Choose a code from the list.") }
    public func lengthError(_ limit: Int) -> String {
        pick("Teksti saa olla enintään \(limit) merkkiä.", "Texten får vara högst \(limit) tecken.", "The text may be at most \(limit) characters.")
    }
}

import Foundation

/// Diagnostic messages in the report language. `{0}`, `{1}` … are replaced by the arguments.
public struct MessageCatalogue: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) { self.language = language }

    public func message(_ code: DiagnosticCode, _ arguments: [String]) -> String {
        var text = template(code)
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    public func severityName(_ severity: Severity) -> String {
        switch (language, severity) {
        case (.fi, .error): "virhe"
        case (.fi, .warning): "varoitus"
        case (.fi, .info): "tieto"
        case (.en, .error): "error"
        case (.en, .warning): "warning"
        case (.en, .info): "note"
        }
    }

    private func template(_ code: DiagnosticCode) -> String {
        switch language {
        case .fi: finnish(code)
        case .en: english(code)
        }
    }

    private func finnish(_ code: DiagnosticCode) -> String {
        switch code {
        case .sourceMissing: "Lähdetiedostoa ei löydy: {0}"
        case .sourceUnreadable: "Lähdetiedostoa ei voi lukea: {0}"
        case .sourceEmpty: "Tiedosto on tyhjä."
        case .sourceEncodingFallback: "Tiedosto ei ole UTF-8-muodossa; se luettiin Windows-1252-merkistönä."
        case .sourceInvalidUTF8: "Solussa on merkkejä, jotka eivät ole UTF-8-muodossa; ne korvattiin merkillä �."
        case .headerNotFound: "Otsikkoriviltä puuttuu sarake \"{0}\". Löytyneet sarakkeet: {1}"
        case .noDataRows: "Tiedostossa ei ole yhtään toimenpideriviä otsikkorivin jälkeen."
        case .csvUnterminatedQuote: "Lainausmerkki jää sulkematta; tiedoston loppu luettiin tähän soluun. Rivi hylättiin."
        case .csvStrayQuote: "Lainausmerkki keskellä lainaamatonta solua; solu luettiin sellaisenaan."
        case .csvRaggedRow: "Rivillä on {0} saraketta, otsikkorivillä {1}. Rivi hylättiin."
        case .rowOutsideGoal: "Toimenpiderivi ennen ensimmäistä TAVOITE-riviä. Rivi hylättiin."
        case .rowUnrecognised: "Riviä ei tunnistettu painopiste-, tavoite- eikä toimenpideriviksi: \"{0}\". Rivi hylättiin."
        case .actionMissing: "Toimenpiteen teksti puuttuu. Rivi hylättiin."
        case .actionDuplicate: "Toimenpide \"{0}\" on jo rivillä {1}. Rivi hylättiin."
        case .progressUnknown: "Tuntematon etenemiskoodi \"{0}\"; se näytetään sellaisenaan ja merkitään tarkistettavaksi."
        case .progressMissing: "Etenemiskoodi puuttuu."
        case .statusMissing: "Tilanneteksti puuttuu."
        case .responsibleMissing: "Vastuutaho puuttuu."
        case .goalNumberInvalid: "Tavoitteen numero \"{0}\" ei ole kokonaisluku. Rivi hylättiin."
        case .goalNotInRegister: "Tavoitetta {0} ei ole ohjelman tavoiteluettelossa. Rivi hylättiin."
        case .goalTitleDiffers: "Tavoitteen {0} nimi poikkeaa tavoiteluettelosta: taulukossa \"{1}\", luettelossa \"{2}\"."
        case .themeDiffers: "Painopiste \"{0}\" poikkeaa tavoiteluettelosta, jonka mukaan tavoite {1} kuuluu painopisteeseen \"{2}\"."
        case .textTooLong: "Teksti on {0} merkkiä pitkä; taulukkolaskennan solu mahtuu {1} merkkiä. XLSX-raportissa teksti katkaistaan."
        case .textControlCharacters: "Tekstissä oli {0} ohjausmerkkiä; ne poistettiin."
        }
    }

    private func english(_ code: DiagnosticCode) -> String {
        switch code {
        case .sourceMissing: "Source file not found: {0}"
        case .sourceUnreadable: "Source file cannot be read: {0}"
        case .sourceEmpty: "The file is empty."
        case .sourceEncodingFallback: "The file is not UTF-8; it was read as Windows-1252."
        case .sourceInvalidUTF8: "The cell holds bytes that are not UTF-8; they were replaced with �."
        case .headerNotFound: "The header row has no column \"{0}\". Columns found: {1}"
        case .noDataRows: "The file has no action rows after the header row."
        case .csvUnterminatedQuote: "A quote is never closed; the rest of the file was read into this cell. Row rejected."
        case .csvStrayQuote: "A quote in the middle of an unquoted cell; the cell was read as written."
        case .csvRaggedRow: "The row has {0} columns, the header row {1}. Row rejected."
        case .rowOutsideGoal: "An action row before the first GOAL row. Row rejected."
        case .rowUnrecognised: "The row is neither a theme, a goal nor an action row: \"{0}\". Row rejected."
        case .actionMissing: "The action text is missing. Row rejected."
        case .actionDuplicate: "The action \"{0}\" is already on row {1}. Row rejected."
        case .progressUnknown: "Unknown progress code \"{0}\"; shown as written and flagged for checking."
        case .progressMissing: "The progress code is missing."
        case .statusMissing: "The status text is missing."
        case .responsibleMissing: "The responsible party is missing."
        case .goalNumberInvalid: "The goal number \"{0}\" is not a whole number. Row rejected."
        case .goalNotInRegister: "Goal {0} is not in the programme's goal register. Row rejected."
        case .goalTitleDiffers: "The title of goal {0} differs from the register: the table says \"{1}\", the register \"{2}\"."
        case .themeDiffers: "The theme \"{0}\" differs from the register, where goal {1} belongs to \"{2}\"."
        case .textTooLong: "The text is {0} characters long; a spreadsheet cell holds {1}. It is truncated in the XLSX report."
        case .textControlCharacters: "The text held {0} control characters; they were removed."
        }
    }
}

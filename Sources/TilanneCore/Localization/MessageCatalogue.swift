import Foundation

/// Diagnostic messages in the report language. `{0}`, `{1}` … are replaced by the arguments.
public struct MessageCatalogue: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) { self.language = language }

    /// The finding as its reader sees it: what it concerns, when that is not its row, then the message.
    public func message(_ diagnostic: Diagnostic) -> String {
        let text = message(diagnostic.code, diagnostic.arguments)
        guard let subject = diagnostic.subject, !diagnostic.code.messageNamesSubject, let name = subjectName(subject) else { return text }
        return "\(name): \(text)"
    }

    /// The message with its arguments filled in, each quoted as an excerpt (`CellText.excerpt`):
    /// a finding quoting a 40,000-character cell still fits a cell of the checks sheet.
    public func message(_ code: DiagnosticCode, _ arguments: [DiagnosticArgument]) -> String {
        Self.fill(template(code), arguments.map { CellText.excerpt(text(of: $0)) })
    }

    /// The template with `{n}` replaced by the n-th argument, in one pass over the template, so
    /// that an argument's own text (a cell holding `{1}`) is never read as a placeholder.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        substitute(Substring(template), arguments)
    }

    /// The `{n}` placeholders of a text: each one's range and number.
    private static func placeholders(in text: Substring) -> [(range: Range<Substring.Index>, number: Int)] {
        var found: [(range: Range<Substring.Index>, number: Int)] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            var cursor = text.index(after: open)
            var number = 0
            var digits = 0
            while cursor < text.endIndex, let digit = text[cursor].wholeNumberValue, text[cursor].isASCII, digits < 6 {
                number = number * 10 + digit
                digits += 1
                cursor = text.index(after: cursor)
            }
            if digits > 0, cursor < text.endIndex, text[cursor] == "}" {
                found.append((open..<text.index(after: cursor), number))
                index = text.index(after: cursor)
            } else {
                index = text.index(after: open)
            }
        }
        return found
    }

    private static func substitute(_ text: Substring, _ arguments: [String]) -> String {
        var result = ""
        var last = text.startIndex
        for placeholder in placeholders(in: text) where placeholder.number < arguments.count {
            result += text[last..<placeholder.range.lowerBound]
            result += arguments[placeholder.number]
            last = placeholder.range.upperBound
        }
        return result + text[last...]
    }

    /// One argument in this language.
    public func text(of argument: DiagnosticArgument) -> String {
        switch argument {
        case .text(let text): text
        case .count(let count): "\(count)"
        case .phrase(let phrase): self.phrase(phrase)
        case .names(let names): names[language] ?? names[.fi] ?? names.values.sorted().first ?? ""
        case .language(let named): languageName(named)
        case .documentTable(let number): "\(tableWord) \(number)"
        case .duration(let duration): self.duration(duration)
        }
    }

    /// Subjects a location does not already show: an indicator, a steering group.
    func subjectName(_ subject: DiagnosticSubject) -> String? {
        let say = ReportStrings(language: language).pick
        return switch subject {
        case .indicator(let id): say("Mittari \(id)", "Indikator \(id)", "Indicator \(id)")
        case .group(let name): say("Ohjausryhmä \(name)", "Styrgrupp \(name)", "Steering group \(name)")
        case .action, .item, .file: nil
        }
    }

    /// A language as the messages name it: in Finnish in the translative ("Teksti puuttuu
    /// ruotsiksi"), the one form they use.
    func languageName(_ named: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        return switch named {
        case .fi: say("suomeksi", "finska", "Finnish")
        case .sv: say("ruotsiksi", "svenska", "Swedish")
        case .en: say("englanniksi", "engelska", "English")
        }
    }

    func phrase(_ phrase: DiagnosticPhrase) -> String {
        let say = ReportStrings(language: language).pick
        return switch phrase {
        case .fileNotFound: say("tiedostoa ei löydy", "filen finns inte", "file not found")
        case .cannotOpenFile: say("tiedostoa ei voi avata", "filen kan inte öppnas", "cannot open the file")
        case .dataKeywordMissing: say("DATA= puuttuu", "DATA= saknas", "DATA= is missing")
        case .dataKeywordNotFoundEarly: say("DATA= ei löydy ensimmäisiltä 64 megatavulta", "DATA= finns inte bland de första 64 MB",
                                            "no DATA= in the first 64 MB")
        case .oldBinaryFormat: say("vanha binäärimuoto (.xls tai .doc)", "det gamla binära formatet (.xls eller .doc)",
                                   "the old binary format (.xls or .doc)")
        case .emptyContent: say("tyhjä", "tom", "empty")
        case .textContent: say("tekstiä (esimerkiksi CSV)", "text (till exempel CSV)", "text (CSV, for example)")
        case .binaryContent: say("tunnistamatonta binääridataa", "okända binära data", "unrecognised binary data")
        case .actionText: say("Toimenpide", "Åtgärd", "Action")
        case .theFile: say("Tiedosto", "Filen", "The file")
        case .theFolder: say("Kansio", "Mappen", "The folder")
        }
    }

    /// "1 päivä", "45 päivää", "36 timmar", "1 hour".
    func duration(_ duration: AgeLimit) -> String {
        let one = duration.amount == 1
        let word = switch (language, duration.unit) {
        case (.fi, .days): one ? "päivä" : "päivää"
        case (.fi, .hours): one ? "tunti" : "tuntia"
        case (.sv, .days): one ? "dag" : "dagar"
        case (.sv, .hours): one ? "timme" : "timmar"
        case (.en, .days): one ? "day" : "days"
        case (.en, .hours): one ? "hour" : "hours"
        }
        return "\(duration.amount) \(word)"
    }

    public func severityName(_ severity: Severity) -> String {
        switch (language, severity) {
        case (.fi, .error): "virhe"
        case (.fi, .warning): "varoitus"
        case (.fi, .info): "tieto"
        case (.sv, .error): "fel"
        case (.sv, .warning): "varning"
        case (.sv, .info): "upplysning"
        case (.en, .error): "error"
        case (.en, .warning): "warning"
        case (.en, .info): "note"
        }
    }

    /// A count of findings as the language says it: "1 virhe", "5 virhettä", "5 varningar", "1 error".
    public func count(_ count: Int, _ severity: Severity) -> String {
        let one = count == 1
        let word = switch (language, severity) {
        case (.fi, .error): one ? "virhe" : "virhettä"
        case (.fi, .warning): one ? "varoitus" : "varoitusta"
        case (.fi, .info): one ? "tieto" : "tietoa"
        case (.sv, .error): "fel"
        case (.sv, .warning): one ? "varning" : "varningar"
        case (.sv, .info): one ? "upplysning" : "upplysningar"
        case (.en, .error): one ? "error" : "errors"
        case (.en, .warning): one ? "warning" : "warnings"
        case (.en, .info): one ? "note" : "notes"
        }
        return "\(count) \(word)"
    }

    /// "taulukko" / "table", as locations of document tables are written.
    public var tableWord: String { ReportStrings(language: language).pick("taulukko", "tabell", "table") }

    private func template(_ code: DiagnosticCode) -> String {
        switch language {
        case .fi: finnish(code)
        case .sv: swedish(code)
        case .en: english(code)
        }
    }

    private func finnish(_ code: DiagnosticCode) -> String {
        switch code {
        case .sourceMissing: "Lähdetiedostoa ei löydy: {0}"
        case .sourceUnreadable: "Lähdetiedostoa ei voi lukea: {0}"
        case .sourceEmpty: "Tiedosto on tyhjä."
        case .sourceEncodingFallback: "Tiedosto ei ole UTF-8-muodossa; se luettiin Windows-1252-merkistönä."
        case .sourceLaterPeriod: "Kauden {0} tiedosto on jo kansiossa, mutta raportti tehdään yhä kaudelle {1}. Kun kausi {1} on valmis, avaa kausi {0} (period: asetuksissa)."
        case .sourceUnreadFile: "{1} \"{0}\" on lähdekansiossa, mutta yksikään lähde ei lue sitä, joten sen tiedot eivät ole raportissa. Siirrä se pois kansiosta, tai jos se kuuluu raporttiin, lisää se lähteisiin (sources: asetuksissa)."
        case .sourceStaleInput: "Tiedostoa \"{0}\" on muokattu viimeksi {1} sitten; raja on {2} ({3}). Tarkista, että kansiossa on kauden tuorein taulukko."
        case .sourceInvalidUTF8: "Solussa on merkkejä, jotka eivät ole UTF-8-muodossa; ne korvattiin merkillä �."
        case .sourceMixedEncoding: "Tiedosto on UTF-8-muodossa, mutta tämä rivi ei (sarakkeet {0}); rivi luettiin Windows-1252-merkistönä. Tarkista rivin ä- ja ö-kirjaimet ja tallenna tiedosto uudelleen UTF-8-muodossa."
        case .headerNotFound: "Otsikkoriviltä puuttuu sarake \"{0}\". Löytyneet sarakkeet: {1}"
        case .noDataRows: "Tiedostossa ei ole yhtään toimenpideriviä otsikkorivin jälkeen."
        case .csvUnterminatedQuote: "Lainausmerkki jää sulkematta; tiedoston loppu luettiin tähän soluun. Rivi hylättiin."
        case .csvStrayQuote: "Lainausmerkki keskellä lainaamatonta solua; solu luettiin sellaisenaan."
        case .csvRaggedRow: "Rivillä on {0} saraketta, otsikkorivillä {1}. Rivi hylättiin."
        case .sourceWrongFormat: "Tiedosto ei ole {0}-tiedosto, vaikka sen nimi niin kertoo; sisältö on {1}. Tallenna tiedosto uudelleen oikeassa muodossa."
        case .archiveDamaged: "Tiedosto on vioittunut tai katkennut, eikä sitä voi lukea ({0}). Tallenna tiedosto uudelleen."
        case .archiveUnsafePath: "Tiedostossa on osa, jonka nimi osoittaa tiedoston ulkopuolelle (\"{0}\"). Tiedostoa ei luettu."
        case .archiveTooLarge: "Tiedosto purkautuu yli {0} Mt:n kokoiseksi (osa {1}); raja on asetuksissa (limits.max_expanded_mb). Tiedostoa ei luettu."
        case .archiveMissingPart: "Tiedostosta puuttuu osa {0}; se ei ole {1}-tiedosto tai se on vioittunut."
        case .xmlForbiddenDTD: "Tiedoston osassa {0} on DTD-määrittely (DOCTYPE), jota Office-tiedostoissa ei ole. Tiedostoa ei luettu turvallisuussyistä."
        case .xmlMalformed: "Tiedoston osa {0} ei ole kelvollista XML:ää (rivi {1}: {2}). Tiedostoa ei luettu."
        case .sheetTooLarge: "Solu {0} on sarakerajan {1} ulkopuolella (limits.max_columns). Tiedostoa ei luettu."
        case .sheetBadReference: "Virheellinen soluviittaus \"{0}\". Tiedostoa ei luettu."
        case .sheetNotFound: "Työkirjassa ei ole taulukkoa \"{0}\". Taulukot: {1}"
        case .tableNotFound: "Asiakirjassa ei ole taulukkoa {0}; taulukoita on {1}."
        case .partSkipped: "Ohitettiin: {0} ei sisällä määritettyä otsikkoriviä."
        case .cellFormulaError: "Solun kaava päättyy virheeseen {0}; arvo näytetään sellaisenaan."
        case .nestedTable: "Solun sisällä on sisäkkäinen taulukko; sitä ei luettu."
        case .rowOutsideGoal: "Toimenpiderivi ei kerro, mihin ohjelman kohtaan se kuuluu. Rivi hylättiin."
        case .rowTitle: "Otsikkorivi ennen taulukon ensimmäistä osiota: \"{0}\"; sitä ei luettu toimenpiteeksi."
        case .placeAmbiguous: "{1} \"{0}\" sopii {2} ohjelman kohtaan; lisää riville ylemmän tason tieto. Rivi hylättiin."
        case .placeConflict: "Rivin numero ja nimi viittaavat eri kohtiin: {0} {1} on \"{2}\", mutta \"{3}\" on kohdan {0} {4} nimi. Rivi hylättiin."
        case .groupResponsibleUnknown: "Ohjausryhmän \"{0}\" vastuutahoa \"{1}\" ei ole yhdelläkään toimenpiteellä, joten ryhmän raportista puuttuvat sen toimenpiteet. Lähin taulukon vastuutaho: \"{2}\"."
        case .tagUnknown: "{1} \"{0}\" puuttuu ohjelman luettelosta; linkki jätettiin pois."
        case .partyUnregistered: "Vastuutahoa \"{0}\" ({1} riviä) ei ole vastuutahorekisterissä (parties), joten se ei saa päivityspyyntöä. Lähimmät rekisterin nimet: {2}. Lisää nimi tahon aliaksiin tai uudeksi tahoksi."
        case .answerNotARequest: "Tiedosto ei ole tämän ohjelman päivityspyyntö (piilotettu meta-välilehti puuttuu), joten siitä ei luettu vastauksia."
        case .answerOtherPeriod: "Tiedosto on ohjelman \"{0}\" kauden {1} pyyntö, ei tämän ajon (\"{2}\", {3}); koko tiedosto hylättiin."
        case .answerTamperedID: "Rivin piilotettu tunniste \"{0}\" ja tarkiste \"{1}\" eivät täsmää (tunnistetta tai tarkistetta on muutettu). Vastaus hylättiin."
        case .answerOtherParty: "Rivi \"{0}\" on tahon \"{1}\" pyynnöstä, mutta tiedosto on tahon \"{2}\". Vastaus hylättiin."
        case .answerUnknownRow: "Riviä \"{0}\" ei ole enää kauden taulukossa. Vastaus hylättiin."
        case .answerLockedChanged: "Lukittua solua \"{0}\" on muutettu: taulukossa \"{1}\", vastauksessa \"{2}\". Vastaus hylättiin."
        case .answerCodeUnknown: "\"{0}\" ei ole selitteen etenemiskoodi ({1}). Vastaus hylättiin."
        case .answerTextTooLong: "Tilanneteksti on {0} merkkiä, enintään {1} sallitaan. Vastaus hylättiin."
        case .answerConflict: "Samalle riville on toinen, eri vastaus: {0}. Kumpaakaan ei käytetty; rivi jää avoimeksi."
        case .rowUnrecognised: "Riviä ei tunnistettu otsikko-, osio- eikä toimenpideriviksi: \"{0}\". Rivi hylättiin."
        case .actionMissing: "Toimenpiteen teksti puuttuu. Rivi hylättiin."
        case .actionDuplicate: "Toimenpide \"{0}\" on jo rivillä {1}. Rivi hylättiin."
        case .actionDuplicateID: "Tunniste \"{0}\" on jo rivillä {1}; kahdella toimenpiteellä ei voi olla samaa tunnistetta. Rivi hylättiin."
        case .progressUnknown: "Tuntematon etenemiskoodi \"{0}\"; se näytetään sellaisenaan ja merkitään tarkistettavaksi."
        case .progressMissing: "Etenemiskoodi puuttuu."
        case .statusMissing: "Tilanneteksti puuttuu."
        case .responsibleMissing: "Vastuutaho puuttuu."
        case .goalNumberInvalid: "{1}: \"{0}\" ei kelpaa tämän tason numeroksi. Rivi hylättiin."
        case .goalNotInRegister: "{1} \"{0}\" puuttuu ohjelman rakenteesta. Rivi hylättiin."
        case .goalTitleDiffers: "{3} {0}: nimi poikkeaa ohjelman rakenteesta: taulukossa \"{1}\", rakenteessa \"{2}\"."
        case .themeDiffers: "\"{0}\" poikkeaa ohjelman rakenteesta, jonka mukaan {1} kuuluu kohtaan \"{2}\"."
        case .textTooLong: "Teksti on {0} merkkiä pitkä; taulukkolaskennan solu mahtuu {1} merkkiä. Teksti katkaistiin raporttiin merkkiin {1}."
        case .textControlCharacters: "Tekstissä oli {0} ohjausmerkkiä; ne poistettiin."
        case .textNoncharacters: "Tekstissä oli {0} merkkiä, joita mikään taulukkolaskentaohjelma ei hyväksy (esimerkiksi U+FFFF); ne korvattiin merkillä �."
        case .translationMissing: "Teksti puuttuu {0} ({1}); raportissa näytetään alkuperäinen teksti merkittynä."
        case .statisticsUnreadable: "Tilastotiedostoa ei voi lukea: {0}"
        case .statisticsSyntax: "Tilastotiedosto on rikki (rivi {0}): {1}"
        case .statisticsCellCount: "Tiedostossa on {0} arvoa, mutta taulukon muuttujat ({2}) edellyttävät {1}. Arvoja ei käytetty."
        case .statisticsBadValue: "Arvo \"{0}\" ei ole luku eikä tunnettu puuttuvan tiedon merkki ({1}); se luettiin puuttuvaksi."
        case .statisticsEncodingMismatch: "Tiedosto ilmoittaa merkistökseen {0}, mutta se on {1}; se luettiin merkistönä {1}."
        case .statisticsUnsupported: "Tätä tilastotiedoston muotoa ei tueta: {0}"
        case .statisticsDuplicateCell: "Sama alue ja vuosi on jo rivillä {0}; tämä rivi ohitettiin."
        case .statisticsDuplicateCellsMore: "Lisäksi {0} muuta riviä toistaa aiemman rivin alueen ja vuoden; ne ohitettiin."
        case .statisticsSheetNotFound: "Työkirjassa ei ole taulukkoa \"{0}\". Taulukot: {1}"
        case .statisticsHeaderNotFound: "Otsikkoriviltä ei löydy saraketta {0} eikä vuosia sarakkeina. Löytyneet sarakkeet: {1}. Nimeä arvosarake asetuksella value ja vuosisarake asetuksella time."
        case .indicatorVariableNotFound: "Tiedostossa ei ole muuttujaa \"{0}\". Muuttujat: {1}"
        case .indicatorCodeNotFound: "Muuttujalla \"{1}\" ei ole koodia tai arvoa \"{0}\". Koodeja: {2}"
        case .indicatorSelectionNeeded: "Muuttujalla \"{0}\" on useita arvoja; valitse yksi (select). Koodeja: {1}"
        case .indicatorNoValues: "Mittarille {0} ei löytynyt yhtään arvoa ({1})."
        case .indicatorUnitChanged: "Mittarin {0} yksikkö vaihtuu: \"{1}\" tiedostossa {2}, \"{3}\" tässä tiedostossa."
        case .indicatorTargetBeforeBaseline: "Mittarin {0} tavoitevuosi {1} on ennen lähtötason vuotta {2}."
        case .indicatorBaselineMissing: "Mittarin {0} lähtötason vuodelle {1} ei ole arvoa; anna se asetuksissa (baseline.value)."
        case .indicatorStale: "Mittarin {0} uusin arvo on vuodelta {1}, yli {3} vuotta ennen raportin vuotta {2}."
        case .indicatorValueMissing: "Mittarilta {0} puuttuu arvoja: {1}"
        case .indicatorDuplicateValue: "Mittarilla {0} on kaudelle {1} eri arvo kuin tiedostossa {2}; ensimmäinen arvo käytettiin."
        case .historyUncertainMatch: "Toimenpide tulkittiin samaksi kuin kauden {0} toimenpide \"{1}\" (sanoista yhteisiä {2} %). Tarkista, että kyse on samasta toimenpiteestä."
        }
    }

    private func swedish(_ code: DiagnosticCode) -> String {
        switch code {
        case .sourceMissing: "Källfilen hittas inte: {0}"
        case .sourceUnreadable: "Källfilen kan inte läsas: {0}"
        case .sourceEmpty: "Filen är tom."
        case .sourceEncodingFallback: "Filen är inte i UTF-8; den lästes som Windows-1252."
        case .sourceLaterPeriod: "Filen för period {0} finns redan i mappen, men rapporten görs fortfarande för period {1}. När period {1} är klar, öppna period {0} (period: i inställningarna)."
        case .sourceUnreadFile: "{1} \"{0}\" ligger i källmappen, men ingen källa läser den, så dess uppgifter finns inte i rapporten. Flytta bort den ur mappen, eller lägg till den bland källorna (sources: i inställningarna) om den hör till rapporten."
        case .sourceStaleInput: "Filen \"{0}\" ändrades senast för {1} sedan; gränsen är {2} ({3}). Kontrollera att mappen har periodens senaste tabell."
        case .sourceInvalidUTF8: "Cellen innehåller tecken som inte är UTF-8; de ersattes med �."
        case .sourceMixedEncoding: "Filen är i UTF-8, men inte den här raden (kolumnerna {0}); raden lästes som Windows-1252. Kontrollera radens å, ä och ö och spara filen på nytt i UTF-8."
        case .headerNotFound: "Rubrikraden saknar kolumnen \"{0}\". Kolumner som hittades: {1}"
        case .noDataRows: "Filen har inga åtgärdsrader efter rubrikraden."
        case .csvUnterminatedQuote: "Ett citattecken stängs aldrig; resten av filen lästes in i denna cell. Raden förkastades."
        case .csvStrayQuote: "Ett citattecken mitt i en cell utan citattecken; cellen lästes som den är."
        case .csvRaggedRow: "Raden har {0} kolumner, rubrikraden {1}. Raden förkastades."
        case .sourceWrongFormat: "Filen är ingen {0}-fil fastän namnet säger så; innehållet är {1}. Spara filen på nytt i rätt format."
        case .archiveDamaged: "Filen är skadad eller avbruten och kan inte läsas ({0}). Spara filen på nytt."
        case .archiveUnsafePath: "Filen har en del vars namn pekar utanför filen (\"{0}\"). Filen lästes inte."
        case .archiveTooLarge: "Filen packas upp till över {0} MB (del {1}); gränsen finns i inställningarna (limits.max_expanded_mb). Filen lästes inte."
        case .archiveMissingPart: "Filen saknar delen {0}; den är ingen {1}-fil eller så är den skadad."
        case .xmlForbiddenDTD: "Delen {0} innehåller en DTD-definition (DOCTYPE), vilket Office-filer aldrig har. Filen lästes inte av säkerhetsskäl."
        case .xmlMalformed: "Delen {0} är inte giltig XML (rad {1}: {2}). Filen lästes inte."
        case .sheetTooLarge: "Cellen {0} ligger utanför kolumngränsen {1} (limits.max_columns). Filen lästes inte."
        case .sheetBadReference: "Ogiltig cellreferens \"{0}\". Filen lästes inte."
        case .sheetNotFound: "Arbetsboken har inget blad \"{0}\". Blad: {1}"
        case .tableNotFound: "Dokumentet har ingen tabell {0}; det har {1}."
        case .partSkipped: "Hoppades över: {0} har ingen rad med de angivna rubrikerna."
        case .cellFormulaError: "Cellens formel slutar i felet {0}; värdet visas som det är."
        case .nestedTable: "I cellen finns en inbäddad tabell; den lästes inte."
        case .rowOutsideGoal: "Åtgärdsraden anger inte var i programmet den hör hemma. Raden förkastades."
        case .rowTitle: "En rubrikrad före tabellens första avsnitt: \"{0}\"; den lästes inte som en åtgärd."
        case .placeAmbiguous: "{1} \"{0}\" passar {2} delar av programmet; ange den övre nivån på raden. Raden förkastades."
        case .placeConflict: "Radens nummer och namn pekar på olika delar: {0} {1} är \"{2}\", men \"{3}\" är namnet på {0} {4}. Raden förkastades."
        case .groupResponsibleUnknown: "Styrgruppens \"{0}\" ansvariga \"{1}\" anges inte för någon åtgärd, så gruppens rapport saknar dess åtgärder. Närmaste ansvariga i tabellen: \"{2}\"."
        case .tagUnknown: "{1} \"{0}\" finns inte i programmets förteckning; länken utelämnades."
        case .partyUnregistered: "Den ansvariga \"{0}\" ({1} rader) finns inte i registret över ansvariga (parties), så den får ingen uppdateringsbegäran. Närmaste namn i registret: {2}. Lägg till namnet som alias eller som ny ansvarig."
        case .answerNotARequest: "Filen är inte en uppdateringsbegäran för detta program (det dolda bladet meta saknas), så inga svar lästes ur den."
        case .answerOtherPeriod: "Filen är en begäran för programmet \"{0}\" period {1}, inte för denna körning (\"{2}\", {3}); hela filen förkastades."
        case .answerTamperedID: "Radens dolda id \"{0}\" och kontrollsumma \"{1}\" stämmer inte överens (id:t eller kontrollsumman har ändrats). Svaret förkastades."
        case .answerOtherParty: "Raden \"{0}\" hör till begäran för \"{1}\", men filen är för \"{2}\". Svaret förkastades."
        case .answerUnknownRow: "Raden \"{0}\" finns inte längre i periodens tabell. Svaret förkastades."
        case .answerLockedChanged: "Den låsta cellen \"{0}\" har ändrats: i tabellen \"{1}\", i svaret \"{2}\". Svaret förkastades."
        case .answerCodeUnknown: "\"{0}\" är ingen framstegskod i förklaringen ({1}). Svaret förkastades."
        case .answerTextTooLong: "Lägestexten har {0} tecken, högst {1} tillåts. Svaret förkastades."
        case .answerConflict: "Samma rad har ett annat, avvikande svar: {0}. Inget av dem användes; raden förblir öppen."
        case .rowUnrecognised: "Raden är varken en rubrik-, avsnitts- eller åtgärdsrad: \"{0}\". Raden förkastades."
        case .actionMissing: "Åtgärdens text saknas. Raden förkastades."
        case .actionDuplicate: "Åtgärden \"{0}\" finns redan på rad {1}. Raden förkastades."
        case .actionDuplicateID: "Id:t \"{0}\" finns redan på rad {1}; två åtgärder kan inte ha samma id. Raden förkastades."
        case .progressUnknown: "Okänd framstegskod \"{0}\"; den visas som den är och markeras för kontroll."
        case .progressMissing: "Framstegskoden saknas."
        case .statusMissing: "Lägestexten saknas."
        case .responsibleMissing: "Ansvarig saknas."
        case .goalNumberInvalid: "{1}: \"{0}\" duger inte som nummer på denna nivå. Raden förkastades."
        case .goalNotInRegister: "{1} \"{0}\" finns inte i programmets struktur. Raden förkastades."
        case .goalTitleDiffers: "{3} {0}: namnet avviker från programmets struktur: i tabellen \"{1}\", i strukturen \"{2}\"."
        case .themeDiffers: "\"{0}\" avviker från programmets struktur, enligt vilken {1} hör till \"{2}\"."
        case .textTooLong: "Texten är {0} tecken lång; en kalkylbladscell rymmer {1}. I rapporten avkortades texten till {1} tecken."
        case .textControlCharacters: "Texten innehöll {0} styrtecken; de togs bort."
        case .textNoncharacters: "Texten innehöll {0} tecken som inget kalkylprogram godtar (till exempel U+FFFF); de ersattes med �."
        case .translationMissing: "Text på {0} saknas ({1}); rapporten visar originaltexten, markerad."
        case .statisticsUnreadable: "Statistikfilen kan inte läsas: {0}"
        case .statisticsSyntax: "Statistikfilen är skadad (rad {0}): {1}"
        case .statisticsCellCount: "Filen har {0} värden, men tabellens variabler ({2}) kräver {1}. Värdena användes inte."
        case .statisticsBadValue: "Värdet \"{0}\" är varken ett tal eller ett känt tecken för saknad uppgift ({1}); det lästes som saknat."
        case .statisticsEncodingMismatch: "Filen anger teckenkodningen {0}, men den är {1}; den lästes som {1}."
        case .statisticsUnsupported: "Denna form av statistikfil stöds inte: {0}"
        case .statisticsDuplicateCell: "Samma område och år finns redan på rad {0}; denna rad hoppades över."
        case .statisticsDuplicateCellsMore: "Dessutom upprepar {0} andra rader området och året från en tidigare rad; de hoppades över."
        case .statisticsSheetNotFound: "Arbetsboken har inget blad \"{0}\". Blad: {1}"
        case .statisticsHeaderNotFound: "Rubrikraden saknar kolumnen {0} och har inga år som kolumner. Kolumner som hittades: {1}. Ange värdekolumnen med value och årskolumnen med time."
        case .indicatorVariableNotFound: "Filen har ingen variabel \"{0}\". Variabler: {1}"
        case .indicatorCodeNotFound: "Variabeln \"{1}\" har ingen kod eller värde \"{0}\". Koder: {2}"
        case .indicatorSelectionNeeded: "Variabeln \"{0}\" har flera värden; välj ett (select). Koder: {1}"
        case .indicatorNoValues: "Inga värden hittades för indikatorn {0} ({1})."
        case .indicatorUnitChanged: "Enheten för indikatorn {0} byts: \"{1}\" i filen {2}, \"{3}\" i denna fil."
        case .indicatorTargetBeforeBaseline: "Indikatorn {0}s målår {1} ligger före utgångsnivåns år {2}."
        case .indicatorBaselineMissing: "Indikatorn {0} saknar värde för utgångsnivåns år {1}; ange det i inställningarna (baseline.value)."
        case .indicatorStale: "Indikatorn {0}s senaste värde är från {1}, mer än {3} år före rapportens år {2}."
        case .indicatorValueMissing: "Indikatorn {0} saknar värden: {1}"
        case .indicatorDuplicateValue: "Indikatorn {0} har för perioden {1} ett annat värde än i filen {2}; det första värdet användes."
        case .historyUncertainMatch: "Åtgärden tolkades som samma som period {0}s åtgärd \"{1}\" ({2} % av orden gemensamma). Kontrollera att det är samma åtgärd."
        }
    }

    private func english(_ code: DiagnosticCode) -> String {
        switch code {
        case .sourceMissing: "Source file not found: {0}"
        case .sourceUnreadable: "Source file cannot be read: {0}"
        case .sourceEmpty: "The file is empty."
        case .sourceEncodingFallback: "The file is not UTF-8; it was read as Windows-1252."
        case .sourceLaterPeriod: "The file of period {0} is already in the folder, but the report is still made for period {1}. When period {1} is done, open period {0} (period: in the configuration)."
        case .sourceUnreadFile: "{1} \"{0}\" is in the source folder, but no source reads it, so what it holds is not in the report. Move it out of the folder, or add it to the sources (sources: in the configuration) if it belongs in the report."
        case .sourceStaleInput: "The file \"{0}\" was last changed {1} ago; the limit is {2} ({3}). Check that the folder has the period's latest table."
        case .sourceInvalidUTF8: "The cell holds bytes that are not UTF-8; they were replaced with �."
        case .sourceMixedEncoding: "The file is UTF-8, but this row is not (columns {0}); the row was read as Windows-1252. Check its letters such as ä and ö, and save the file again as UTF-8."
        case .headerNotFound: "The header row has no column \"{0}\". Columns found: {1}"
        case .noDataRows: "The file has no action rows after the header row."
        case .csvUnterminatedQuote: "A quote is never closed; the rest of the file was read into this cell. Row rejected."
        case .csvStrayQuote: "A quote in the middle of an unquoted cell; the cell was read as written."
        case .csvRaggedRow: "The row has {0} columns, the header row {1}. Row rejected."
        case .sourceWrongFormat: "The file is not a {0} file although its name says so; its content is {1}. Save it again in the right format."
        case .archiveDamaged: "The file is damaged or cut short and cannot be read ({0}). Save it again."
        case .archiveUnsafePath: "The file has a part whose name points outside the file (\"{0}\"). The file was not read."
        case .archiveTooLarge: "The file expands past {0} MB (part {1}); the limit is in the configuration (limits.max_expanded_mb). The file was not read."
        case .archiveMissingPart: "The file has no part {0}; it is not a {1} file or it is damaged."
        case .xmlForbiddenDTD: "The part {0} declares a DTD (DOCTYPE), which Office files never do. The file was not read, for safety."
        case .xmlMalformed: "The part {0} is not well-formed XML (line {1}: {2}). The file was not read."
        case .sheetTooLarge: "The cell {0} lies past the column limit {1} (limits.max_columns). The file was not read."
        case .sheetBadReference: "Invalid cell reference \"{0}\". The file was not read."
        case .sheetNotFound: "The workbook has no sheet \"{0}\". Sheets: {1}"
        case .tableNotFound: "The document has no table {0}; it has {1}."
        case .partSkipped: "Skipped: {0} has no row with the configured headers."
        case .cellFormulaError: "The cell's formula ends in the error {0}; the value is shown as written."
        case .nestedTable: "A table is nested inside this cell; it was not read."
        case .rowOutsideGoal: "The action row does not say where in the programme it belongs. Row rejected."
        case .rowTitle: "A title row before the table's first section: \"{0}\"; not read as an action."
        case .placeAmbiguous: "{1} \"{0}\" fits {2} parts of the programme; give the level above on the row. Row rejected."
        case .placeConflict: "The row's number and title name different items: {0} {1} is \"{2}\", but \"{3}\" is the title of {0} {4}. Row rejected."
        case .groupResponsibleUnknown: "The steering group \"{0}\" follows the responsible party \"{1}\", which no action names, so its actions are missing from the group's report. The closest party in the table: \"{2}\"."
        case .tagUnknown: "{1} \"{0}\" is not in the programme's list; the link was left out."
        case .partyUnregistered: "The responsible party \"{0}\" ({1} rows) is not in the parties register, so it gets no update request. The closest registered names: {2}. Add the name to a party's aliases or as a new party."
        case .answerNotARequest: "The file is not an update request of this programme (the hidden meta sheet is missing), so no answers were read from it."
        case .answerOtherPeriod: "The file is a request of programme \"{0}\" for period {1}, not of this run (\"{2}\", {3}); the whole file was refused."
        case .answerTamperedID: "The row's hidden id \"{0}\" and checksum \"{1}\" do not match (the id or the checksum was edited). Answer refused."
        case .answerOtherParty: "The row \"{0}\" is from the request of \"{1}\", but the file is that of \"{2}\". Answer refused."
        case .answerUnknownRow: "The row \"{0}\" is no longer in the period's table. Answer refused."
        case .answerLockedChanged: "The locked cell \"{0}\" was changed: the table says \"{1}\", the answer \"{2}\". Answer refused."
        case .answerCodeUnknown: "\"{0}\" is not a progress code of the legend ({1}). Answer refused."
        case .answerTextTooLong: "The status text has {0} characters; at most {1} are allowed. Answer refused."
        case .answerConflict: "The same row has another, different answer: {0}. Neither was used; the row stays open."
        case .rowUnrecognised: "The row is neither a title, a section nor an action row: \"{0}\". Row rejected."
        case .actionMissing: "The action text is missing. Row rejected."
        case .actionDuplicate: "The action \"{0}\" is already on row {1}. Row rejected."
        case .actionDuplicateID: "The id \"{0}\" is already on row {1}; two actions cannot share an id. Row rejected."
        case .progressUnknown: "Unknown progress code \"{0}\"; shown as written and flagged for checking."
        case .progressMissing: "The progress code is missing."
        case .statusMissing: "The status text is missing."
        case .responsibleMissing: "The responsible party is missing."
        case .goalNumberInvalid: "{1}: \"{0}\" is not a number of this level. Row rejected."
        case .goalNotInRegister: "{1} \"{0}\" is not in the programme's structure. Row rejected."
        case .goalTitleDiffers: "{3} {0}: the title differs from the programme's structure: the table says \"{1}\", the structure \"{2}\"."
        case .themeDiffers: "\"{0}\" differs from the programme's structure, where {1} belongs to \"{2}\"."
        case .textTooLong: "The text is {0} characters long; a spreadsheet cell holds {1}. The report has it cut to {1} characters."
        case .textControlCharacters: "The text held {0} control characters; they were removed."
        case .textNoncharacters: "The text held {0} characters no spreadsheet program accepts (U+FFFF, for example); they were replaced with �."
        case .translationMissing: "The {0} text is missing ({1}); the report shows the original text, marked."
        case .statisticsUnreadable: "The statistics file cannot be read: {0}"
        case .statisticsSyntax: "The statistics file is damaged (line {0}): {1}"
        case .statisticsCellCount: "The file has {0} values, but the table's variables ({2}) need {1}. The values were not used."
        case .statisticsBadValue: "The value \"{0}\" is neither a number nor a known missing-value symbol ({1}); it was read as missing."
        case .statisticsEncodingMismatch: "The file declares the encoding {0} but is {1}; it was read as {1}."
        case .statisticsUnsupported: "This kind of statistics file is not supported: {0}"
        case .statisticsDuplicateCell: "The same area and year are already on row {0}; this row was skipped."
        case .statisticsDuplicateCellsMore: "{0} more rows repeat the area and year of an earlier row; they were skipped."
        case .statisticsSheetNotFound: "The workbook has no sheet \"{0}\". Sheets: {1}"
        case .statisticsHeaderNotFound: "The header row has no column {0} and no years as columns. Columns found: {1}. Name the value column with value and the year column with time."
        case .indicatorVariableNotFound: "The file has no variable \"{0}\". Variables: {1}"
        case .indicatorCodeNotFound: "The variable \"{1}\" has no code or value \"{0}\". Codes: {2}"
        case .indicatorSelectionNeeded: "The variable \"{0}\" has several values; choose one (select). Codes: {1}"
        case .indicatorNoValues: "No values were found for the indicator {0} ({1})."
        case .indicatorUnitChanged: "The unit of the indicator {0} changes: \"{1}\" in {2}, \"{3}\" in this file."
        case .indicatorTargetBeforeBaseline: "The indicator {0}'s target year {1} is before its baseline year {2}."
        case .indicatorBaselineMissing: "The indicator {0} has no value for its baseline year {1}; give it in the settings (baseline.value)."
        case .indicatorStale: "The indicator {0}'s latest value is from {1}, more than {3} years before the report's year {2}."
        case .indicatorValueMissing: "The indicator {0} lacks values: {1}"
        case .indicatorDuplicateValue: "The indicator {0} has a different value for {1} than in {2}; the first value was used."
        case .historyUncertainMatch: "The action was taken to be period {0}'s action \"{1}\" ({2} % of the words shared). Check that it is the same action."
        }
    }
}

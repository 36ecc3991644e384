import Foundation
import Testing
@testable import TilanneCore

/// Every label and message Tilanne writes exists in Finnish, Swedish and English. A label left
/// untranslated (copied from another language) fails here; one left out does not compile.
@Suite("Localization: Finnish, Swedish, English")
struct LocalizationTests {
    static let labels: [(String, @Sendable (ReportStrings) -> String)] = [
        ("statusSheet", \.statusSheet), ("summarySheet", \.summarySheet), ("checksSheet", \.checksSheet),
        ("programmeLevel", \.programmeLevel), ("allProgrammesTotal", \.allProgrammesTotal), ("tagsTitle", \.tagsTitle), ("action", \.action), ("projects", \.projects),
        ("responsible", \.responsible), ("progress", \.progress), ("progressLabel", \.progressLabel), ("source", \.source),
        ("legend", \.legend), ("checkFlag", \.checkFlag),
        ("unknownCodesColumn", \.unknownCodesColumn), ("missingColumn", \.missingColumn), ("total", \.total),
        ("programmePart", \.programmePart), ("count", \.count), ("share", \.share), ("noActions", \.noActions),
        ("summaryTitle", \.summaryTitle), ("chartTitle", \.chartTitle),
        ("checkSubject", \.checkSubject), ("rejectedRow", \.rejectedRow), ("severity", \.severity), ("message", \.message), ("file", \.file),
        ("row", \.row), ("column", \.column), ("content", \.content), ("noFindings", \.noFindings),
        ("page", \.page), ("contents", \.contents),
        ("changesSheet", \.changesSheet), ("updatesSheet", \.updatesSheet), ("noResponsible", \.noResponsible),
        ("noChanges", \.noChanges), ("noUpdates", \.noUpdates), ("changeKindColumn", \.changeKindColumn),
        ("progressBefore", \.progressBefore), ("progressNow", \.progressNow), ("directionColumn", \.directionColumn),
        ("statusUpdated", \.statusUpdated), ("previousWording", \.previousWording), ("statusBefore", \.statusBefore),
        ("reasonColumn", \.reasonColumn), ("yes", \.yes),
        ("statusColumn", { $0.statusColumn("1/2024") }), ("numberColumn", { $0.numberColumn("Tavoite") }),
        ("reportTitle", { $0.reportTitle("", "1/2024") }), ("changeColumn", { $0.changeColumn("2/2023") }),
        ("changesTitle", { $0.changesTitle("2/2023", "1/2024") }), ("updatesTitle", { $0.updatesTitle("1/2024") }),
        ("accounting", { $0.accounting(RowAccounting(rowsIn: 3, reported: 1, rejected: 1, structure: 1, blank: 0)) }),
        ("changeCounts", { $0.changeCounts(ChangeCounts()) }),
        ("staleReason", { $0.staleReason(StaleNote(reasons: [.statusUnchanged, .noInformation], unchangedPeriods: 2, unchangedSince: "2/2023")) }),
        ("noInformation", \.noInformation), ("coordinatorSuffix", \.coordinatorSuffix), ("exampleFigure", \.exampleFigure),
        ("exampleFigures", \.exampleFigures), ("exampleTargetNote", \.exampleTargetNote),
        ("datesLine", { $0.datesLine(report: "2026-12-02", data: "2026-12-01") ?? "" }),
        ("chartSheet", \.chartSheet), ("dataSheet", \.dataSheet), ("noDataSheet", { $0.noDataSheet(over: 20_000) }),
    ]

    @Test("Every report label differs between Finnish, Swedish and English", arguments: labels.map(\.0))
    func label(_ name: String) throws {
        let label = try #require(Self.labels.first { $0.0 == name }?.1)
        let fi = label(ReportStrings(language: .fi)), sv = label(ReportStrings(language: .sv)), en = label(ReportStrings(language: .en))
        #expect(!sv.isEmpty)
        #expect(sv != fi, "\(name): the Swedish label is the Finnish one: \(sv)")
        #expect(sv != en || ["Status", "Data"].contains(sv), "\(name): the Swedish label is the English one: \(sv)")
    }

    @Test("The dates under a council edition's title are written as the reader writes a date")
    func datesLine() {
        #expect(ReportStrings(language: .fi).datesLine(report: "2026-12-02", data: "2026-11-30")
                == "Raportti laadittu 2.12.2026. Tiedot 30.11.2026 (uusimman lähdetiedoston muutospäivä).")
        #expect(ReportStrings(language: .sv).date("2026-12-02") == "2.12.2026")
        #expect(ReportStrings(language: .en).date("2026-12-02") == "2 December 2026")
        #expect(ReportStrings(language: .fi).datesLine(report: nil, data: nil) == nil)
    }

    @Test("A large workbook says it has no data sheet, naming the sheet and the limit as the reader writes them")
    func noDataSheet() {
        #expect(ReportStrings(language: .fi).noDataSheet(over: 20_000) == "Raportissa on yli 20\u{a0}000 toimenpidettä, "
                + "joten työkirjassa ei ole Tiedot-välilehteä: yhteenvedon luvut ovat arvoja, eivät kaavoja.")
        #expect(ReportStrings(language: .sv).noDataSheet(over: 20_000) == "Rapporten har över 20\u{a0}000 åtgärder och "
                + "därför saknar arbetsboken bladet Data: talen i sammandraget är värden, inte formler.")
        #expect(ReportStrings(language: .en).noDataSheet(over: 20_000) == "The report has more than 20,000 actions, so "
                + "the workbook has no Data sheet: the summary's figures are values, not formulas.")
    }

    @Test("Every finding's message exists in all three languages, with the same placeholders")
    func messages() {
        for code in DiagnosticCode.allCases {
            let arguments: [DiagnosticArgument] = ["A", "B", "C"]
            let texts = ReportLanguage.allCases.map { MessageCatalogue(language: $0).message(code, arguments) }
            #expect(Set(texts).count == 3, "\(code.rawValue): \(texts)")
            let template = MessageCatalogue(language: .fi).message(code, ["{0}", "{1}", "{2}"])
            for language in ReportLanguage.allCases {
                let used = (0..<3).filter { MessageCatalogue(language: language).message(code, ["{0}", "{1}", "{2}"]).contains("{\($0)}") }
                let expected = (0..<3).filter { template.contains("{\($0)}") }
                #expect(used == expected, "\(code.rawValue) in \(language.rawValue) uses placeholders \(used), Finnish \(expected)")
            }
            for language in ReportLanguage.allCases {
                #expect(!MessageCatalogue(language: language).severityName(code.defaultSeverity).isEmpty)
            }
        }
    }

    @Test("Numbers and booleans as a Swedish reader writes them")
    func swedishNumbers() {
        #expect(ReportStrings(language: .sv).percent(0.6623) == "66,2\u{00A0}%")
        #expect(ReportStrings(language: .fi).number(1_234_567) == "1\u{00A0}234\u{00A0}567")
        #expect(ReportStrings(language: .en).number(1_001) == "1,001")
        #expect(ReportStrings(language: .fi).number(999) == "999")
        #expect(NumberText.text(7.8, language: .sv) == "7,8")
        #expect(ReportVariant.changes.suffix(.sv) == "-forandringar")
    }

    @Test("A source with Swedish columns: the Swedish report uses them; a row without is marked and flagged")
    func bilingualSource() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("kaksikielinen.csv")
        let header = TestSupport.flatHeader + ["Toimenpide på svenska", "Läge på svenska"]
        try TestSupport.writeFlatCSV([
            TestSupport.actionRow() + ["Utveckling av inflyttningstjänster", "Webbplatsen är i bruk."],
            TestSupport.actionRow([4: "Osaajien rekrytoinnin tuki", 8: "Jatkuu."]) + ["", ""],
        ], to: file, header: header)
        var config = try TestSupport.config(reading: file)
        config.languages = [.fi, .sv]
        config.sources[0].translatedColumns = [.sv: [.action: "Toimenpide på svenska", .status: "Läge på svenska"]]
        let pipeline = Pipeline(config: config)
        let finnish = pipeline.report(from: pipeline.check())
        #expect(finnish.allActions.map(\.action) == ["Muuttajapalvelujen kehittäminen", "Osaajien rekrytoinnin tuki"])
        let swedish = finnish.translated(to: .sv, config: config)
        let actions = swedish.allActions
        #expect(actions[0].action == "Utveckling av inflyttningstjänster")
        #expect(actions[0].status == "Webbplatsen är i bruk.")
        #expect(actions[0].untranslated == nil)
        #expect(actions[1].untranslated == [.action, .status])
        #expect(swedish.shown(actions[1], .action) == "[på finska] Osaajien rekrytoinnin tuki")
        let missing = swedish.diagnostics.filter { $0.code == .translationMissing }
        #expect(missing.map(\.location?.row) == [3])
    }

    @Test("Columns in another language are configured as field_language")
    func translatedColumnKeys() throws {
        let shipped = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/tilanne.yml"), encoding: .utf8)
        let text = shipped.replacingOccurrences(of: "      status: Tilanne {period}\n",
                                                with: "      status: Tilanne {period}\n      action_sv: Åtgärd\n      status_sv: Läge {period}\n")
        let config = try ConfigLoader.parse(text, file: "tilanne.yml", baseDirectory: TestSupport.repositoryRoot.appendingPathComponent("Config"))
        #expect(config.sources[0].translatedColumns[.sv] == [.action: "Åtgärd", .status: "Läge 1/2024"])
        #expect(config.reportLanguages == [.fi, .sv])
        // The legend is part of every report's labels: a Swedish report needs each code's Swedish label.
        let programme = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/kasvava-kuopio-ohjelma.yml"), encoding: .utf8)
        let folder = try TestSupport.temporaryFolder()
        try programme.replacingOccurrences(of: "    label_sv: Har inte framskridit\n", with: "")
            .write(to: folder.appendingPathComponent("kasvava-kuopio-ohjelma.yml"), atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(shipped, file: "tilanne.yml", baseDirectory: folder) }
    }
}

extension LocalizationTests {
    @Test("An argument's own braces are never read as placeholders")
    func argumentsAreText() {
        let catalogue = MessageCatalogue(language: .fi)
        let finding = Diagnostic(code: .statisticsUnreadable, location: nil, arguments: ["solu {1} {0}"], subject: .indicator("tyollisyys"))
        #expect(catalogue.message(finding) == "Mittari tyollisyys: Tilastotiedostoa ei voi lukea: solu {1} {0}")
        #expect(catalogue.message(.statisticsUnreadable, ["ei voi avata"]) == "Tilastotiedostoa ei voi lukea: ei voi avata")
        #expect(catalogue.message(.headerNotFound, ["{1}", "\"A\""]) == "Otsikkoriviltä puuttuu sarake \"{1}\". Löytyneet sarakkeet: \"A\"")
    }
}

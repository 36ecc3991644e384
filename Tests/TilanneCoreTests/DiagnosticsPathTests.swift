import Foundation
import Testing
@testable import TilanneCore

/// One diagnostics path: the stages record typed facts, the policy judges them once after every
/// stage, the edges write them in their reader's language.
@Suite("Diagnostics: one path from the stages to the reader")
struct DiagnosticsPathTests {
    @Test("The Kuopio table gives exactly its ten findings, and no other")
    func kuopioExactly() throws {
        let config = try TestSupport.kuopioConfig()
        let judged = Pipeline(config: config).judged(TestSupport.check(config))
        #expect(ExpectedFindings.keys(judged.diagnostics) == [
            "goal.title-differs@16", "responsible.missing@45", "status.missing@46", "status.missing@47",
            "progress.unknown-code@52", "progress.unknown-code@53", "status.missing@54", "progress.unknown-code@55",
            "responsible.missing@56", "goal.title-differs@66",
        ])
        #expect(judged.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test("A severity override reaches a finding made in the indicators' stages")
    func overrideReachesIndicatorFindings() throws {
        var config = try IndicatorTests.config(IndicatorTests.population(path: "../Input/mittarit/ei-ole.px"))
        config.validation = ValidationPolicy(failOn: .warning, severity: [.statisticsUnreadable: .info])
        let pipeline = Pipeline(config: config)
        let judged = pipeline.judged(TestSupport.check(config)).diagnostics
        let unreadable = judged.filter { $0.code == .statisticsUnreadable }
        #expect(unreadable.map(\.severity) == [.info])
        // The table's own ten warnings still fail under fail_on: warning; the file alone would not.
        #expect(pipeline.policy.fails(judged))
        #expect(!pipeline.policy.fails(unreadable))
        // indicator.duplicate-value, made by the indicator normaliser, goes the same way.
        let policy = DiagnosticPolicy(severityOverrides: [.indicatorDuplicateValue: .info], failOn: .warning)
        let duplicate = Diagnostic(code: .indicatorDuplicateValue, location: SourceLocation(file: "a.px"),
                                   arguments: ["vakiluku", "2023", "b.px"], subject: .indicator("vakiluku"))
        #expect(policy.judged([duplicate]).map(\.severity) == [.info])
    }

    @Test("A missing statistics file: Swedish throughout in the Swedish edition, and the indicator named")
    func swedishThroughout() throws {
        let config = try IndicatorTests.config(IndicatorTests.population(path: "../Input/mittarit/ei-ole.px"))
        let findings = TestSupport.check(config).diagnostics.filter { $0.code == .statisticsUnreadable }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.subject == .indicator("vakiluku"))
        #expect(finding.message(.sv) == "Indikator vakiluku: Statistikfilen kan inte läsas: filen finns inte")
        #expect(finding.message(.fi) == "Mittari vakiluku: Tilastotiedostoa ei voi lukea: tiedostoa ei löydy")
    }

    @Test("A level's name in a finding is the reader's: Tavoite in Finnish, Mål in Swedish")
    func levelNamesPerLanguage() throws {
        let config = try TestSupport.kuopioConfig()
        let finding = try #require(TestSupport.check(config).diagnostics.first { $0.code == .goalTitleDiffers })
        #expect(finding.message(.fi).hasPrefix("Tavoite 3: nimi poikkeaa"))
        #expect(finding.message(.sv).hasPrefix("Mål 3: namnet avviker"))
    }

    @Test("translation.missing raised to error fails the run before anything is published")
    func translationFindingsAreJudged() throws {
        var config = try TestSupport.kuopioConfig()
        config.validation.severity = [.translationMissing: .error]
        let pipeline = Pipeline(config: config)
        let report = pipeline.judge(pipeline.report(from: TestSupport.check(config)))
        #expect(report.failsPolicy)
        #expect(report.findings.filter { $0.code == .translationMissing }.count == 77)
        #expect(report.findings.filter { $0.code == .translationMissing }.allSatisfy { $0.severity == .error })
        // The Finnish edition lists the run's findings; the Swedish one its own missing translations as well.
        #expect(report.editions.map(\.language) == [.fi, .sv])
        #expect(report.editions[0].diagnostics.count == 10 && report.editions[1].diagnostics.count == 87)
    }

    @Test("Counts as the languages say them")
    func countGrammar() {
        let fi = MessageCatalogue(language: .fi), sv = MessageCatalogue(language: .sv), en = MessageCatalogue(language: .en)
        #expect([fi.count(1, .error), fi.count(38, .error), fi.count(5, .warning), fi.count(1, .warning)]
                == ["1 virhe", "38 virhettä", "5 varoitusta", "1 varoitus"])
        #expect([sv.count(1, .warning), sv.count(5, .warning), sv.count(2, .error)] == ["1 varning", "5 varningar", "2 fel"])
        #expect([en.count(1, .error), en.count(2, .error)] == ["1 error", "2 errors"])
    }

    @Test("Findings as JSON: typed arguments round-trip")
    func argumentsRoundTrip() throws {
        let finding = Diagnostic(code: .goalNotInRegister, location: SourceLocation(file: "x.csv", row: 3),
                                 arguments: ["14", .names([.fi: "Tavoite", .sv: "Mål"]), .count(2), .phrase(.fileNotFound),
                                             .language(.sv), .documentTable(2)],
                                 subject: .indicator("vakiluku"))
        let data = try StableJSON.encode(finding)
        #expect(try JSONDecoder().decode(Diagnostic.self, from: data) == finding)
        #expect(String(decoding: data, as: UTF8.self).contains("\"14\""))
    }
}

extension DiagnosticsPathTests {
    @Test("Figures no Int holds are written, not a crash (an indicator value of 1e20 stopped the run with SIGILL)")
    func hugeFigures() {
        let fi = ReportStrings(language: .fi), en = ReportStrings(language: .en)
        #expect(fi.decimal(1e20, decimals: 1) == "100\u{00A0}000\u{00A0}000\u{00A0}000\u{00A0}000\u{00A0}000\u{00A0}000")
        #expect(en.decimal(-1e20, decimals: 0) == "-100,000,000,000,000,000,000")
        #expect(fi.decimal(.infinity, decimals: 1) == "∞" && fi.decimal(.nan, decimals: 1) == "–")
        #expect(fi.decimal(1234.5, decimals: 1) == "1\u{00A0}234,5")
        #expect(fi.decimal(1e308, decimals: 2).count > 300)
    }
}

extension DiagnosticsPathTests {
    @Test("A table of repeated rows: twenty located findings and one that counts the rest (80,000 findings took 13 s)")
    func repeatedRowsCounted() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("toistot.csv")
        let rows = ["Alue;Vuosi;Arvo"] + Array(repeating: "Kuopio;2023;10,5", count: 5_001)
        try Data(rows.joined(separator: "\r\n").utf8).write(to: file)
        let cube = LongTableReader(file: "toistot.csv", limits: .default, language: .fi)
            .read(file, columns: ["Alue"], timeColumn: "Vuosi", valueColumn: "Arvo", sheet: nil)
        #expect(ExpectedFindings.keys(cube.diagnostics)
                == (3...22).map { "statistics.duplicate-cell@\($0)" } + ["statistics.duplicate-cells-more@-"])
        #expect(cube.diagnostics.last?.message(.fi) == "Lisäksi 4980 muuta riviä toistaa aiemman rivin alueen ja vuoden; ne ohitettiin.")
    }
}

extension DiagnosticsPathTests {
    @Test("A chart's alternative text past libxlsxwriter's attribute buffer is cut at a character, so the workbook reads back")
    func longChartDescription() throws {
        var config = try TestSupport.kuopioConfig()
        let folder = try TestSupport.temporaryFolder()
        config.outputs.folder = folder.path
        var model = Pipeline(config: config).report(from: TestSupport.check(config))
        // A period written as 1,000 dashes (as a damaged statistics file gave) makes a trend
        // description of some 3,000 bytes, cut by the library inside a dash.
        let index = try #require(model.indicators?.firstIndex { $0.series.contains { $0.value != nil } })
        var indicator = try #require(model.indicators?[index])
        let first = try #require(indicator.series.firstIndex { $0.value != nil })
        indicator.series[first].period = String(repeating: "–", count: 1_000)
        model.indicators?[index] = indicator
        let written = try Pipeline(config: config).publish(model, formats: [.xlsx])
        #expect(written.count == 3) // Finnish, Swedish, the coordinator's
    }
}

extension DiagnosticsPathTests {
    @Test("A duplicate key in a file with old Mac line ends (CR only) is a configuration error, not a crash")
    func duplicateKeyWithCarriageReturns() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("tilanne.yml")
        try Data("programme_file: ohjelma.yml\rperiod: \"1/2024\"\rperiod: \"2/2024\"\r".utf8).write(to: file)
        #expect(throws: ConfigError.self) { try ConfigLoader.load(from: file) }
        do {
            _ = try ConfigLoader.load(from: file)
        } catch let error as ConfigError {
            #expect(error.keyPath == "period" && error.line == 3, "\(error)")
        }
    }
}

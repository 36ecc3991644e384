import Foundation
import Testing
@testable import TilanneCore

/// The Kuopio report's indicators from the files in Input/mittarit (PX, JSON-stat, Sotkanet
/// CSV, a coordinator's workbook and a real StatFin PX): values, status, and the findings a
/// coordinator gets for a wrong selection, a changed unit or impossible years.
@Suite("Indicators: series, status and findings")
struct IndicatorTests {
    static func kuopio() throws -> (ValidatedProgramme, ReportModel) { TestSupport.model(try TestSupport.kuopioConfig()) }

    static func indicator(_ model: ReportModel, _ id: String) -> IndicatorReport? { model.indicators?.first { $0.id == id } }

    @Test("Population from the PX file: baseline 2019, latest 2023, share of the way to 130 000")
    func population() throws {
        let (programme, model) = try Self.kuopio()
        let report = try #require(Self.indicator(model, "vakiluku"), "\(programme.diagnostics.filter { $0.code.rawValue.contains("indic") || $0.code.rawValue.contains("stat") }.map { $0.message(.fi) })")
        #expect(report.baseline?.value == 119282 && report.baseline?.year == 2019)
        #expect(report.latest?.value == 124025 && report.latest?.period == "2023")
        #expect(report.change == 4743)
        #expect(report.unit == "henkilöä")
        let progress = try #require(report.progress)
        #expect(abs(progress - 4743.0 / 10718.0) < 1e-6)
        #expect(abs((report.expectedProgress ?? 0) - 4.0 / 11.0) < 1e-6)
        #expect(report.status == .onTrack)
        #expect(report.series.count == 7)
        #expect(report.item == "KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ")
    }
}


extension IndicatorTests {
    /// The Kuopio config with its indicators replaced by one, for the findings tests.
    static func config(_ indicator: IndicatorConfig) throws -> TilanneConfig {
        var config = try TestSupport.kuopioConfig()
        config.indicators = [indicator]
        return config
    }

    static func population(_ select: [IndicatorSelection] = [IndicatorSelection(variable: "Alue", category: "KU297"),
                                                              IndicatorSelection(variable: "Tiedot", category: "vaesto")],
                           path: String = "../Input/mittarit/kuopio-vaesto.px") -> IndicatorConfig {
        IndicatorConfig(id: "vakiluku", name: "Väkiluku", item: ItemPath(["kasvava-kuopio", "yrittajyysymparisto", "2"]), unit: nil, direction: .higher, band: nil,
                        baseline: IndicatorYearValue(year: 2019, value: nil), target: IndicatorYearValue(year: 2030, value: 130000),
                        thresholds: .default, decimals: nil, maxAgeYears: 2,
                        sources: [IndicatorSource(path: path, format: nil, select: select, time: nil, value: nil, sheet: nil)],
                        configLine: 7)
    }

    static func findings(_ config: TilanneConfig) -> [Diagnostic] {
        TestSupport.check(config).diagnostics.filter { $0.code.rawValue.hasPrefix("indicator.") || $0.code.rawValue.hasPrefix("statistics.") }
    }

    @Test("An area code the file does not have: a finding naming the codes it does have, and the indicator shows no data")
    func areaCodeMissing() throws {
        let config = try Self.config(Self.population([IndicatorSelection(variable: "Alue", category: "KU999"),
                                                      IndicatorSelection(variable: "Tiedot", category: "vaesto")]))
        let found = Self.findings(config)
        let missing = try #require(found.first { $0.code == .indicatorCodeNotFound })
        #expect(missing.message(.fi).contains("\"KU999\"") && missing.message(.fi).contains("KU297 (Kuopio)"))
        #expect(missing.location?.file == "Input/mittarit/kuopio-vaesto.px")
        #expect(missing.severity == .warning)
        let report = try #require(TestSupport.model(config).1.indicators?.first)
        #expect(report.status == .noData)
        #expect(report.findings.contains(.indicatorCodeNotFound))
    }

    @Test("A variable with several values that the selection does not name is a finding, not a guess")
    func selectionNeeded() throws {
        let found = Self.findings(try Self.config(Self.population([IndicatorSelection(variable: "Tiedot", category: "vaesto")])))
        let needed = try #require(found.first { $0.code == .indicatorSelectionNeeded })
        #expect(needed.arguments.first == "Alue")
        #expect(!found.contains { $0.code == .indicatorNoValues }) // the cause is named once
    }

    @Test("A variable name the file does not have is a finding listing the variables")
    func variableMissing() throws {
        let found = Self.findings(try Self.config(Self.population([IndicatorSelection(variable: "Kunta", category: "KU297")])))
        let missing = try #require(found.first { $0.code == .indicatorVariableNotFound })
        #expect(missing.message(.fi).contains("\"Alue\""))
    }

    @Test("Selection by label and in Swedish works as by code")
    func selectionByLabel() throws {
        let config = try Self.config(Self.population([IndicatorSelection(variable: "Område", category: "Kuopio"),
                                                      IndicatorSelection(variable: "Information", category: "Population")]))
        let report = try #require(TestSupport.model(config).1.indicators?.first)
        #expect(report.latest?.value == 124025)
    }

    @Test("A target year before the baseline year is a finding at the indicator's line in the config")
    func targetBeforeBaseline() throws {
        var indicator = Self.population()
        indicator.target = IndicatorYearValue(year: 2015, value: 130000)
        let finding = try #require(Self.findings(try Self.config(indicator)).first { $0.code == .indicatorTargetBeforeBaseline })
        #expect(finding.location?.row == 7)
        #expect(finding.location?.file.hasSuffix("tilanne.yml") == true)
        #expect(finding.arguments == ["vakiluku", "2015", "2019"])
    }

    @Test("A unit that changes between the files of one indicator is a finding")
    func unitChanged() throws {
        let folder = try TestSupport.temporaryFolder()
        let original = try String(contentsOf: StatisticsReaderTests.input("kuopio-vaesto.px"), encoding: .isoLatin1)
        let other = folder.appendingPathComponent("vaesto-tuhansina.px")
        try original.replacingOccurrences(of: "UNITS(\"Väkiluku\")=\"henkilöä\"", with: "UNITS(\"Väkiluku\")=\"tuhatta henkilöä\"")
            .write(to: other, atomically: true, encoding: .isoLatin1)
        var indicator = Self.population()
        indicator.sources.append(IndicatorSource(path: other.path, format: nil, select: indicator.sources[0].select, time: nil,
                                                 value: nil, sheet: nil))
        let finding = try #require(Self.findings(try Self.config(indicator)).first { $0.code == .indicatorUnitChanged })
        #expect(finding.arguments.dropFirst().first == "henkilöä")
        #expect(finding.arguments.last == "tuhatta henkilöä")
        #expect(finding.location?.file.hasSuffix("vaesto-tuhansina.px") == true)
    }

    @Test("An indicator whose file has no values for the selection: a finding, status no data")
    func noValues() throws {
        let config = try Self.config(Self.population([IndicatorSelection(variable: "Alue", category: "KU476"),
                                                      IndicatorSelection(variable: "Tiedot", category: "vaesto")]))
        let finding = try #require(Self.findings(config).first { $0.code == .indicatorNoValues })
        #expect(finding.arguments.first == "vakiluku")
        #expect(TestSupport.model(config).1.indicators?.first?.status == .noData)
    }

    @Test("A missing statistics file is a warning: the action report is still published")
    func missingFile() throws {
        let config = try Self.config(Self.population(path: "../Input/mittarit/ei-ole.px"))
        let finding = try #require(Self.findings(config).first)
        #expect(finding.code == .statisticsUnreadable && finding.severity == .warning)
        #expect(!Pipeline(config: config).policy.fails(TestSupport.check(config).diagnostics.filter { $0.code == .statisticsUnreadable }))
    }

    @Test("Lower is better: unemployment above its 2019 baseline is moving the wrong way")
    func lowerIsBetter() throws {
        let report = try #require(Self.indicator(try Self.kuopio().1, "tyottomyysaste"))
        #expect(report.baseline?.value == 10.3 && report.latest?.value == 10.9)
        #expect(report.status == .wrongWay)
        #expect(report.change == 0.6)
    }

    @Test("A year not yet published (\"..\") in the coordinator's workbook: the latest value is the year before")
    func workbookNotYetPublished() throws {
        let report = try #require(Self.indicator(try Self.kuopio().1, "yritykset"))
        #expect(report.latest?.period == "2022" && report.latest?.value == 7890)
        #expect(report.series.last?.symbol == "..")
        #expect(report.series.last?.value == nil)
    }

    @Test("Employment rate from JSON-stat: 2023 missing for Kuopio, so 2022 is the latest; old data flagged past max_age_years")
    func employmentRate() throws {
        var config = try TestSupport.kuopioConfig()
        var report = try #require(Self.indicator(TestSupport.model(config).1, "tyollisyysaste"))
        #expect(report.latest?.period == "2022" && report.latest?.value == 72.4)
        #expect(!report.stale)
        config.indicators = config.indicators.map { var copy = $0; copy.maxAgeYears = 1; return copy }
        let (programme, model) = TestSupport.model(config)
        report = try #require(Self.indicator(model, "tyollisyysaste"))
        #expect(report.stale)
        #expect(programme.diagnostics.contains { $0.code == .indicatorStale && $0.arguments.first == "tyollisyysaste" })
    }

    @Test("Band: inside the range is on track, outside it and further than at the baseline is the wrong way")
    func band() throws {
        var indicator = Self.population()
        indicator.direction = .band
        indicator.band = IndicatorBand(low: 120000, high: 125000)
        #expect(TestSupport.model(try Self.config(indicator)).1.indicators?.first?.status == .onTrack)
        indicator.band = IndicatorBand(low: 100000, high: 110000)
        #expect(TestSupport.model(try Self.config(indicator)).1.indicators?.first?.status == .wrongWay)
    }

    @Test("Reached: a latest value past the target is achieved")
    func achieved() throws {
        var indicator = Self.population()
        indicator.target = IndicatorYearValue(year: 2030, value: 123000)
        let report = try #require(TestSupport.model(try Self.config(indicator)).1.indicators?.first)
        #expect(report.status == .achieved)
    }

    @Test("The Swedish report takes the indicator's Swedish name from the config and its unit from the PX file's sv labels")
    func swedish() throws {
        let config = try TestSupport.kuopioConfig()
        let model = TestSupport.model(config).1.translated(to: .sv, config: config)
        let report = try #require(Self.indicator(model, "vakiluku"))
        #expect(report.name == "Folkmängd, Kuopio")
        #expect(report.unit == "personer")
        #expect(report.statisticsSource == "Statistikcentralen, befolkningsstruktur")
        #expect(report.item == "KONKURRENSKRAFTIG FÖRETAGSMILJÖ")
    }

    @Test("Numbers as a Finnish reader expects them", arguments: [
        (1234.5, 1, "", "1\u{00A0}234,5"), (7.8, 1, "%", "7,8\u{00A0}%"), (124025, 0, "henkilöä", "124\u{00A0}025 henkilöä"),
        (-0.25, 2, "", "-0,25"),
    ])
    func finnishNumbers(value: Double, decimals: Int, unit: String, expected: String) {
        #expect(ReportStrings(language: .fi).measure(value, decimals: decimals, unit: unit) == expected)
    }
}

/// A coordinator's own table in a shape the reader cannot take, and the rule that every
/// finding of the indicator stages names the indicator.
extension IndicatorTests {
    static func coordinatorTable(_ text: String, name: String = "kaupungin-mittarit.csv", sheet: String? = nil) throws -> IndicatorConfig {
        let url = try TestSupport.temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return IndicatorConfig(id: "tyollisyys", name: "Työllisyys", item: nil, unit: nil, direction: .higher, band: nil,
                               baseline: IndicatorYearValue(year: 2019, value: nil), target: IndicatorYearValue(year: 2030, value: 75),
                               thresholds: .default, decimals: nil, maxAgeYears: 2,
                               sources: [IndicatorSource(path: url.path, format: nil, select: [], time: nil, value: nil, sheet: sheet)],
                               configLine: 12)
    }

    @Test("A table with several value columns and no value: is a warning naming the indicator, the file and the columns; the report goes on")
    func severalValueColumns() throws {
        let config = try Self.config(try Self.coordinatorTable("Vuosi;Työllisyysaste;Työttömyysaste\n2019;70,1;10,3\n2023;72,4;10,9\n"))
        let programme = TestSupport.check(config)
        let found = programme.diagnostics.filter { $0.code.rawValue.hasPrefix("indicator.") || $0.code.rawValue.hasPrefix("statistics.") }
        #expect(found.map(\.code) == [.statisticsHeaderNotFound])
        let finding = try #require(found.first)
        #expect(finding.severity == .warning)
        #expect(finding.location?.file.hasSuffix("kaupungin-mittarit.csv") == true && finding.location?.row == 1)
        #expect(finding.message(.fi).hasPrefix("Mittari tyollisyys: "), "\(finding.message(.fi))")
        #expect(finding.message(.fi).contains("\"Työllisyysaste\", \"Työttömyysaste\""), "\(finding.message(.fi))")
        #expect(!finding.message(.fi).contains("{") && !finding.message(.fi).contains("\"\""), "\(finding.message(.fi))")
        #expect(finding.subject == .indicator("tyollisyys"))
        // Not a reason to stop: no error among the findings, and the policy passes the run.
        #expect(!programme.diagnostics.contains { $0.severity == .error })
        #expect(!Pipeline(config: config).policy.fails(programme.diagnostics))
        let (_, model) = TestSupport.model(config)
        #expect(model.indicators?.first?.status == .noData)
    }

    @Test("A workbook sheet that does not exist is a warning of the indicator, not an error of the run")
    func sheetMissing() throws {
        var indicator = Self.population()
        indicator.sources = [IndicatorSource(path: "../Input/mittarit/kuopio-yritykset.xlsx", format: nil, select: [], time: nil, value: nil,
                                             sheet: "Ei ole")]
        let config = try Self.config(indicator)
        let programme = TestSupport.check(config)
        let found = programme.diagnostics.filter { $0.code.rawValue.hasPrefix("indicator.") || $0.code.rawValue.hasPrefix("statistics.") }
        #expect(found.map(\.code) == [.statisticsSheetNotFound])
        #expect(found.first?.severity == .warning && found.first?.subject == .indicator("vakiluku"))
        #expect(!programme.diagnostics.contains { $0.severity == .error })
    }

    @Test("Every finding of the indicator stages names its indicator", arguments: [
        "missing-file", "wrong-code", "selection-needed", "no-variable", "broken-px", "broken-json", "table-header", "stale",
    ])
    func findingsNameTheIndicator(case name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        var indicator = Self.population()
        switch name {
        case "missing-file": indicator = Self.population(path: "../Input/mittarit/ei-ole.px")
        case "wrong-code": indicator = Self.population([IndicatorSelection(variable: "Alue", category: "KU999"),
                                                        IndicatorSelection(variable: "Tiedot", category: "vaesto")])
        case "selection-needed": indicator = Self.population([IndicatorSelection(variable: "Tiedot", category: "vaesto")])
        case "no-variable": indicator = Self.population([IndicatorSelection(variable: "Kunta", category: "KU297")])
        case "broken-px":
            let url = folder.appendingPathComponent("rikki.px")
            try "STUB=\"Alue\";\nVALUES(\"Alue\")=\"Kuopio;\nDATA=\n1;\n".write(to: url, atomically: true, encoding: .utf8)
            indicator = Self.population(path: url.path)
        case "broken-json":
            let url = folder.appendingPathComponent("rikki.json")
            try "{\"id\": [1,".write(to: url, atomically: true, encoding: .utf8)
            indicator = Self.population(path: url.path)
        case "table-header":
            indicator = try Self.coordinatorTable("Alue;Arvo\nKuopio;1\n")
        default:
            indicator.maxAgeYears = 0
            indicator.baseline = IndicatorYearValue(year: 2010, value: nil)
        }
        let found = Self.findings(try Self.config(indicator))
        #expect(!found.isEmpty)
        for finding in found {
            #expect(finding.subject == .indicator(indicator.id), "\(finding.code): \(finding.message(.fi))")
            #expect(finding.message(.fi).contains(indicator.id), "\(finding.code): \(finding.message(.fi))")
        }
    }
}

extension IndicatorTests {
    @Test("In a Swedish run a wrong code lists the variable and its labels in Swedish, where the file has them")
    func swedishSelectionFinding() throws {
        var config = try Self.config(Self.population([IndicatorSelection(variable: "Alue", category: "KU999"),
                                                      IndicatorSelection(variable: "Tiedot", category: "vaesto")]))
        config.language = .sv
        let found = Self.findings(config)
        #expect(found.map(\.code) == [.indicatorCodeNotFound])
        let finding = try #require(found.first)
        #expect(finding.arguments == ["KU999", "Område",
                                                 "SSS (HELA LANDET), KU091 (Helsingfors), KU179 (Jyväskylä), KU297 (Kuopio), KU476 (Maaninka)"])
        #expect(finding.message(.sv).hasPrefix("Indikator vakiluku: Variabeln \"Område\""), "\(finding.message(.sv))")
    }
}

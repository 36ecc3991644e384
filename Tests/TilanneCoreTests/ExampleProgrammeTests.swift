import Foundation
import Testing
@testable import TilanneCore

/// The example programmes of examples/ (one per city of the seed documents) through the real
/// pipeline: each keeps its own hierarchy, numbering, level names and counts, with nothing
/// misfiled, rejected or invented.
@Suite("Examples: five cities' programmes in one model")
struct ExampleProgrammeTests {
    static func model(_ city: String) throws -> (ValidatedProgramme, ReportModel) {
        let config = try ConfigLoader.load(from: TestSupport.repositoryRoot.appendingPathComponent("examples/\(city)/tilanne.yml"))
        return TestSupport.model(config)
    }

    /// The codes of every finding, so an unexpected one fails as a missing one does.
    static func codes(_ programme: ValidatedProgramme) -> [String] {
        programme.diagnostics.map(\.code.rawValue).sorted()
    }

    @Test("Kuopio: the real table under painopisteet and goals 1–13, as the shipped configuration reports it")
    func kuopio() throws {
        let (programme, model) = try Self.model("kuopio")
        let shipped = TestSupport.model(try TestSupport.kuopioConfig()).1
        #expect(model.levels.map(\.name) == ["Painopiste", "Tavoite"])
        #expect(model.outline.filter { $0.depth == 0 }.count == 4)
        #expect(model.outline.filter { $0.depth == 1 }.map { $0.item.number } == (1...13).map { "\($0)" })
        #expect(model.outline.first { $0.depth == 1 }?.item.heading == "TAVOITE 1. Osaavan työvoiman saannin turvaaminen")
        #expect(programme.accounting == RowAccounting(rowsIn: 77, reported: 77, rejected: 0, structure: 0, blank: 0))
        // The same actions, places and codes as the shipped setup; its indicators found from the programme file's folder.
        #expect(TestSupport.essence(model) == TestSupport.essence(shipped))
        #expect(model.indicators?.count == 5)
        #expect(!Self.codes(programme).contains { $0.hasPrefix("indicator.") || $0.hasPrefix("statistics.") || $0 == "source.missing" })
    }

    @Test("Imatra: one level of painopisteet, an unnumbered special project, colour words in any case, kärkitekemiset as tags")
    func imatra() throws {
        let (programme, model) = try Self.model("imatra")
        #expect(model.levels.map(\.name) == ["Painopiste"])
        #expect(!model.showsProgrammes)
        let items = model.outline.map { $0.item }
        #expect(items.map(\.heading) == [
            "1 Vaikuttavat työvoima- ja yrityspalvelut", "2 Houkutteleva ja yritysmyönteinen toimintaympäristö",
            "3 Osaava työvoima", "4 Kestävän aktiivi- ja elämysmatkailun kasvu",
            "Erityishanke: Suomen Erä- ja luontokulttuurimuseo",
        ])
        #expect(model.outline.allSatisfy { $0.depth == 0 }) // no invented level above
        #expect(programme.accounting == RowAccounting(rowsIn: 14, reported: 14, rejected: 0, structure: 0, blank: 0))
        // "Vihreä", "vihreä", "keltainen", "PUNAINEN": all legend codes; one cell is empty.
        #expect(model.totals.unknown.isEmpty)
        #expect(model.totals.missing == 1)
        #expect(Self.codes(programme) == ["progress.missing"])
        let tags = try #require(model.tags?.first)
        #expect(tags.name == "Strateginen kärkitekeminen")
        #expect(tags.items.map(\.key) == ["1", "2", "3", "4"])
        #expect(tags.items.allSatisfy { $0.counts.total > 0 })
        #expect(model.allActions.filter { $0.tags != nil }.count == 6)
        #expect(model.columns.map(\.label).contains("Aikataulu"))
    }

    @Test("Kouvola: kantoraketit and the kehitysperusta, percentages in their bands, a yearly period")
    func kouvola() throws {
        let (programme, model) = try Self.model("kouvola")
        #expect(model.levels.map(\.name) == ["Kantoraketti"])
        #expect(model.period == "TP 2024")
        #expect(model.outline.map { $0.item.number ?? $0.item.path.last! } == ["1", "2", "3", "4", "5", "kehitysperusta"])
        #expect(programme.accounting.reported == 15 && programme.accounting.rejected == 0)
        // Percent cells (0.75 shown as 75 %) and texts ("60 %", "100%") all land in a band.
        #expect(model.totals.unknown.isEmpty && model.totals.missing == 0)
        #expect(model.totals.byCode.map(\.code) == ["Toteutunut", "Etenee", "Alkuvaiheessa", "Ei aloitettu"])
        #expect(model.totals.byCode.allSatisfy { $0.count > 0 })
        #expect(Self.codes(programme).isEmpty)
        let config = try ConfigLoader.load(from: TestSupport.repositoryRoot.appendingPathComponent("examples/kouvola/tilanne.yml"))
        #expect(config.outputs.fileName(for: .xlsx, period: config.period).hasSuffix("-TP-2024.xlsx"))
    }

    @Test("Heinola: chapters 6 and 7, kärjet 6.1–6.5 and välineet 7.1–7.7 from a Word table, nothing misfiled")
    func heinola() throws {
        let (programme, model) = try Self.model("heinola")
        #expect(model.levels.map(\.name) == ["Luku", "Kärki / väline"])
        let chapters = model.outline.filter { $0.depth == 0 }.map(\.item)
        #expect(chapters.map(\.number) == ["6", "7"])
        #expect(chapters[0].items.map(\.number) == ["6.1", "6.2", "6.3", "6.4", "6.5"])
        #expect(chapters[1].items.map(\.number) == ["7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7"])
        // Every action is under the kohta whose number its identity carries: 6.1 and 7.1 never meet.
        for action in model.allActions {
            #expect(action.id.hasPrefix(action.place + "-"))
            #expect(action.path.keys.dropFirst().first == String(action.place.prefix(1)))
        }
        #expect(programme.accounting.reported == 19 && programme.accounting.rejected == 0)
        #expect(programme.accounting.isBalanced)
        // The title row after the header is counted and named, not read as an action.
        #expect(Self.codes(programme) == ["row.title"])
        #expect(model.totals.unknown.isEmpty && model.totals.missing == 0)
    }

    @Test("Mikkeli: three programmes with their owners, painopisteet 1.1 … and kohdat 1.1.1 …, a total per programme")
    func mikkeli() throws {
        let (programme, model) = try Self.model("mikkeli")
        #expect(model.showsProgrammes)
        #expect(model.programmeLevelName == "Ohjelma")
        #expect(model.levels.map(\.name) == ["Painopiste", "Kohta"])
        #expect(model.programmes.map(\.title) == ["Hyvän elämän ohjelma", "Kestävän kasvun ohjelma", "Elinvoimaohjelma"])
        #expect(model.programmes.map(\.owner) == ["Sivistysjohtaja", "Tekninen johtaja", "Kaupunginjohtaja"])
        #expect(model.programmes[0].items.map(\.number) == ["1.1", "1.2", "1.3"])
        #expect(model.programmes[0].items[0].items.map(\.number) == ["1.1.1", "1.1.2", "1.1.3"])
        #expect(model.programmes[2].items.map(\.number) == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"])
        // Totals per programme add up to the report's.
        #expect(model.programmes.map(\.counts.total).reduce(0, +) == model.totals.total)
        #expect(model.programmes.map(\.counts.total) == [6, 4, 6])
        // Actions under 3.3–3.6 sit on the painopiste itself (those have no kohdat).
        #expect(model.allActions.filter { $0.path.depth == 2 }.map(\.place) == ["3.3", "3.4", "3.6"])
        // Two title rows above the header, programme, painopiste and kohta rows: structure, never actions.
        #expect(programme.accounting == RowAccounting(rowsIn: 43, reported: 16, rejected: 0, structure: 27, blank: 0))
        #expect(Self.codes(programme) == ["progress.unknown-code"])
        #expect(model.totals.unknown.map(\.code) == ["+?"])
        // Each programme's steering group gets that programme alone.
        let config = try ConfigLoader.load(from: TestSupport.repositoryRoot.appendingPathComponent("examples/mikkeli/tilanne.yml"))
        let slice = model.slice(for: config.groups[1])
        #expect(slice.programmes.map(\.title) == ["Kestävän kasvun ohjelma"])
        #expect(slice.totals.total == 4)
        // The programme cards' indicators: listed under their painopiste, targets in words and
        // ranges, statuses set by hand and shown in Mikkeli's own legend, the source as readers know it.
        let indicators = try #require(model.indicators)
        #expect(indicators.map(\.item) == ["1.1 Yhteisöllisyys", "1.2 Aktiivinen ja hyvinvointia tukeva arki"])
        #expect(indicators.map(\.targetText) == ["toteutuu", "35–40"])
        #expect(indicators.map(\.baselineText) == ["ei toimintaa", "30–32"])
        #expect(indicators.map(\.status) == [.onTrack, .behind])
        #expect(indicators.map { $0.statusMark?.code } == ["+", "+/-"])
        #expect(indicators.allSatisfy { $0.manualStatus == true && $0.sourceLabel?.contains("esimerkki") == true })
        #expect(!Self.codes(programme).contains { $0.hasPrefix("indicator.") })
        #expect(slice.indicators == nil) // the group follows Kestävän kasvun ohjelma: no card of its own here
    }

    @Test("Every example's report names no level it does not declare")
    func noKuopioWords() throws {
        for city in ["imatra", "kouvola", "heinola", "mikkeli"] {
            let (_, model) = try Self.model(city)
            let data = try JSONEncoder().encode(model)
            let text = String(decoding: data, as: UTF8.self)
            for word in ["TAVOITE", "Tavoite", "Hankkeet", "Koko ohjelma"] {
                #expect(!text.contains(word), "\(city): \(word)")
            }
        }
    }

    @Test("Each example's status table, summary and indicators through the one layout, with its own levels and columns", arguments: ["kuopio", "imatra", "kouvola", "heinola", "mikkeli"])
    func statusTableLayout(city: String) throws {
        let (_, model) = try Self.model(city)
        let folder = try TestSupport.temporaryFolder()
        let actual = folder.appendingPathComponent("\(city).txt")
        try StatusTableLayout(model).snapshot(model).write(to: actual, atomically: true, encoding: .utf8)
        try RenderTests.expectMatchesReference(actual, "layout-status-\(city).txt")
        let summary = folder.appendingPathComponent("\(city)-summary.txt")
        try SummaryLayout(model).snapshot.write(to: summary, atomically: true, encoding: .utf8)
        try RenderTests.expectMatchesReference(summary, "layout-summary-\(city).txt")
        if let indicators = model.indicators {
            let table = folder.appendingPathComponent("\(city)-indicators.txt")
            try IndicatorTableLayout(indicators, model: model).snapshot.write(to: table, atomically: true, encoding: .utf8)
            try RenderTests.expectMatchesReference(table, "layout-indicators-\(city).txt")
        }
    }
}

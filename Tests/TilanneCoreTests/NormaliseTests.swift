import Foundation
import Testing
@testable import TilanneCore

@Suite("Normalise: texts, codes, lists, identity")
struct NormaliseTests {
    @Test("White space and dash variants are unified; the writer's line breaks stay")
    func cleaning() {
        let cleaned = TextNormaliser.clean("  Hankkeina\u{00A0}jatkuvat  TalentHub \r\nTyö\u{2011}ryhmä\u{200B} jatkaa\t \n\n")
        #expect(cleaned.text == "Hankkeina jatkuvat TalentHub\nTyö-ryhmä jatkaa")
        #expect(cleaned.removedControls == 0)
        #expect(TextNormaliser.clean("Askel –hanke").text == "Askel –hanke") // an en dash is punctuation, kept
        #expect(TextNormaliser.clean("a\u{0007}b\u{0000}c").removedControls == 2)
    }

    /// 5,000 rows are read in one part per worker; 20,000 in chunks of `ChunkedRows` (two full,
    /// one part full).
    @Test("A large flat table read in chunks side by side gives the rows and findings of reading it row by row",
          arguments: [5_000, 20_000])
    func chunkedReading(count: Int) throws {
        var rows: [[String]] = []
        for index in 0..<count {
            var overrides = [4: "Toimenpide \(index)"]
            // Findings scattered over the rows and the chunks: control characters in a cell, a
            // place first seen late (its title finding then), a row rejected on ingest.
            if index % 97 == 0 { overrides[8] = "Tila\u{0007} \(index)" }
            if index % 1_251 == 0 { overrides[1] = "\(2 + index % 3)"; overrides[2] = "Otsikko\u{0007} \(index)" }
            if index % 613 == 0 { overrides[5] = "Hanke\u{0001}" }
            rows.append(TestSupport.actionRow(overrides))
        }
        let file = try TestSupport.temporaryFolder().appendingPathComponent("suuri.csv")
        try TestSupport.writeFlatCSV(rows, to: file)
        let config = try TestSupport.config(reading: file)
        let raw = SourceIngester(config: config).ingest(config.sources[0])[0]
        var sequential = Normaliser(config: config)
        sequential.parallelFrom = .max
        var chunked = Normaliser(config: config)
        chunked.parallelFrom = 1
        let one = sequential.normalise(raw, source: config.sources[0])
        let other = chunked.normalise(raw, source: config.sources[0])
        #expect(one.actions.count == count)
        #expect(one.diagnostics.count > count * 12 / 1_000)
        #expect(one.diagnostics == other.diagnostics)
        func essence(_ row: ActionRow) -> [String] {
            let projects: [String] = row.projects.map(\.text)
            return ["\(row.rowNumber)", row.action, row.status, row.place.shown, "\(row.place.id)", projects.joined(separator: "|")]
        }
        let rowsOne: [[String]] = one.actions.map(essence)
        let rowsOther: [[String]] = other.actions.map(essence)
        #expect(rowsOne == rowsOther)
        #expect(one.rejected == other.rejected && one.structureRows == other.structureRows && one.blankRows == other.blankRows)
    }

    @Test("Hyphenation and spacing are no difference between titles; rewording is")
    func comparisonKey() {
        #expect(TextNormaliser.comparisonKey("Yrityskannan ja työpaikka-määrän kasvattaminen")
            == TextNormaliser.comparisonKey("Yrityskannan ja työpaikkamäärän kasvattaminen"))
        #expect(TextNormaliser.comparisonKey("Kaupunkikulttuurin  ja tapahtumien edistäminen")
            == TextNormaliser.comparisonKey("Kaupunkikulttuurin ja tapahtumien edistäminen"))
        #expect(TextNormaliser.comparisonKey("Yritysten fyysinen toimintaympäristö")
            != TextNormaliser.comparisonKey("Yritysten fyysisen toimintaympäristön kehittäminen"))
    }

    @Test("Progress codes are mapped through the legend and its aliases; unknown codes are kept as written")
    func progressCodes() throws {
        let resolver = ProgressCodeResolver(legend: try TestSupport.kuopioConfig().legend)
        #expect(resolver.resolve("+") == .known(code: "+"))
        #expect(resolver.resolve(" + / - ") == .known(code: "+/-"))
        #expect(resolver.resolve("+/–") == .known(code: "+/-"))
        #expect(resolver.resolve("±") == .known(code: "+/-"))
        #expect(resolver.resolve("\n+") == .known(code: "+"))
        #expect(resolver.resolve("    -") == .known(code: "-"))
        #expect(resolver.resolve("−") == .known(code: "-"))
        #expect(resolver.resolve("+?") == .unknown(written: "+?"))
        #expect(resolver.resolve("++") == .unknown(written: "++"))
        #expect(resolver.resolve("  ") == .missing)
    }

    @Test("Project periods are parsed from the forms the real table uses")
    func projects() {
        let future = Project.parse("Future Savo (2018-20)")
        #expect(future.name == "Future Savo")
        #expect(future.start == .init(year: 2018, month: nil))
        #expect(future.end == .init(year: 2020, month: nil))
        let taitopajat = Project.parse("Taitopajat-hanke (2018-6/21)")
        #expect(taitopajat.end == .init(year: 2021, month: 6))
        let uncertain = Project.parse("Nuorten elpymishanke (2021-23)?")
        #expect(uncertain.uncertain)
        #expect(uncertain.end?.year == 2023)
        let full = Project.parse("Invest & Grow in Kuopio region ja jatkohanke Invest & Expand in Northern Savo (2018-2022)")
        #expect(full.start?.year == 2018 && full.end?.year == 2022)
        let plain = Project.parse("Future Savo, rekrykampanjat")
        #expect(plain.name == "Future Savo, rekrykampanjat" && plain.start == nil)
    }

    @Test("Responsible parties become a list; repeats are dropped")
    func responsibleParties() throws {
        let config = try TestSupport.kuopioConfig()
        let programme = TestSupport.check(config)
        let first = programme.actions[0].row
        #expect(first.responsible == ["Elinvoima- ja konsernipalvelut", "oppilaitokset", "ELY", "Springhouse Oy"])
        #expect(first.projects.count == 5)
    }

    @Test("The derived action identity survives saving the table again with other spacing and order")
    func identity() throws {
        let folder = try TestSupport.temporaryFolder()
        let first = folder.appendingPathComponent("a.csv")
        let second = folder.appendingPathComponent("b.csv")
        try TestSupport.writeFlatCSV([TestSupport.actionRow(), TestSupport.actionRow([4: "Osaajien rekrytoinnin tuki"])], to: first)
        try TestSupport.writeFlatCSV([TestSupport.actionRow([4: "Osaajien  rekrytoinnin tuki "]),
                                      TestSupport.actionRow([4: " Muuttajapalvelujen\u{00A0}kehittäminen"])], to: second)
        let a = TestSupport.check(try TestSupport.config(reading: first)).actions.map(\.row.identity)
        let b = TestSupport.check(try TestSupport.config(reading: second)).actions.map(\.row.identity)
        #expect(Set(a) == Set(b))
        #expect(a.allSatisfy { $0.hasPrefix("1-") })
    }
}

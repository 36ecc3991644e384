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
